/**
 * What a card is anchored to: a mention on the page, the line of it the reader pointed at, and
 * which card it shows (a related term replaces the card but keeps the anchor).
 */
import { type Mention, type MentionStore, samePlace } from '../marking/mention-store';
import { hitTest } from './hit-test';

export interface Anchor {
  mention: Mention;
  lineIndex: number;
  cardId: string;
}

export const sameMention = (a: Anchor, b: Anchor) => samePlace(a.mention, b.mention);

export function anchorOf(mention: Mention, lineIndex = 0): Anchor {
  return { mention, lineIndex, cardId: mention.id };
}

/** The mention drawn under a viewport point, if any. */
export function anchorAt(
  doc: Document,
  store: MentionStore,
  x: number,
  y: number,
): Anchor | undefined {
  const hit = hitTest(doc, store, x, y);
  return hit && anchorOf(hit.mention, hit.lineIndex);
}
