/**
 * What "Copy quote" puts on the clipboard: the quote and its source line as plain text, and the
 * same as HTML for editors that keep formatting, where the source line links to the page the
 * reader found the term on (the source article has no address of its own in the glossary).
 */

export interface ClipboardQuote {
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Only a web page's own address is worth linking; anything else (a file, `data:`) is left out. */
function linkablePage(pageUrl: string | undefined): string | undefined {
  if (!pageUrl) return undefined;
  try {
    const url = new URL(pageUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function quoteForClipboard({
  quote,
  sourceTitle,
  pageUrl,
}: {
  quote: string;
  sourceTitle: string;
  pageUrl?: string;
}): ClipboardQuote {
  const words = quote.trim();
  const title = sourceTitle.trim();
  // Quotes that open with the article's own quotation mark keep it instead of gaining a second.
  const quoted = /^[“"«「]/.test(words) ? words : `“${words}”`;
  const text = `${quoted}\n— ${title}`;
  const link = linkablePage(pageUrl);
  const cite = link
    ? `<a href="${escapeHtml(link)}"><cite>${escapeHtml(title)}</cite></a>`
    : `<cite>${escapeHtml(title)}</cite>`;
  const html = `<blockquote><p>${escapeHtml(words)}</p><p>— ${cite}</p></blockquote>`;
  return { text, html };
}
