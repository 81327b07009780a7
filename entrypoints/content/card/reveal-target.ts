/**
 * Which mention the reveal command ("next" / "previous" mention, from the popup's arrows or the
 * keyboard shortcuts) goes to. Only marked mentions count: in "first mention only" mode the later
 * mentions of a term carry no mark, and revealing one would open a card on unmarked text.
 */

import { type Mention, type MentionStore, samePlace } from '../marking/mention-store';
import { chooseRevealIndex } from './card-placement';

export interface RevealRequest {
  /** Only mentions of this term; any term when undefined. */
  id: string | undefined;
  direction: 'next' | 'previous';
  /** The mention revealed last time, if any. */
  last: Mention | undefined;
  viewportHeight: number;
}

/**
 * `topOf` gives a mention's viewport top, or NaN when it has no box (hidden text is skipped).
 * Returns undefined when no marked mention can be shown.
 */
export function pickRevealTarget(
  store: Pick<MentionStore, 'marked'>,
  request: RevealRequest,
  topOf: (mention: Mention) => number,
): Mention | undefined {
  const { id, direction, last, viewportHeight } = request;
  // The store keeps mentions in document order.
  const mentions = store
    .marked()
    .filter((mention) => (id === undefined || mention.id === id) && mention.node.isConnected);
  const lastIndex = last ? mentions.findIndex((mention) => samePlace(mention, last)) : -1;
  const index = chooseRevealIndex(
    mentions.map(topOf),
    lastIndex === -1 ? undefined : lastIndex,
    direction,
    viewportHeight,
  );
  return mentions[index];
}
