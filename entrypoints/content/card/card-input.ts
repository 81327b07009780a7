/**
 * The reader's input turned into hover-intent calls: pointer moves and presses, taps, the
 * keyboard (Escape, Alt in stealth mode, focus on a marked link). One listener per event type on
 * the document (Page Previews does the same), all passive and in the capture phase: the page's
 * own handling of every event is untouched, a click on a marked link still follows the link, and
 * a page that stops propagation of its pointer events does not blind the card.
 */
import type { MentionStore } from '../marking/mention-store';
import { type Anchor, anchorAt, anchorOf, sameMention } from './card-anchor';
import type { HoverIntent } from './hover-intent';

/** A tap on a mark inside one of these belongs to the page: the link or control acts, we don't. */
const INTERACTIVE =
  'a[href], button, input, select, textarea, label, summary, [contenteditable=""], [contenteditable="true"], [role="button"], [role="link"]';

/** A tap is a touch that neither moved far nor lasted long (a long press selects text instead). */
const TAP_SLOP_PX = 10;
const TAP_MAX_MS = 500;

/** Focus on an element with this much text is focus on a region, not on a term. */
const FOCUS_TEXT_LIMIT = 200;

export interface CardInputTarget {
  store: MentionStore;
  intent: HoverIntent<Anchor>;
  /** Stealth mode: cards open only while Alt is held, never on focus or tap. */
  stealth(): boolean;
  /** Whether an event target is our card's host. */
  ownsTarget(target: EventTarget | null): boolean;
  cardHasFocus(): boolean;
  followFullscreen(): void;
  /** The content script context's animation frame (cancelled when the extension goes away). */
  requestFrame(callback: () => void): number;
}

/** Starts listening; the returned function removes every listener and the pending frame. */
export function listenForCardInput(doc: Document, target: CardInputTarget): () => void {
  const { store, intent } = target;
  let pointer: { x: number; y: number; alt: boolean; overCard: boolean } | undefined;
  let frame = 0;
  let touchStart: { x: number; y: number; time: number; id: number } | undefined;

  function onPointerFrame(): void {
    frame = 0;
    const at = pointer;
    if (!at) return;
    if (at.overCard) {
      intent.enterCard();
      intent.leaveTarget();
      return;
    }
    intent.leaveCard();
    if (store.total() === 0 || (target.stealth() && !at.alt)) {
      intent.leaveTarget();
      return;
    }
    const anchor = anchorAt(doc, store, at.x, at.y);
    if (anchor) intent.enterTarget(anchor);
    else intent.leaveTarget();
  }

  function schedulePointer(): void {
    if (!frame) frame = target.requestFrame(onPointerFrame);
  }

  const lifetime = new AbortController();
  const passive = { passive: true, capture: true, signal: lifetime.signal };
  function listen<K extends keyof DocumentEventMap>(
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
  ): void {
    doc.addEventListener(type, handler, passive);
  }

  listen('pointermove', (event: PointerEvent) => {
    // Touch moves are scrolls and drags; a touch opens a card with a tap instead.
    if (event.pointerType === 'touch') return;
    // Most pages have no mention: with no card open there, a move has nothing to find or leave.
    if (store.total() === 0 && intent.current === undefined) return;
    pointer = {
      x: event.clientX,
      y: event.clientY,
      alt: event.altKey,
      overCard: target.ownsTarget(event.target),
    };
    schedulePointer();
  });

  listen('pointerout', (event: PointerEvent) => {
    // Leaving the window: nothing will report the pointer again until it comes back.
    if (event.relatedTarget !== null || event.pointerType === 'touch') return;
    pointer = undefined;
    intent.leaveCard();
    intent.leaveTarget();
  });

  listen('pointerdown', (event: PointerEvent) => {
    if (target.ownsTarget(event.target)) return;
    if (event.pointerType === 'touch') {
      touchStart = {
        x: event.clientX,
        y: event.clientY,
        time: event.timeStamp,
        id: event.pointerId,
      };
      return;
    }
    // A mouse press elsewhere dismisses the card; on its own mention it may be selecting text.
    const current = intent.current;
    const anchor = current && anchorAt(doc, store, event.clientX, event.clientY);
    if (current && !(anchor && sameMention(anchor, current))) intent.close();
  });

  listen('pointerup', (event: PointerEvent) => {
    const start = touchStart;
    if (event.pointerType !== 'touch' || !start || start.id !== event.pointerId) return;
    touchStart = undefined;
    const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y);
    if (moved > TAP_SLOP_PX || event.timeStamp - start.time > TAP_MAX_MS) return;
    const anchor = target.stealth()
      ? undefined
      : anchorAt(doc, store, event.clientX, event.clientY);
    const onControl = anchor?.mention.node.parentElement?.closest(INTERACTIVE);
    if (anchor && !onControl) intent.openNow(anchor, 'tap');
    else intent.close();
  });

  listen('keydown', (event: KeyboardEvent) => {
    if (event.key === 'Escape' && intent.current) {
      intent.close();
    } else if (event.key === 'Alt' && target.stealth() && pointer) {
      pointer = { ...pointer, alt: true };
      schedulePointer();
    }
  });

  listen('keyup', (event: KeyboardEvent) => {
    if (event.key !== 'Alt' || !target.stealth()) return;
    if (pointer) pointer = { ...pointer, alt: false };
    if (!target.cardHasFocus()) intent.close();
  });

  listen('focusin', (event: FocusEvent) => {
    const focused = event.target;
    if (target.ownsTarget(focused) || !(focused instanceof Element)) return;
    const anchor = target.stealth() ? undefined : keyboardFocusAnchor(focused);
    if (anchor) intent.openNow(anchor, 'focus');
    else if (intent.currentReason === 'focus' || intent.currentReason === 'reveal') {
      intent.close();
    }
  });

  listen('fullscreenchange', () => target.followFullscreen());

  function keyboardFocusAnchor(focused: Element): Anchor | undefined {
    // Only keyboard focus: a mouse click that focuses a link already had its chance to hover.
    if (!focused.matches(':focus-visible')) return undefined;
    if ((focused.textContent ?? '').length > FOCUS_TEXT_LIMIT) return undefined;
    const mention = store.marked().find((candidate) => focused.contains(candidate.node));
    return mention && anchorOf(mention);
  }

  return () => {
    lifetime.abort();
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };
}
