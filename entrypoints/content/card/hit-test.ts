/**
 * Which mention is under a point, without listening on the marks (there are none in the DOM:
 * mentions are CSS highlights). Like 10ten's `src/content/get-cursor-position.ts`: ask the
 * browser for the caret position at the point, then look the text position up in the store.
 */

import type { Mention, MentionStore } from '../marking/mention-store';
import { openRootOf } from '../marking/shadow-trees';
import { pickLineRect, rectContains } from './card-placement';

export interface Hit {
  mention: Mention;
  /** Which line box of the mention the point is on (a mention can wrap over two lines). */
  lineIndex: number;
}

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretRangeFromPoint = (x: number, y: number) => Range | null;

/** The text position under a point: standard, or Chromium's older API before 128. */
export function caretAt(doc: Document, x: number, y: number): CaretPoint | undefined {
  // Standard; Firefox has it, Chromium from 128.
  if (typeof doc.caretPositionFromPoint === 'function') {
    // Without the open shadow roots under the point, Chromium answers with their host.
    const roots = shadowRootsAt(doc, x, y);
    const position =
      roots.length > 0
        ? doc.caretPositionFromPoint(x, y, { shadowRoots: roots })
        : doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const legacy = (doc as Document & { caretRangeFromPoint?: CaretRangeFromPoint })
    .caretRangeFromPoint;
  const range = legacy?.call(doc, x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/**
 * The open shadow roots a point is in, outermost first: the host under the point, then the host
 * under it inside that root, and so on (a component nested in a component). Our own UI host is
 * never one of them: the card is not marked text.
 */
function shadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let element = doc.elementFromPoint(x, y);
  while (element !== null) {
    const root = openRootOf(element);
    if (root === null || roots.includes(root)) break;
    roots.push(root);
    element = root.elementFromPoint(x, y);
  }
  return roots;
}

export function mentionRange(doc: Document, mention: Mention): Range {
  const range = doc.createRange();
  range.setStart(mention.node, mention.start);
  range.setEnd(mention.node, mention.end);
  return range;
}

export function hitTest(doc: Document, store: MentionStore, x: number, y: number): Hit | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  // `at` also accepts the offset just past a mention: the caret lands after a letter when the
  // point is on its right half.
  const mention = store.at(caret.node, caret.offset);
  if (!mention) return undefined;
  // The caret snaps to the nearest character even from a margin or the gap between lines.
  const rects = Array.from(mentionRange(doc, mention).getClientRects());
  if (!rects.some((rect) => rectContains(rect, x, y))) return undefined;
  return { mention, lineIndex: pickLineRect(rects, x, y) };
}
