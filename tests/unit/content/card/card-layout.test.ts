import { describe, expect, it } from 'vitest';
import {
  CARD_GAP_PX,
  CARD_MAX_HEIGHT_PX,
  CARD_MIN_USEFUL_HEIGHT_PX,
  type CardLayout,
  type CardLayoutInput,
  layoutCard,
  NARROW_VIEWPORT_PX,
  SHEET_MAX_SHARE,
  VIEWPORT_PADDING_PX,
} from '../../../../entrypoints/content/card/card-layout';
import type { RectLike } from '../../../../entrypoints/content/card/card-placement';

const LINE = 20;
const WIDE = { viewportWidth: 1100, viewportHeight: 760, cardWidth: 320 };
const NARROW = { viewportWidth: 400, viewportHeight: 760, cardWidth: 320 };

/** A 100 px wide mention on a 20 px line whose top is at `top`. */
function lineAt(top: number, left = 200): RectLike {
  return { left, top, right: left + 100, bottom: top + LINE };
}

function layout(
  overrides: Partial<CardLayoutInput> & { line: RectLike },
  naturalHeight = 300,
): CardLayout {
  return layoutCard({ ...WIDE, naturalHeight, ...overrides });
}

const overlaps = (a: RectLike, b: RectLike) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function boxOf(result: CardLayout, naturalHeight: number): RectLike {
  const height = Math.min(naturalHeight, result.maxHeight);
  return {
    left: result.left,
    top: result.top,
    right: result.left + result.width,
    bottom: result.top + height,
  };
}

/** The line itself and the lines just above and below it, across the whole width. */
function band(line: RectLike, viewportWidth: number): RectLike {
  return { left: 0, right: viewportWidth, top: line.top - LINE, bottom: line.bottom + LINE };
}

describe('where the card goes beside its line', () => {
  it('goes below a line near the top, leaving the next line readable', () => {
    const line = lineAt(100);
    const result = layout({ line });
    expect(result.mode).toBe('below');
    expect(result.top).toBe(line.bottom + LINE + CARD_GAP_PX);
    expect(result.left).toBe(line.left);
  });

  it('goes above a line near the bottom, leaving the line before it readable', () => {
    const line = lineAt(700);
    const result = layout({ line });
    expect(result.mode).toBe('above');
    expect(result.top + 300).toBe(line.top - LINE - CARD_GAP_PX);
  });

  it('caps its height at the room on its side, so a long card scrolls instead of covering text', () => {
    const line = lineAt(380);
    const result = layout({ line }, 900);
    expect(result.maxHeight).toBeLessThanOrEqual(CARD_MAX_HEIGHT_PX);
    expect(overlaps(boxOf(result, 900), band(line, WIDE.viewportWidth))).toBe(false);
  });

  it('judges the uncapped height, so capping the card never flips it on the next update', () => {
    const line = lineAt(380);
    const first = layout({ line }, 520);
    expect(layout({ line, previous: first.mode }, 520)).toEqual(first);
  });

  it('keeps its side while the page scrolls, as long as it fits there', () => {
    expect(layout({ line: lineAt(700) }).mode).toBe('above');
    expect(layout({ line: lineAt(400), previous: 'above' }).mode).toBe('above');
    // Scrolled on until it no longer fits above: below, where it does.
    expect(layout({ line: lineAt(150), previous: 'above' }).mode).toBe('below');
  });

  it('on a short window gives up the spare line before it gives up the card', () => {
    // 200 px high: with a line of clearance neither side has 160 px; with the gap alone one has.
    const line = lineAt(12);
    const result = layoutCard({ ...WIDE, viewportHeight: 220, line, naturalHeight: 300 });
    expect(result.mode).toBe('below');
    expect(result.top).toBe(line.bottom + CARD_GAP_PX);
    expect(result.maxHeight).toBe(220 - line.bottom - CARD_GAP_PX - VIEWPORT_PADDING_PX);
    expect(overlaps(boxOf(result, 300), line)).toBe(false);
  });

  it('goes beside the line where neither above nor below has useful room', () => {
    // A landscape phone-sized window, 560 × 300, with the line in the middle.
    const line = lineAt(140, 40);
    const result = layoutCard({
      ...WIDE,
      viewportWidth: 560,
      viewportHeight: 300,
      line,
      naturalHeight: 500,
    });
    expect(result.mode).toBe('right');
    expect(result.left).toBe(line.right + CARD_GAP_PX);
    expect(result.maxHeight).toBe(300 - 2 * VIEWPORT_PADDING_PX);
    expect(overlaps(boxOf(result, 500), line)).toBe(false);
    // The same line at the right edge: on its left.
    const right = lineAt(140, 440);
    const left = layoutCard({
      ...WIDE,
      viewportWidth: 560,
      viewportHeight: 300,
      line: right,
      naturalHeight: 500,
    });
    expect(left.mode).toBe('left');
    expect(left.left + left.width).toBe(right.left - CARD_GAP_PX);
  });

  it('aligns to the line’s right edge on right-to-left text', () => {
    const line = lineAt(100, 600);
    const result = layout({ line, rtl: true });
    expect(result.left + result.width).toBe(line.right);
  });

  it('slides along the line to stay inside the viewport at the edges', () => {
    const atRight = layout({ line: lineAt(100, 1000) });
    expect(atRight.left + atRight.width).toBe(WIDE.viewportWidth - VIEWPORT_PADDING_PX);
    const atLeft = layout({ line: lineAt(100, 0), rtl: true });
    expect(atLeft.left).toBe(VIEWPORT_PADDING_PX);
  });

  it('stays inside the viewport while its line is still outside it (the reveal command scrolling)', () => {
    for (const top of [-900, -10, 770, 1700]) {
      const result = layout({ line: lineAt(top) });
      const box = boxOf(result, 300);
      expect(box.top).toBeGreaterThanOrEqual(VIEWPORT_PADDING_PX);
      expect(box.bottom).toBeLessThanOrEqual(WIDE.viewportHeight - VIEWPORT_PADDING_PX);
      expect(result.maxHeight).toBeGreaterThanOrEqual(CARD_MIN_USEFUL_HEIGHT_PX);
    }
  });
});

describe('the sheet on a narrow window', () => {
  it('is a sheet across the window at the bottom edge when the line is high', () => {
    const line = lineAt(100, 20);
    const result = layoutCard({ ...NARROW, line, naturalHeight: 300 });
    expect(result).toMatchObject({ mode: 'sheet-bottom', left: 0, width: NARROW.viewportWidth });
    expect(result.top + 300).toBe(NARROW.viewportHeight);
  });

  it('moves to the top edge when the line is low, never over it', () => {
    const line = lineAt(700, 20);
    const result = layoutCard({ ...NARROW, line, naturalHeight: 300 });
    expect(result.mode).toBe('sheet-top');
    expect(result.top).toBe(0);
    expect(overlaps(boxOf(result, 300), band(line, NARROW.viewportWidth))).toBe(false);
  });

  it('takes at most its share of the window, even for a long card', () => {
    const result = layoutCard({ ...NARROW, line: lineAt(40, 20), naturalHeight: 2_000 });
    expect(result.maxHeight).toBeLessThanOrEqual(
      Math.floor(NARROW.viewportHeight * SHEET_MAX_SHARE),
    );
  });

  it('starts at the narrow width and not a pixel wider', () => {
    const at = (viewportWidth: number) =>
      layoutCard({ ...WIDE, viewportWidth, line: lineAt(100, 20), naturalHeight: 300 }).mode;
    expect(at(NARROW_VIEWPORT_PX)).toBe('sheet-bottom');
    expect(at(NARROW_VIEWPORT_PX + 1)).toBe('below');
  });
});

describe('never over the line it explains', () => {
  // Every line position on a grid of window sizes and card heights: the card stays inside the
  // viewport and off its line; with room enough, off the lines around it too.
  const sizes = [
    [1100, 760],
    [1100, 400],
    [800, 300],
    [560, 300],
    [400, 760],
    [360, 640],
    [400, 300],
  ] as const;
  for (const [viewportWidth, viewportHeight] of sizes) {
    it(`at ${viewportWidth} × ${viewportHeight}`, () => {
      const cardWidth = Math.min(320, viewportWidth - 2 * VIEWPORT_PADDING_PX);
      const wrong: unknown[] = [];
      for (let top = 0; top + LINE <= viewportHeight; top += 7) {
        for (const left of [0, 30, viewportWidth / 2 - 50, viewportWidth - 100]) {
          for (const naturalHeight of [90, 240, 380, 900]) {
            const line = lineAt(top, left);
            const result = layoutCard({
              viewportWidth,
              viewportHeight,
              cardWidth,
              line,
              naturalHeight,
            });
            const box = boxOf(result, naturalHeight);
            const outside =
              box.left < 0 ||
              box.top < 0 ||
              box.right > viewportWidth ||
              box.bottom > viewportHeight;
            if (overlaps(box, line) || outside) wrong.push({ line, naturalHeight, result });
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('keeps the lines around it clear wherever a readable card fits without covering them', () => {
    for (let top = 0; top + LINE <= 760; top += 5) {
      const line = lineAt(top);
      const result = layout({ line }, 240);
      expect(
        overlaps(boxOf(result, 240), band(line, WIDE.viewportWidth)),
        JSON.stringify(result),
      ).toBe(false);
    }
  });
});
