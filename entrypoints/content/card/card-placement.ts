/**
 * Pure geometry for the inline card: which line box of a mention the pointer is on, whether a
 * point really is on the mention, which side of its line the card goes and how tall it may be
 * there, and which mention "next" and "previous" mean.
 */

export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Caret-from-point APIs snap to the nearest character even when the pointer is in a margin or
 * between lines; a mention counts as hovered only when the point is inside one of its line boxes.
 * `slop` forgives the pixel rounding at the edges of inline boxes.
 */
export function rectContains(rect: RectLike, x: number, y: number, slop = 1): boolean {
  return (
    x >= rect.left - slop &&
    x <= rect.right + slop &&
    y >= rect.top - slop &&
    y <= rect.bottom + slop
  );
}

function distanceSquared(rect: RectLike, x: number, y: number): number {
  const dx = x < rect.left ? rect.left - x : x > rect.right ? x - rect.right : 0;
  const dy = y < rect.top ? rect.top - y : y > rect.bottom ? y - rect.bottom : 0;
  return dx * dx + dy * dy;
}

/**
 * The line box of a (possibly wrapped) mention to anchor the card to: the one containing the
 * point, else the nearest one. -1 for a mention with no boxes (hidden, collapsed).
 */
export function pickLineRect(rects: readonly RectLike[], x: number, y: number): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  rects.forEach((rect, index) => {
    if (rect.right - rect.left <= 0 && rect.bottom - rect.top <= 0) return;
    const distance = distanceSquared(rect, x, y);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

/**
 * Which mention to reveal next. `tops` are the viewport tops of the mentions in document order
 * (NaN for one that has no box); `last` is the index revealed last time, if it still exists.
 * Without a last one, "next" is the first mention at or below the top of the viewport and
 * "previous" the last one starting above its bottom. Both wrap around, skipping hidden mentions.
 * Returns -1 when no mention can be shown.
 */
export function chooseRevealIndex(
  tops: readonly number[],
  last: number | undefined,
  direction: 'next' | 'previous',
  viewportHeight: number,
): number {
  const count = tops.length;
  const visible = (index: number) => !Number.isNaN(tops[index] ?? Number.NaN);
  const step = direction === 'next' ? 1 : -1;
  let start: number;
  if (last !== undefined && last >= 0 && last < count) {
    start = last + step;
  } else if (direction === 'next') {
    const below = tops.findIndex((top) => top >= 0);
    start = below === -1 ? 0 : below;
  } else {
    let above = -1;
    tops.forEach((top, index) => {
      if (top < viewportHeight) above = index;
    });
    start = above === -1 ? count - 1 : above;
  }
  for (let tried = 0; tried < count; tried += 1) {
    const index = (((start + step * tried) % count) + count) % count;
    if (visible(index)) return index;
  }
  return -1;
}

/** Space between the card and its line (floating-ui's `offset`). */
export const CARD_GAP_PX = 6;
/** The card keeps this far from the viewport's edges. */
export const VIEWPORT_PADDING_PX = 8;
/** The card's tallest; longer content scrolls inside it. Matches the stylesheet's cap. */
export const CARD_MAX_HEIGHT_PX = 400;
/**
 * A card on its side keeps to that side, shrunk, while it has at least this much room: about the
 * heading, the summary's first lines and the start of the quote. Less, and the other side wins.
 */
export const CARD_MIN_USEFUL_HEIGHT_PX = 160;

export type CardSide = 'top' | 'bottom';

export interface SideChoice {
  side: CardSide;
  /** The card's height cap on that side: it never covers its own line. */
  maxHeight: number;
}

/**
 * Above or below the line, and how tall the card may be there. `naturalHeight` is the card's
 * full height uncapped (its scroll height), so shrinking the card never changes the next answer:
 * floating-ui's `flip` judged the shrunk card and flipped it back and forth. The card stays on
 * the side it is on (`previous`) while it fits there; else below if it fits, else above if it
 * fits; when it fits on neither side it stays where it is while that side has useful room, or
 * takes the side with more room.
 */
export function chooseCardSide({
  lineTop,
  lineBottom,
  viewportHeight,
  naturalHeight,
  previous,
}: {
  lineTop: number;
  lineBottom: number;
  viewportHeight: number;
  naturalHeight: number;
  previous?: CardSide;
}): SideChoice {
  const room: Record<CardSide, number> = {
    bottom: viewportHeight - lineBottom - CARD_GAP_PX - VIEWPORT_PADDING_PX,
    top: lineTop - CARD_GAP_PX - VIEWPORT_PADDING_PX,
  };
  const wanted = Math.min(naturalHeight, CARD_MAX_HEIGHT_PX);
  const fits = (side: CardSide) => room[side] >= wanted;
  const choose = (side: CardSide): SideChoice => ({
    side,
    maxHeight: Math.max(
      Math.min(CARD_MAX_HEIGHT_PX, Math.floor(room[side])),
      // A line outside the viewport (the reveal command scrolling towards it) leaves no room
      // on one side; the card keeps a readable height and `shift` holds it inside the viewport.
      CARD_MIN_USEFUL_HEIGHT_PX,
    ),
  });
  if (previous && fits(previous)) return choose(previous);
  if (fits('bottom')) return choose('bottom');
  if (fits('top')) return choose('top');
  // Fits nowhere whole: stay put while there is useful room, so scrolling does not flip it.
  if (previous && room[previous] >= CARD_MIN_USEFUL_HEIGHT_PX) return choose(previous);
  return choose(room.bottom >= room.top ? 'bottom' : 'top');
}
