import { describe, expect, it } from 'vitest';
import {
  CARD_GAP_PX,
  CARD_MAX_HEIGHT_PX,
  CARD_MIN_USEFUL_HEIGHT_PX,
  chooseCardSide,
  VIEWPORT_PADDING_PX,
} from '../../../../entrypoints/content/card/card-placement';

const VIEWPORT = 760;
/** A 20 px line whose top is at `top`. */
const lineAt = (top: number) => ({ lineTop: top, lineBottom: top + 20, viewportHeight: VIEWPORT });
const roomBelow = (top: number) => VIEWPORT - (top + 20) - CARD_GAP_PX - VIEWPORT_PADDING_PX;
const roomAbove = (top: number) => top - CARD_GAP_PX - VIEWPORT_PADDING_PX;

describe('which side of its line the card takes, and how tall it may be', () => {
  it('goes below the line when it fits there, at its full height cap', () => {
    expect(chooseCardSide({ ...lineAt(100), naturalHeight: 380 })).toEqual({
      side: 'bottom',
      maxHeight: CARD_MAX_HEIGHT_PX,
    });
  });

  it('flips above a line near the bottom of the viewport', () => {
    expect(chooseCardSide({ ...lineAt(700), naturalHeight: 380 }).side).toBe('top');
  });

  it('never covers its line: where it fits nowhere whole, it shrinks to the larger side', () => {
    // A line in the middle of a short (zoomed) viewport: 220 px below, 239 px above.
    const zoomed = { lineTop: 253, lineBottom: 273, viewportHeight: 507 };
    const choice = chooseCardSide({ ...zoomed, naturalHeight: 460 });
    expect(choice).toEqual({ side: 'top', maxHeight: 253 - CARD_GAP_PX - VIEWPORT_PADDING_PX });
  });

  it('judges the uncapped height, so shrinking the card never flips it on the next update', () => {
    const first = chooseCardSide({ ...lineAt(380), naturalHeight: 520 });
    // The same content, measured again after the card was capped: the answer is the same.
    const again = chooseCardSide({ ...lineAt(380), naturalHeight: 520, previous: first.side });
    expect(again).toEqual(first);
  });

  it('keeps its side while the page scrolls, as long as it fits there', () => {
    // Opened above a line near the bottom, then the page scrolls the line up to the middle.
    expect(chooseCardSide({ ...lineAt(700), naturalHeight: 300 }).side).toBe('top');
    expect(chooseCardSide({ ...lineAt(400), naturalHeight: 300, previous: 'top' }).side).toBe(
      'top',
    );
    // Scrolled on until it no longer fits above: below, where it does.
    expect(chooseCardSide({ ...lineAt(200), naturalHeight: 300, previous: 'top' }).side).toBe(
      'bottom',
    );
  });

  it('stays shrunk on its side while that side has useful room, then takes the roomier one', () => {
    const tall = 600;
    expect(chooseCardSide({ ...lineAt(380), naturalHeight: tall, previous: 'bottom' })).toEqual({
      side: 'bottom',
      maxHeight: roomBelow(380),
    });
    const cramped = VIEWPORT - 20 - CARD_GAP_PX - VIEWPORT_PADDING_PX - 100;
    expect(roomBelow(cramped)).toBeLessThan(CARD_MIN_USEFUL_HEIGHT_PX);
    expect(chooseCardSide({ ...lineAt(cramped), naturalHeight: tall, previous: 'bottom' })).toEqual(
      { side: 'top', maxHeight: Math.min(CARD_MAX_HEIGHT_PX, roomAbove(cramped)) },
    );
  });

  it('keeps a readable height for a line outside the viewport (reveal scrolling towards it)', () => {
    const choice = chooseCardSide({ ...lineAt(-900), naturalHeight: 380 });
    expect(choice.side).toBe('bottom');
    expect(choice.maxHeight).toBe(CARD_MAX_HEIGHT_PX);
    const far = chooseCardSide({ ...lineAt(VIEWPORT + 900), naturalHeight: 380 });
    expect(far.side).toBe('top');
    expect(far.maxHeight).toBe(CARD_MAX_HEIGHT_PX);
  });
});
