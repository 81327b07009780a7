/**
 * Puts a quote on the clipboard from the card's "Copy quote" button (a user gesture, which both
 * browsers require of a content script; no `clipboardWrite` permission is needed for that).
 * `navigator.clipboard.write` with a plain-text and an HTML item first; where it is refused (a
 * page's Permissions-Policy, a browser without `ClipboardItem`), the `copy` command with our own
 * one-off `copy` listener, which writes the same two formats.
 */
import type { ClipboardQuote } from './quote-for-clipboard';

async function writeItems(quote: ClipboardQuote): Promise<void> {
  const item = new ClipboardItem({
    'text/plain': new Blob([quote.text], { type: 'text/plain' }),
    'text/html': new Blob([quote.html], { type: 'text/html' }),
  });
  await navigator.clipboard.write([item]);
}

function copyCommand(doc: Document, quote: ClipboardQuote): boolean {
  let written = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', quote.text);
    event.clipboardData.setData('text/html', quote.html);
    // Our own copy, not the page's selection: the browser must take our data instead.
    event.preventDefault();
    event.stopImmediatePropagation();
    written = true;
  };
  doc.addEventListener('copy', onCopy, { capture: true, once: true });
  try {
    doc.execCommand('copy');
  } catch {
    // Refused: `written` stays false.
  } finally {
    doc.removeEventListener('copy', onCopy, { capture: true });
  }
  return written;
}

/** Whether the quote reached the clipboard. */
export async function copyQuote(doc: Document, quote: ClipboardQuote): Promise<boolean> {
  try {
    if (typeof ClipboardItem === 'function' && typeof navigator.clipboard?.write === 'function') {
      await writeItems(quote);
      return true;
    }
  } catch {
    // Fall through to the copy command.
  }
  return copyCommand(doc, quote);
}
