/**
 * Keeps the card beside its mention while the page scrolls, resizes or reflows (floating-ui's
 * `autoUpdate`), and tells the caller when the mention is gone or out of sight: a card pointing at
 * nothing misleads.
 */
import {
  autoUpdate,
  computePosition,
  offset,
  hide as referenceHidden,
  shift,
  type VirtualElement,
} from '@floating-ui/dom';
import type { Anchor } from './card-anchor';
import { CARD_GAP_PX, type CardSide, chooseCardSide, VIEWPORT_PADDING_PX } from './card-placement';
import { mentionRange } from './hit-test';

/** Starts following; the returned function stops it. `onLost` runs when the card should close. */
export function followAnchor(
  doc: Document,
  floating: HTMLElement,
  anchor: Anchor,
  onLost: () => void,
): () => void {
  const range = mentionRange(doc, anchor.mention);
  const reference: VirtualElement = {
    getBoundingClientRect() {
      const rects = range.getClientRects();
      return rects[Math.min(anchor.lineIndex, rects.length - 1)] ?? range.getBoundingClientRect();
    },
    getClientRects: () => range.getClientRects(),
    contextElement: anchor.mention.node.parentElement ?? undefined,
  };
  const parent = anchor.mention.node.parentElement;
  const rtl = parent !== null && getComputedStyle(parent).direction === 'rtl';
  let side: CardSide | undefined;
  // The reveal command opens the card while it scrolls towards the mention: only a mention that
  // was on screen and then left it closes the card.
  let seenOnScreen = false;
  let following = true;
  const update = () => {
    if (!anchor.mention.node.isConnected) {
      // The page replaced the text the card was about.
      onLost();
      return;
    }
    const card = floating.firstElementChild;
    const line = reference.getBoundingClientRect();
    // Not floating-ui's `flip` + `size`: `flip` judged the card `size` had shrunk and it jumped
    // between above and below. The side is chosen from the card's uncapped height.
    const choice = chooseCardSide({
      lineTop: line.top,
      lineBottom: line.bottom,
      viewportHeight: doc.documentElement.clientHeight,
      naturalHeight: card ? card.scrollHeight + card.clientTop * 2 : 0,
      previous: side,
    });
    side = choice.side;
    floating.style.setProperty('--fl-max-height', `${choice.maxHeight}px`);
    void computePosition(reference, floating, {
      strategy: 'fixed',
      placement: `${choice.side}-${rtl ? 'end' : 'start'}`,
      middleware: [
        offset(CARD_GAP_PX),
        shift({ padding: VIEWPORT_PADDING_PX, crossAxis: true }),
        referenceHidden(),
      ],
    }).then(({ x, y, middlewareData }) => {
      if (!following) return;
      if (!middlewareData.hide?.referenceHidden) {
        seenOnScreen = true;
      } else if (seenOnScreen) {
        // Scrolled (or clipped) out of sight.
        onLost();
        return;
      }
      floating.style.left = `${x}px`;
      floating.style.top = `${y}px`;
    });
  };
  const stop = autoUpdate(reference, floating, update, { animationFrame: false });
  return () => {
    following = false;
    stop();
  };
}
