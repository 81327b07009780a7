/**
 * Where the inline card goes, as pure geometry: above or below its line, whichever has room, then
 * beside it, and on a narrow window a sheet docked to the bottom (or top) edge. Whatever it picks,
 * the card never covers the line it explains and, where the window allows, keeps the lines just
 * above and below it readable too; it never leaves the viewport, and its height cap is the room it
 * has, so a long card scrolls inside itself instead of growing over the text.
 */
import type { RectLike } from './card-placement';

/** Space between the card and the text it keeps clear of. */
export const CARD_GAP_PX = 6;
/** The card keeps this far from the viewport's edges. */
export const VIEWPORT_PADDING_PX = 8;
/** The card's tallest; longer content scrolls inside it. */
export const CARD_MAX_HEIGHT_PX = 400;
/**
 * Less room than this on a side (about the heading, the summary's first lines and the start of
 * the quote) is not worth taking: another side wins, and a card on its side keeps to it, shrunk,
 * while it has at least this much.
 */
export const CARD_MIN_USEFUL_HEIGHT_PX = 160;
/**
 * At this width and narrower the card is a sheet across the window: a 320 px card beside a
 * phone's column of text would cover most of it, and a sheet is what touch readers expect.
 */
export const NARROW_VIEWPORT_PX = 480;
/** A sheet never takes more than this share of the window's height: the page stays in view. */
export const SHEET_MAX_SHARE = 0.6;

export type CardMode = 'above' | 'below' | 'right' | 'left' | 'sheet-bottom' | 'sheet-top';

export interface CardLayoutInput {
  /** The mention's line box the card explains, in viewport coordinates. */
  line: RectLike;
  viewportWidth: number;
  viewportHeight: number;
  /** The card's width as styled (a sheet ignores it). */
  cardWidth: number;
  /**
   * The card's full height uncapped (its scroll height plus borders). Judging the uncapped height
   * means capping the card never changes the next answer, so it does not jump between sides.
   */
  naturalHeight: number;
  /** Where the card was on the last update: it stays there while it fits (scrolling). */
  previous?: CardMode;
  /** Right-to-left text: the card aligns to the line's right edge. */
  rtl?: boolean;
}

export interface CardLayout {
  mode: CardMode;
  left: number;
  top: number;
  width: number;
  /** The card's height cap there (`--fl-max-height`). */
  maxHeight: number;
}

const clamp = (value: number, low: number, high: number) =>
  Math.min(Math.max(value, low), Math.max(low, high));

interface Band {
  /** The card's edge may come no closer to the line than this, above and below. */
  clearance: number;
  roomAbove: number;
  roomBelow: number;
}

/**
 * The room above and below the line with a clearance of one more line and the gap (the lines
 * just above and below stay readable), or with the gap alone where the window is too short for
 * that to leave the card useful room on either side.
 */
function bandAround(line: RectLike, viewportHeight: number, wanted: number): Band {
  const lineHeight = Math.max(0, line.bottom - line.top);
  const band = (clearance: number): Band => ({
    clearance,
    roomAbove: line.top - clearance - VIEWPORT_PADDING_PX,
    roomBelow: viewportHeight - line.bottom - clearance - VIEWPORT_PADDING_PX,
  });
  const wide = band(lineHeight + CARD_GAP_PX);
  const enough = Math.min(wanted, CARD_MIN_USEFUL_HEIGHT_PX);
  if (Math.max(wide.roomAbove, wide.roomBelow) >= enough) return wide;
  return band(CARD_GAP_PX);
}

function roomOf(band: Band, mode: 'above' | 'below'): number {
  return mode === 'above' ? band.roomAbove : band.roomBelow;
}

/** Above or below, whichever has room; undefined when neither has useful room. */
function pickVertical(
  band: Band,
  wanted: number,
  previous: CardMode | undefined,
): 'above' | 'below' | undefined {
  const fits = (mode: 'above' | 'below') => roomOf(band, mode) >= wanted;
  const useful = (mode: 'above' | 'below') => roomOf(band, mode) >= CARD_MIN_USEFUL_HEIGHT_PX;
  const kept = previous === 'above' || previous === 'below' ? previous : undefined;
  if (kept && fits(kept)) return kept;
  if (fits('below')) return 'below';
  if (fits('above')) return 'above';
  // Fits nowhere whole: stay put while there is useful room, so scrolling does not flip it.
  if (kept && useful(kept)) return kept;
  if (!useful('below') && !useful('above')) return undefined;
  return band.roomBelow >= band.roomAbove ? 'below' : 'above';
}

function verticalLayout(
  input: CardLayoutInput,
  band: Band,
  mode: 'above' | 'below',
  wanted: number,
): CardLayout {
  const { line, viewportWidth, viewportHeight, cardWidth, rtl } = input;
  const usable = viewportHeight - 2 * VIEWPORT_PADDING_PX;
  // Never more than the room on its side: the card scrolls rather than covering its line. A line
  // outside the viewport (the reveal command scrolling towards it) has room on one side only.
  const maxHeight = Math.max(
    0,
    Math.floor(Math.min(CARD_MAX_HEIGHT_PX, usable, roomOf(band, mode))),
  );
  const height = Math.min(wanted, maxHeight);
  const wantedTop =
    mode === 'below' ? line.bottom + band.clearance : line.top - band.clearance - height;
  const wantedLeft = rtl ? line.right - cardWidth : line.left;
  return {
    mode,
    left: clamp(wantedLeft, VIEWPORT_PADDING_PX, viewportWidth - VIEWPORT_PADDING_PX - cardWidth),
    top: clamp(wantedTop, VIEWPORT_PADDING_PX, viewportHeight - VIEWPORT_PADDING_PX - height),
    width: cardWidth,
    maxHeight,
  };
}

/** Beside the line, right (left for right-to-left text) first; undefined without the width. */
function besideLayout(input: CardLayoutInput, wanted: number): CardLayout | undefined {
  const { line, viewportWidth, viewportHeight, cardWidth, rtl } = input;
  const roomRight = viewportWidth - line.right - CARD_GAP_PX - VIEWPORT_PADDING_PX;
  const roomLeft = line.left - CARD_GAP_PX - VIEWPORT_PADDING_PX;
  const order: ('right' | 'left')[] = rtl ? ['left', 'right'] : ['right', 'left'];
  const kept = input.previous === 'right' || input.previous === 'left' ? input.previous : undefined;
  if (kept) order.unshift(kept);
  const mode = order.find((side) => (side === 'right' ? roomRight : roomLeft) >= cardWidth);
  if (!mode) return undefined;
  const maxHeight = Math.max(
    0,
    Math.floor(Math.min(CARD_MAX_HEIGHT_PX, viewportHeight - 2 * VIEWPORT_PADDING_PX)),
  );
  const height = Math.min(wanted, maxHeight);
  return {
    mode,
    left: mode === 'right' ? line.right + CARD_GAP_PX : line.left - CARD_GAP_PX - cardWidth,
    // Level with the line where it can be, slid up or down to stay inside the viewport.
    top: clamp(line.top, VIEWPORT_PADDING_PX, viewportHeight - VIEWPORT_PADDING_PX - height),
    width: cardWidth,
    maxHeight,
  };
}

/**
 * A sheet across the window, at the bottom edge while the room below the line allows (where a
 * thumb is), else at the top; its height cap keeps it off the line and the lines around it.
 */
function sheetLayout(input: CardLayoutInput, wanted: number): CardLayout {
  const { line, viewportWidth, viewportHeight } = input;
  const lineHeight = Math.max(0, line.bottom - line.top);
  const cap = Math.min(CARD_MAX_HEIGHT_PX, Math.floor(viewportHeight * SHEET_MAX_SHARE));
  const roomWith = (clearance: number) => ({
    bottom: viewportHeight - line.bottom - clearance,
    top: line.top - clearance,
  });
  const wide = roomWith(lineHeight + CARD_GAP_PX);
  const enough = Math.min(wanted, CARD_MIN_USEFUL_HEIGHT_PX);
  const room = Math.max(wide.bottom, wide.top) >= enough ? wide : roomWith(CARD_GAP_PX);
  const kept =
    input.previous === 'sheet-top'
      ? 'top'
      : input.previous === 'sheet-bottom'
        ? 'bottom'
        : undefined;
  const fits = (edge: 'top' | 'bottom') => room[edge] >= Math.min(wanted, cap);
  const edge =
    kept && fits(kept)
      ? kept
      : fits('bottom')
        ? 'bottom'
        : fits('top')
          ? 'top'
          : room.bottom >= room.top
            ? 'bottom'
            : 'top';
  const maxHeight = Math.max(0, Math.floor(Math.min(cap, room[edge], viewportHeight)));
  const height = Math.min(wanted, maxHeight);
  return {
    mode: edge === 'bottom' ? 'sheet-bottom' : 'sheet-top',
    left: 0,
    top: edge === 'bottom' ? viewportHeight - height : 0,
    width: viewportWidth,
    maxHeight,
  };
}

/** Where the card goes and how tall it may be there. */
export function layoutCard(input: CardLayoutInput): CardLayout {
  const wanted = Math.max(0, input.naturalHeight);
  if (input.viewportWidth <= NARROW_VIEWPORT_PX) return sheetLayout(input, wanted);
  const capped = Math.min(wanted, CARD_MAX_HEIGHT_PX);
  const band = bandAround(input.line, input.viewportHeight, capped);
  if (input.previous === 'left' || input.previous === 'right') {
    // Beside while it still has to be: scrolling must not flip it back and forth.
    const beside =
      pickVertical(band, capped, undefined) === undefined && besideLayout(input, capped);
    if (beside) return beside;
  }
  const vertical = pickVertical(band, capped, input.previous);
  if (vertical) return verticalLayout(input, band, vertical, capped);
  return (
    besideLayout(input, capped) ??
    verticalLayout(input, band, band.roomBelow >= band.roomAbove ? 'below' : 'above', capped)
  );
}
