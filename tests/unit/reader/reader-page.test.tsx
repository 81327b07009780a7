import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { parseReaderSearch, readerSearch } from '../../../common/reader-query';
import { articleBlocks, locateQuote } from '../../../entrypoints/reader/article-blocks';
import { type ReaderLoaders, ReaderPage } from '../../../entrypoints/reader/ReaderPage';
import { realCard, realSource } from '../support/real-cards';
import { waitFor } from '../support/wait-for';

const SOURCE = 'second-world-internet-conference';

const loaders: ReaderLoaders = {
  card: async (id) => {
    try {
      return realCard(id);
    } catch {
      return null;
    }
  },
  source: async (id) => realSource(id),
};

let container: HTMLElement | undefined;

async function showReader(search: string): Promise<HTMLElement> {
  container = document.createElement('div');
  document.body.append(container);
  render(<ReaderPage search={search} loaders={loaders} />, container);
  const root = container;
  // Loaded, or failed with an alert: either way no longer "Loading the article…".
  await waitFor(() => expect(root.querySelector('.reader__status')).toBeNull());
  return root;
}

afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = undefined;
});

describe('the reader page', () => {
  it('shows the whole article with exactly the card quote highlighted', async () => {
    const card = realCard('great-firewall');
    const quote = card.quotes[0];
    const root = await showReader(
      readerSearch({ kind: 'card', card: 'great-firewall', quoteIndex: 0 }),
    );
    const marks = root.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]?.textContent).toBe(quote?.text);
    expect(root.querySelector('h1')?.textContent).toBe(
      'Second World Internet Conference Concludes',
    );
    const source = realSource(SOURCE);
    const paragraphs = source?.text.split('\n').filter((line) => line.trim() !== '').length ?? 0;
    // The title line is the heading; every other line a paragraph.
    expect(root.querySelectorAll('article p')).toHaveLength(paragraphs - 1);
    expect(root.querySelector('.reader__card')?.textContent).toContain('Great Firewall');
    expect(document.activeElement).toBe(marks[0]);
  });

  it('highlights an explicit character range of the source', async () => {
    const source = realSource(SOURCE);
    const start = source?.text.indexOf('Wuzhen') ?? -1;
    expect(start).toBeGreaterThan(0);
    const root = await showReader(
      readerSearch({ kind: 'source', source: SOURCE, start, end: start + 'Wuzhen'.length }),
    );
    expect([...root.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Wuzhen']);
  });

  it('explains instead of guessing when the source is unknown', async () => {
    const root = await showReader('?source=no-such-article&quote=0-10');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('not in Firewall Lens');
    expect(root.querySelector('mark')).toBeNull();
  });

  it('explains when the range lies outside the article', async () => {
    const root = await showReader(`?source=${SOURCE}&quote=100000-100010`);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('not inside this article');
  });

  it('explains when the card or the quote does not exist', async () => {
    expect(
      (await showReader('?card=no-such-card&quote=0')).querySelector('[role="alert"]')?.textContent,
    ).toContain('no card');
    render(null, container as HTMLElement);
    expect(
      (await showReader('?card=vpn&quote=9')).querySelector('[role="alert"]')?.textContent,
    ).toContain('no such quote');
  });
});

describe('reader addresses', () => {
  it('round-trip both forms', () => {
    for (const target of [
      { kind: 'card', card: 'great-firewall', quoteIndex: 1 },
      { kind: 'source', source: SOURCE, start: 1195, end: 1402 },
    ] as const) {
      expect(parseReaderSearch(readerSearch(target))).toEqual({ ok: true, target });
    }
  });

  it('reject empty, reversed and malformed ranges', () => {
    for (const search of [
      '',
      '?card=vpn',
      '?card=vpn&quote=x',
      `?source=${SOURCE}&quote=5-5`,
      `?source=${SOURCE}&quote=9-3`,
      `?source=${SOURCE}&quote=-1-4`,
    ]) {
      expect(parseReaderSearch(search).ok).toBe(false);
    }
  });
});

describe('article blocks', () => {
  it('cut a highlight that spans two lines into both paragraphs', () => {
    const text = 'Title\nfirst line\nsecond line';
    const start = text.indexOf('line');
    const end = text.indexOf('second') + 'second'.length;
    const blocks = articleBlocks(text, 'Title', { start, end });
    expect(blocks.map((block) => block.kind)).toEqual(['title', 'paragraph', 'paragraph']);
    expect(
      blocks.flatMap((block) => block.segments.filter((s) => s.highlighted).map((s) => s.text)),
    ).toEqual(['line', 'second']);
  });

  it('find a quote by its text when its offset no longer matches', () => {
    const text = 'Title\nAn edited first line. The quoted words.';
    expect(locateQuote(text, { text: 'The quoted words.', start: 3 })).toEqual({
      start: text.indexOf('The quoted'),
      end: text.length,
    });
    expect(locateQuote(text, { text: 'Not there.', start: 3 })).toBeUndefined();
  });
});
