/**
 * Pure geometry for the inline card: which line box of a mention the pointer is on, whether a
 * point really is on the mention, and which mention "next" and "previous" mean. Where the card
 * goes is `card-layout.ts`.
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
