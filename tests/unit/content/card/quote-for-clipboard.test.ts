import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  quoteForClipboard,
} from '../../../../entrypoints/content/card/quote-for-clipboard';

const TITLE = 'Second World Internet Conference Concludes';

describe('what "Copy quote" puts on the clipboard', () => {
  it('as plain text: the quote in quotation marks, then its source line', () => {
    const { text } = quoteForClipboard({
      quote: 'We should respect Internet users’ rights.',
      sourceTitle: TITLE,
      pageUrl: 'https://news.example.org/story',
    });
    expect(text).toBe(
      '“We should respect Internet users’ rights.”\n— Second World Internet Conference Concludes',
    );
  });

  it('keeps a quote’s own opening quotation mark instead of adding a second', () => {
    const { text } = quoteForClipboard({
      quote: '“Cyberspace is not lawless.”',
      sourceTitle: TITLE,
    });
    expect(text.startsWith('“Cyberspace')).toBe(true);
    expect(text.startsWith('““')).toBe(false);
  });

  it('as HTML: a blockquote whose source line links to the page it was found on', () => {
    const { html } = quoteForClipboard({
      quote: 'Freedom and order.',
      sourceTitle: TITLE,
      pageUrl: 'https://news.example.org/story?id=1&x=2',
    });
    expect(html).toBe(
      '<blockquote><p>Freedom and order.</p><p>— <a href="https://news.example.org/story?id=1&amp;x=2"><cite>Second World Internet Conference Concludes</cite></a></p></blockquote>',
    );
  });

  it('escapes the quote and title, so pasted HTML is exactly the words', () => {
    const { html } = quoteForClipboard({ quote: '<b>a & "b"</b>', sourceTitle: "O'Brien <i>" });
    expect(html).toContain('&lt;b&gt;a &amp; &quot;b&quot;&lt;/b&gt;');
    expect(html).toContain('<cite>O&#39;Brien &lt;i&gt;</cite>');
    expect(escapeHtml('&<>"\'')).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('links only a web page: no link for a file, data or script address', () => {
    for (const pageUrl of [
      'file:///home/me/a.html',
      'data:text/html,x',
      'javascript:alert(1)',
      'not a url',
      undefined,
    ]) {
      const { html } = quoteForClipboard({ quote: 'Q', sourceTitle: TITLE, pageUrl });
      expect(html, String(pageUrl)).not.toContain('<a ');
      expect(html).toContain(`<cite>${TITLE}</cite>`);
    }
  });
});
