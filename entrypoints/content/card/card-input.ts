/**
 * The reader's input turned into hover-intent calls: pointer moves and presses, clicks and taps
 * (which pin the card), the keyboard (Escape, Enter, Alt in stealth mode, focus on a marked link). One listener per event type on
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

/**
 * A touch ends in a compatibility click this soon after it: that click is the tap already
 * handled, not a mouse click (Firefox ESR 140's click events may carry no pointer type).
 */
const TOUCH_CLICK_MS = 800;

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
  let lastTouchEnd = Number.NEGATIVE_INFINITY;

  /** A mark the reader clicked or tapped to pin its card: not one inside a link or control. */
  function pinnableAt(x: number, y: number): Anchor | undefined {
    const anchor = anchorAt(doc, store, x, y);
    return anchor && !anchor.mention.node.parentElement?.closest(INTERACTIVE) ? anchor : undefined;
  }

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
    lastTouchEnd = event.timeStamp;
    const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y);
    if (moved > TAP_SLOP_PX || event.timeStamp - start.time > TAP_MAX_MS) return;
    const anchor = target.stealth() ? undefined : pinnableAt(event.clientX, event.clientY);
    // A tap opens and pins: there is no hover to keep a touch reader's card open.
    if (anchor) intent.openNow(anchor, 'tap', true);
    else intent.close();
  });

  // A touch that turns into a scroll ends in pointercancel, not pointerup: it is never a tap.
  listen('pointercancel', (event: PointerEvent) => {
    if (touchStart?.id === event.pointerId) touchStart = undefined;
  });

  listen('click', (event: MouseEvent) => {
    if (event.button !== 0 || target.ownsTarget(event.target)) return;
    const touch = 'pointerType' in event && (event as PointerEvent).pointerType === 'touch';
    if (touch || event.timeStamp - lastTouchEnd < TOUCH_CLICK_MS) return;
    if (store.total() === 0 || (target.stealth() && !event.altKey)) return;
    // The end of a drag that selected text is a click too; the reader was selecting, not pinning.
    if (doc.getSelection()?.isCollapsed === false) return;
    const anchor = pinnableAt(event.clientX, event.clientY);
    if (anchor) intent.openNow(anchor, 'click', true);
  });

  listen('keydown', (event: KeyboardEvent) => {
    if (event.key === 'Escape' && intent.current) {
      intent.close();
    } else if (event.key === 'Enter' && intent.currentReason === 'focus' && !event.repeat) {
      // Enter on the focused mark (a marked link acts too: we never cancel the page's keys).
      intent.setPinned(true);
    } else if (event.key === 'Alt' && target.stealth() && pointer) {
      pointer = { ...pointer, alt: true };
      schedulePointer();
    }
  });

  listen('keyup', (event: KeyboardEvent) => {
    if (event.key !== 'Alt' || !target.stealth()) return;
    if (pointer) pointer = { ...pointer, alt: false };
    if (!target.cardHasFocus() && !intent.pinned) intent.close();
  });

  listen('focusin', (event: FocusEvent) => {
    if (target.ownsTarget(event.target)) return;
    // Focus inside an open shadow root reaches us retargeted to its host; the path names the
    // link that has it.
    const focused = event.composedPath()[0] ?? event.target;
    if (target.ownsTarget(focused) || !(focused instanceof Element)) return;
    const anchor = target.stealth() ? undefined : keyboardFocusAnchor(focused);
    if (anchor) intent.openNow(anchor, 'focus');
    else if (
      !intent.pinned &&
      (intent.currentReason === 'focus' || intent.currentReason === 'reveal')
    ) {
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
