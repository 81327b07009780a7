/**
 * Keeps the card beside its mention while the page scrolls, resizes or reflows (floating-ui's
 * `autoUpdate` says when), places it with `layoutCard`, and tells the caller when the mention is
 * gone or out of sight: a card pointing at nothing misleads.
 */
import {
  autoUpdate,
  computePosition,
  hide as referenceHidden,
  type VirtualElement,
} from '@floating-ui/dom';
import type { Anchor } from './card-anchor';
import { type CardMode, layoutCard, VIEWPORT_PADDING_PX } from './card-layout';
import { mentionRange } from './hit-test';

/** The card's styled width (`--fl-card-width` in tokens.css), narrower windows permitting. */
const CARD_WIDTH_PX = 320;

/**
 * The layout viewport without scrollbars. Not `documentElement.clientHeight` alone: on a page in
 * quirks mode (no doctype, as some news pages still are) that is the whole document's height,
 * and a card "below" its line went off screen, then was pushed back over the line.
 */
export function viewportSize(doc: Document): { width: number; height: number } {
  const element = doc.compatMode === 'BackCompat' ? doc.body : doc.documentElement;
  const width = element?.clientWidth || window.innerWidth;
  const height = element?.clientHeight || window.innerHeight;
  return { width, height };
}

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
  let mode: CardMode | undefined;
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
    const viewport = viewportSize(doc);
    const layout = layoutCard({
      line,
      viewportWidth: viewport.width,
      viewportHeight: viewport.height,
      cardWidth: Math.min(CARD_WIDTH_PX, viewport.width - 2 * VIEWPORT_PADDING_PX),
      naturalHeight: card ? card.scrollHeight + card.clientTop * 2 : 0,
      previous: mode,
      rtl,
    });
    mode = layout.mode;
    floating.dataset.mode = layout.mode;
    floating.style.setProperty('--fl-max-height', `${layout.maxHeight}px`);
    floating.style.width = `${layout.width}px`;
    floating.style.left = `${layout.left}px`;
    floating.style.top = `${layout.top}px`;
    // floating-ui only to learn whether the line is clipped away (scrolled out of a box too).
    void computePosition(reference, floating, {
      strategy: 'fixed',
      middleware: [referenceHidden()],
    }).then(({ middlewareData }) => {
      if (!following) return;
      if (!middlewareData.hide?.referenceHidden) {
        seenOnScreen = true;
      } else if (seenOnScreen) {
        // Scrolled (or clipped) out of sight.
        onLost();
      }
    });
  };
  const stop = autoUpdate(reference, floating, update, { animationFrame: false });
  return () => {
    following = false;
    stop();
  };
}
