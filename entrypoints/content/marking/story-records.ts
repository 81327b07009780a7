/**
 * The story detector's records: one `Tally` per element that text arrived below, in document
 * order with parents first (the walk makes a record together with those of its open ancestors).
 * Every later pass is a loop over this array: forwards when parents must be decided first,
 * backwards when children's numbers go up into their parents.
 */

import type { StoryHint } from './story-hints';

export interface Tally {
  /** Its place in `records` (document order, parents first). */
  readonly index: number;
  readonly element: Element;
  readonly parent: Tally | null;
  readonly tag: string;
  /** Has any attribute: elements without one (most of them) are asked nothing more. */
  readonly attributed: boolean;
  /** Inside a link: its text is link text. */
  readonly inLink: boolean;
  /** Has a block element with text below it (so it is not a paragraph itself). */
  hasBlockChild: boolean;
  /** Own text nodes first; after the totals pass, the whole subtree's. */
  chars: number;
  linkChars: number;
  /**
   * Text of its own runs: its text nodes and those of inline elements below it, not of blocks
   * below it. A div holding text and <br>s between its figures is a paragraph of those runs.
   */
  inlineChars: number;
  inlineCommas: number;
  /** Not story by its nature or its ancestors' (decided in the natures pass). */
  notStory: boolean;
  /** Share or social block (decided in the natures pass). */
  social: boolean;
  hint: StoryHint;
  /** Has received a paragraph's score (a candidate). */
  scored: boolean;
  score: number;
  /** Characters of the scored paragraphs below it. */
  proseChars: number;
  /** How much it reads like a story (see MIN_STORY_PROSE in story-choice.ts). */
  prose: number;
}

/**
 * Where a pass over the records stands between two slices. One object per detector, set back
 * to 0 before each pass.
 */
export interface PassCursor {
  cursor: number;
}

/** How many records a pass handles between two looks at the clock. */
export const CLOCK_EVERY = 256;

/** Elements that start a block of text: text below them does not run into their parent's. */
export const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * The start of the fields that come to hold fractions. A literal 0 is kept as a small integer:
 * at the first fraction V8 changes the records' layout and then migrates each record it meets
 * (tens of thousands on a long page, a quarter of the scoring time; the scoring pass took
 * 21-34 ms on the long-story page, 3-5 ms with these fields starting as floats). -0 is a float
 * from the start.
 */
const FRACTIONAL_ZERO = -0;

/**
 * A new record at the end of `records`, below `parent` (null for the walk's root). Every field is
 * written here, in one order, so that all records share one layout in V8.
 */
export function newRecord(
  records: Tally[],
  element: Element,
  tag: string,
  attributed: boolean,
  parent: Tally | null,
  inLink: boolean,
): Tally {
  const record: Tally = {
    index: records.length,
    element,
    parent,
    tag,
    attributed,
    inLink,
    hasBlockChild: false,
    chars: 0,
    linkChars: 0,
    inlineChars: 0,
    inlineCommas: 0,
    notStory: false,
    social: false,
    hint: 'none',
    scored: false,
    score: FRACTIONAL_ZERO,
    proseChars: FRACTIONAL_ZERO,
    prose: FRACTIONAL_ZERO,
  };
  if (parent !== null && BLOCKS.has(tag)) parent.hasBlockChild = true;
  records.push(record);
  return record;
}

/**
 * Children's totals into their parents: records come parents first, so backwards is bottom-up.
 * An inline element's own runs of text are its parent's runs too; a block's are not. Works until
 * `deadline` (by `now`); true when every record is summed.
 */
export function sumTotals(
  records: readonly Tally[],
  pass: PassCursor,
  deadline: number,
  now: () => number,
): boolean {
  while (pass.cursor < records.length) {
    const record = records[records.length - 1 - pass.cursor++] as Tally;
    const parent = record.parent;
    if (parent !== null) {
      parent.chars += record.chars;
      parent.linkChars += record.linkChars;
      if (!BLOCKS.has(record.tag)) {
        parent.inlineChars += record.inlineChars;
        parent.inlineCommas += record.inlineCommas;
      }
    }
    if (pass.cursor % CLOCK_EVERY === 0 && now() >= deadline) return false;
  }
  return true;
}

/** Share of a record's text (after the totals) that is link text. */
export function linkDensity(record: Tally): number {
  return record.chars > 0 ? record.linkChars / record.chars : 0;
}
