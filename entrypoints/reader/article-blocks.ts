/**
 * Splits a source text into what the reader page renders: the title line, then one paragraph per
 * line, each cut where the highlighted range starts and ends. Offsets are UTF-16 code units into
 * the whole text, as in the glossary's quotes, so the page highlights exactly the quoted span.
 */

export interface Segment {
  text: string;
  highlighted: boolean;
}

export interface Block {
  kind: 'title' | 'paragraph';
  /** Offset of the block's first character in the whole text. */
  start: number;
  segments: Segment[];
}

export interface TextRange {
  start: number;
  end: number;
}

export function isValidRange(text: string, range: TextRange): boolean {
  return (
    Number.isInteger(range.start) &&
    Number.isInteger(range.end) &&
    range.start >= 0 &&
    range.end > range.start &&
    range.end <= text.length
  );
}

function cut(line: string, lineStart: number, range: TextRange | undefined): Segment[] {
  if (!range) return [{ text: line, highlighted: false }];
  const from = Math.max(range.start - lineStart, 0);
  const to = Math.min(range.end - lineStart, line.length);
  if (to <= 0 || from >= line.length || from >= to) return [{ text: line, highlighted: false }];
  const segments: Segment[] = [];
  if (from > 0) segments.push({ text: line.slice(0, from), highlighted: false });
  segments.push({ text: line.slice(from, to), highlighted: true });
  if (to < line.length) segments.push({ text: line.slice(to), highlighted: false });
  return segments;
}

/**
 * The first line is the title when it equals `title` (the bundled sources start with their
 * headline); blank lines are dropped, but offsets still count them.
 */
export function articleBlocks(text: string, title: string, range?: TextRange): Block[] {
  const blocks: Block[] = [];
  let lineStart = 0;
  for (const [index, line] of text.split('\n').entries()) {
    const kind = index === 0 && line.trim() === title.trim() ? 'title' : 'paragraph';
    if (line.trim() !== '')
      blocks.push({ kind, start: lineStart, segments: cut(line, lineStart, range) });
    lineStart += line.length + 1;
  }
  return blocks;
}

/**
 * Where a quote is in its source: at its recorded offset when the text there matches, else at
 * its first occurrence (an edited source), else nowhere.
 */
export function locateQuote(
  text: string,
  quote: { text: string; start: number },
): TextRange | undefined {
  const end = quote.start + quote.text.length;
  if (quote.text !== '' && text.slice(quote.start, end) === quote.text) {
    return { start: quote.start, end };
  }
  const found = quote.text === '' ? -1 : text.indexOf(quote.text);
  return found === -1 ? undefined : { start: found, end: found + quote.text.length };
}
