/**
 * Scores as reader modes give them (studied from Mozilla Readability): each paragraph-like block
 * of 25 characters or more gets a point, one per comma and one per 100 characters (at most
 * three), and hands it to its parent whole, to its grandparent halved and further up divided by
 * three times the distance (five levels). Containers start from their tag (a `div` a little up,
 * lists and headings down) and their name (story words up, chrome words down), and end scaled by
 * how little of their text is link text.
 */

import { CLOCK_EVERY, linkDensity, type PassCursor, type Tally } from './story-records';

/** Paragraph-like blocks shorter than this add nothing (captions, buttons, labels). */
const MIN_PARAGRAPH_CHARS = 25;
/** Levels of ancestors that receive a paragraph's score. */
const SCORE_LEVELS = 5;
/**
 * A paragraph longer than this reads like a story by the square root of its excess
 * (Readability's "readerable" test; see MIN_STORY_PROSE in story-choice.ts).
 */
const LONG_PARAGRAPH_CHARS = 140;

/** Blocks whose own runs of text are scored as paragraphs (Readability's set, and divs). */
const PARAGRAPHS = new Set([
  'p',
  'pre',
  'td',
  'div',
  'section',
  'article',
  'blockquote',
  'h2',
  'h3',
  'h4',
]);

/**
 * Starting score of a container, by tag: the reader-mode prior. A Map, not an object: an object
 * read with a different tag name each time sent V8's optimised scoring pass back to the
 * interpreter at each new name (six times on the 2 MB page).
 */
const TAG_PRIOR = new Map<string, number>([
  ['div', 5],
  ['article', 5],
  ['pre', 3],
  ['td', 3],
  ['blockquote', 3],
  ['address', -3],
  ['ol', -3],
  ['ul', -3],
  ['dl', -3],
  ['dd', -3],
  ['dt', -3],
  ['li', -3],
  ['form', -3],
  ['h1', -5],
  ['h2', -5],
  ['h3', -5],
  ['h4', -5],
  ['h5', -5],
  ['h6', -5],
  ['th', -5],
]);
/** What a story name (`article-body`) adds to a container's start, and a chrome name takes off. */
const NAME_WEIGHT = 25;

/**
 * Each paragraph's points to its ancestors (after the totals and the natures: paragraphs that are
 * not story or lie in a link score nothing). A record receiving its first points starts from its
 * prior and joins `candidates`. Works until `deadline` (by `now`); true when every record is read.
 */
export function scoreParagraphs(
  records: readonly Tally[],
  pass: PassCursor,
  deadline: number,
  now: () => number,
  candidates: Tally[],
): boolean {
  while (pass.cursor < records.length) {
    const record = records[pass.cursor++] as Tally;
    const chars = record.inlineChars;
    if (
      chars >= MIN_PARAGRAPH_CHARS &&
      !record.notStory &&
      !record.inLink &&
      PARAGRAPHS.has(record.tag)
    ) {
      const points = 1 + (record.inlineCommas + 1) + Math.min(Math.floor(chars / 100), 3);
      const prose = chars > LONG_PARAGRAPH_CHARS ? Math.sqrt(chars - LONG_PARAGRAPH_CHARS) : 0;
      // A block of only text is a paragraph of its parent; the runs of text between the blocks
      // of a container are a paragraph inside it (as if wrapped in a <p>).
      let ancestor = record.hasBlockChild ? record : record.parent;
      for (let level = 0; level < SCORE_LEVELS && ancestor !== null; level++) {
        if (!ancestor.scored) {
          ancestor.scored = true;
          ancestor.score = prior(ancestor);
          candidates.push(ancestor);
        }
        ancestor.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
        ancestor.proseChars += chars;
        ancestor.prose += prose;
        ancestor = ancestor.parent;
      }
    }
    if (pass.cursor % CLOCK_EVERY === 0 && now() >= deadline) return false;
  }
  return true;
}

/** A container's starting score: its tag's prior and what its name says (natures pass). */
export function prior(record: Tally): number {
  const hint = record.hint;
  const byName = hint === 'story' ? NAME_WEIGHT : hint === 'weak' ? -NAME_WEIGHT : 0;
  return (TAG_PRIOR.get(record.tag) ?? 0) + byName;
}

/** A candidate's score scaled by how little of its text is link text. */
export function finalScore(record: Tally): number {
  return record.score * (1 - linkDensity(record));
}
