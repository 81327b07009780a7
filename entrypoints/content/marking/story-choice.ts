/**
 * The story from the scored candidates: the best container, moved up to its parent when the
 * parent scores better or when several nearly-as-good candidates share it, then with its siblings
 * that score well, or that are paragraphs of prose, headings or figures between them; the page's
 * headline (the last `h1` before the story) joins it. No story when the container chosen holds
 * too little prose, reads like teasers, scores too little or is mostly links: a home page, a
 * feed, search results, a forum.
 *
 * The choice cannot stop halfway (the detector gives it a slice of its own on a long page).
 */

import { linkDensity, type Tally } from './story-records';
import { finalScore } from './story-scoring';

/** Below this much scored prose in the best container, the page has no story. */
export const MIN_STORY_CHARS = 400;
/** The best container's score (after link density) must reach this: about three paragraphs. */
export const MIN_STORY_SCORE = 15;
/**
 * And its paragraphs must read like a story: the sum over paragraphs longer than
 * LONG_PARAGRAPH_CHARS (story-scoring.ts) of the square root of the excess (Readability's
 * "readerable" test, applied to the container). Teaser summaries and search snippets are
 * shorter; two paragraphs of 400 characters pass.
 */
export const MIN_STORY_PROSE = 20;
/** A container whose text is more than this share links is not a story (a feed, a teaser grid). */
const MAX_STORY_LINK_DENSITY = 0.5;

/** Siblings joined to the story as its own headings and figures, when between its parts. */
const STORY_FURNITURE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'blockquote']);

/**
 * The story's containers in document order (parents first, as `records`), or null when the page
 * has none. `candidates`: the records that received a paragraph's score.
 */
export function chooseStory(
  records: readonly Tally[],
  candidates: readonly Tally[],
): Tally[] | null {
  let best: Tally | null = null;
  let bestScore = 0;
  const ranked: { record: Tally; score: number }[] = [];
  for (const candidate of candidates) {
    if (candidate.notStory) continue;
    const score = finalScore(candidate);
    ranked.push({ record: candidate, score });
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best === null) return null;
  let top = climb(best, bestScore, ranked);
  // A container that is its parent's only child: the parent, so its siblings are the story's.
  while (top.parent !== null && top.parent.parent !== null && onlyChild(top)) top = top.parent;
  if (
    top.proseChars < MIN_STORY_CHARS ||
    top.prose < MIN_STORY_PROSE ||
    finalScore(top) < MIN_STORY_SCORE ||
    linkDensity(top) > MAX_STORY_LINK_DENSITY
  ) {
    return null;
  }
  const roots = withSiblings(records, top);
  const headline = headlineBefore(records, roots[0] as Tally);
  if (headline !== null) roots.unshift(headline);
  return roots;
}

/**
 * Up from the best candidate while its parent scores better (within reach), or when three or
 * more nearly-as-good candidates share an ancestor: the story is split over them.
 */
function climb(
  best: Tally,
  bestScore: number,
  ranked: readonly { record: Tally; score: number }[],
): Tally {
  const close = ranked
    .filter(({ record, score }) => record !== best && score >= bestScore * 0.75)
    .sort((a, b) => b.score - a.score)
    .slice(0, 4)
    .map(({ record }) => record);
  if (close.length >= 3) {
    for (let ancestor = best.parent; ancestor !== null; ancestor = ancestor.parent) {
      if (ancestor.parent === null) break;
      const sharing = close.filter((record) => isAncestor(ancestor, record)).length;
      if (sharing >= 3) return ancestor;
    }
  }
  const top = best;
  let last = bestScore;
  const floor = bestScore / 3;
  for (let parent = top.parent; parent !== null && parent.parent !== null; parent = parent.parent) {
    if (!parent.scored || parent.notStory) continue;
    const score = finalScore(parent);
    if (score < floor) break;
    if (score > last) return parent;
    last = score;
  }
  return top;
}

/** The candidate with the siblings that belong to it: scored ones, prose, headings, figures. */
function withSiblings(records: readonly Tally[], top: Tally): Tally[] {
  const parentElement = top.element.parentElement;
  if (top.parent === null || parentElement === null) return [top];
  const threshold = Math.max(10, finalScore(top) * 0.2);
  const topClass = top.element.getAttribute('class');
  const siblings: { record: Tally | undefined; element: Element }[] = [];
  const recordOf = new Map<Element, Tally>();
  for (const record of records)
    if (record.parent === top.parent) recordOf.set(record.element, record);
  for (const element of parentElement.children) {
    siblings.push({ record: recordOf.get(element), element });
  }
  const joins = siblings.map(({ record }) => {
    if (record === undefined || record.notStory) return false;
    if (record === top) return true;
    const bonus =
      topClass && record.element.getAttribute('class') === topClass ? finalScore(top) * 0.2 : 0;
    if (record.scored && finalScore(record) + bonus >= threshold) return true;
    if (record.tag === 'p') {
      const density = linkDensity(record);
      if (record.chars > 80 && density < 0.25) return true;
      return record.chars > 0 && density === 0 && /\.( |$)/.test(record.element.textContent ?? '');
    }
    return false;
  });
  const first = joins.indexOf(true);
  const last = joins.lastIndexOf(true);
  const roots: Tally[] = [];
  for (let i = 0; i < siblings.length; i++) {
    const record = siblings[i]?.record;
    if (record === undefined) continue;
    // Headings and figures between the story's parts, or just before it, are its own.
    const furniture =
      !record.notStory && STORY_FURNITURE.has(record.tag) && i >= first - 1 && i <= last;
    if (joins[i] || furniture) roots.push(record);
  }
  return roots;
}

/** The last `h1` before the story, when it is not inside something that is not story. */
function headlineBefore(records: readonly Tally[], first: Tally): Tally | null {
  for (let i = first.index - 1; i >= 0; i--) {
    const record = records[i] as Tally;
    if (record.tag !== 'h1' || record.chars === 0) continue;
    if (record.notStory || isAncestor(record, first)) return null;
    return record;
  }
  return null;
}

function isAncestor(ancestor: Tally, record: Tally): boolean {
  for (let r = record.parent; r !== null; r = r.parent) if (r === ancestor) return true;
  return false;
}

function onlyChild(record: Tally): boolean {
  const parent = record.element.parentElement;
  return parent !== null && parent.children.length === 1;
}
