/**
 * The reader page's address: which article, which stretch of it to highlight. Pure, so the
 * card (which builds it) and the page (which parses it) agree, and tests cover both.
 *
 * - `?card=great-firewall&quote=0`: quote 0 of that card, in the card's source.
 * - `?source=second-world-internet-conference&quote=1195-1402`: a range of UTF-16 offsets.
 */

export const READER_PATH = '/reader.html';

export type ReaderTarget =
  | { kind: 'card'; card: string; quoteIndex: number }
  | { kind: 'source'; source: string; start: number; end: number };

/** What is wrong with an address; the page words it in the interface language. */
export type ReaderQueryError = 'bad-quote-index' | 'bad-range' | 'empty-range' | 'no-article';

export type ReaderQuery =
  | { ok: true; target: ReaderTarget }
  | { ok: false; error: ReaderQueryError };

export function readerSearch(target: ReaderTarget): string {
  const params = new URLSearchParams();
  if (target.kind === 'card') {
    params.set('card', target.card);
    params.set('quote', String(target.quoteIndex));
  } else {
    params.set('source', target.source);
    params.set('quote', `${target.start}-${target.end}`);
  }
  return `?${params.toString()}`;
}

const INDEX = /^\d{1,6}$/;
const RANGE = /^(\d{1,9})-(\d{1,9})$/;

export function parseReaderSearch(search: string): ReaderQuery {
  const params = new URLSearchParams(search);
  const card = params.get('card');
  const source = params.get('source');
  const quote = params.get('quote') ?? '';
  if (card) {
    if (!INDEX.test(quote)) return { ok: false, error: 'bad-quote-index' };
    return { ok: true, target: { kind: 'card', card, quoteIndex: Number(quote) } };
  }
  if (source) {
    const match = RANGE.exec(quote);
    if (!match) return { ok: false, error: 'bad-range' };
    const start = Number(match[1]);
    const end = Number(match[2]);
    if (end <= start) return { ok: false, error: 'empty-range' };
    return { ok: true, target: { kind: 'source', source, start, end } };
  }
  return { ok: false, error: 'no-article' };
}
