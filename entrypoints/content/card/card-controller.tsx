/**
 * Browser glue for the inline card: page events in, `HoverIntent` decisions, the card rendered
 * into the UI host and kept beside its mention by floating-ui. One listener per event type on
 * the document (Page Previews does the same), all passive: the page's own handling of every
 * event is untouched, and a click on a marked link still follows the link.
 */
import {
  autoUpdate,
  computePosition,
  offset,
  hide as referenceHidden,
  shift,
  type VirtualElement,
} from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardView } from '../../../common/protocol';
import { ContextCard } from '../../../components/ContextCard';
import { type Mention, type MentionStore, samePlace } from '../marking/mention-store';
import { CardCache } from './card-cache';
import { CARD_GAP_PX, type CardSide, chooseCardSide, VIEWPORT_PADDING_PX } from './card-placement';
import { HIDE_GRACE_MS, PREFETCH_IDLE_TIMEOUT_MS } from './card-timing';
import { hitTest, mentionRange } from './hit-test';
import { neutralHostName } from './host-name';
import { HoverIntent, type OpenReason } from './hover-intent';
import { openReaderTab } from './open-reader';
import { pickRevealTarget } from './reveal-target';
import { createUiHost, type UiHost } from './ui-host';

export interface CardUiOptions {
  hoverDelayMs: number;
  /**
   * Cards open only while Alt is held. The host exists only while a card is open, has a random
   * neutral name and a closed shadow root: a page cannot tell the extension is installed.
   */
  stealth: boolean;
}

export interface CardUi {
  update(options: CardUiOptions): void;
  /** Scrolls to the next or previous mention (of `id`, or of any term) and opens its card. */
  revealMention(id: string | undefined, direction: 'next' | 'previous'): boolean;
  destroy(): void;
}

/** What a card is anchored to, and which card it shows (a related term replaces the card). */
interface Anchor {
  mention: Mention;
  lineIndex: number;
  cardId: string;
}

const sameMention = (a: Anchor, b: Anchor) => samePlace(a.mention, b.mention);

/** A tap on a mark inside one of these belongs to the page: the link or control acts, we don't. */
const INTERACTIVE =
  'a[href], button, input, select, textarea, label, summary, [contenteditable=""], [contenteditable="true"], [role="button"], [role="link"]';

/** A tap is a touch that neither moved far nor lasted long (a long press selects text instead). */
const TAP_SLOP_PX = 10;
const TAP_MAX_MS = 500;

/** Focus on an element with this much text is focus on a region, not on a term. */
const FOCUS_TEXT_LIMIT = 200;

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function startCardUi(
  ctx: ContentScriptContext,
  store: MentionStore,
  initialOptions: CardUiOptions,
): CardUi {
  const doc = document;
  let options = initialOptions;
  const cache = new CardCache();
  let host: UiHost | undefined;
  let stopFollowing: (() => void) | undefined;
  let pointer: { x: number; y: number; alt: boolean; overCard: boolean } | undefined;
  let frame = 0;
  let touchStart: { x: number; y: number; time: number; id: number } | undefined;
  let lastRevealed: Mention | undefined;
  let focusBeforeReveal: Element | null = null;
  let destroyed = false;
  let stealthHostName: string | undefined;

  const intent = new HoverIntent<Anchor>(
    {
      setTimer(callback, ms) {
        const handle = ctx.setTimeout(callback, ms);
        return () => clearTimeout(handle);
      },
      warm: (anchor) => void cache.get(anchor.cardId).catch(() => undefined),
      open: (anchor, token, reason) => void show(anchor, token, reason),
      close: hide,
    },
    { showDelayMs: initialOptions.hoverDelayMs, hideGraceMs: HIDE_GRACE_MS, same: sameMention },
  );

  function ensureHost(): UiHost {
    if (host && host.closed !== options.stealth) {
      host.remove();
      host = undefined;
    }
    if (!host) {
      // One name per page load: random, so no page can look for a known one.
      stealthHostName ??= neutralHostName((bytes) => crypto.getRandomValues(bytes));
      host = createUiHost(doc, {
        closed: options.stealth,
        tagName: options.stealth ? stealthHostName : undefined,
      });
      host.followFullscreen();
    }
    return host;
  }

  async function show(anchor: Anchor, token: number, reason: OpenReason): Promise<void> {
    let card = cache.peek(anchor.cardId);
    if (!card) {
      try {
        card = (await cache.get(anchor.cardId)) ?? undefined;
      } catch {
        card = undefined;
      }
      // The pointer moved on, or another card opened, while the background answered.
      if (!intent.isCurrent(token) || destroyed) return;
      if (!card) {
        intent.close();
        return;
      }
    }
    const ui = ensureHost();
    const hadFocus = ui.hasFocus();
    renderCard(ui, card, anchor);
    follow(ui, anchor);
    if (reason === 'reveal' || (reason === 'related' && hadFocus)) focusCard(ui);
  }

  function renderCard(ui: UiHost, card: CardView, anchor: Anchor): void {
    render(
      <ContextCard
        card={card}
        variant="inline"
        onClose={() => intent.close()}
        onRelated={(id) => intent.openNow({ ...anchor, cardId: id }, 'related')}
        reader={{ open: (quoteIndex) => void openReaderTab(card.id, quoteIndex) }}
      />,
      ui.mount,
    );
  }

  function focusCard(ui: UiHost): void {
    const dialog = ui.mount.querySelector<HTMLElement>('[role="dialog"]');
    dialog?.focus({ preventScroll: true });
  }

  function follow(ui: UiHost, anchor: Anchor): void {
    stopFollowing?.();
    const range = mentionRange(doc, anchor.mention);
    const reference: VirtualElement = {
      getBoundingClientRect() {
        const rects = range.getClientRects();
        return rects[Math.min(anchor.lineIndex, rects.length - 1)] ?? range.getBoundingClientRect();
      },
      getClientRects: () => range.getClientRects(),
      contextElement: anchor.mention.node.parentElement ?? undefined,
    };
    const floating = ui.mount;
    const rtl =
      anchor.mention.node.parentElement &&
      getComputedStyle(anchor.mention.node.parentElement).direction === 'rtl';
    let side: CardSide | undefined;
    // The reveal command opens the card while it scrolls towards the mention: only a mention
    // that was on screen and then left it closes the card.
    let seenOnScreen = false;
    let following = true;
    const update = () => {
      if (!anchor.mention.node.isConnected) {
        // The page replaced the text the card was about: a card pointing at nothing misleads.
        intent.close();
        return;
      }
      const card = floating.firstElementChild;
      const line = reference.getBoundingClientRect();
      // Not floating-ui's `flip` + `size`: `flip` judged the card `size` had shrunk and it
      // jumped between above and below. The side is chosen from the card's uncapped height.
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
          // Scrolled (or clipped) out of sight: the card would point at nothing.
          intent.close();
          return;
        }
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      });
    };
    const stop = autoUpdate(reference, floating, update, { animationFrame: false });
    stopFollowing = () => {
      following = false;
      stop();
    };
  }

  function hide(): void {
    stopFollowing?.();
    stopFollowing = undefined;
    if (!host) return;
    const hadFocus = host.hasFocus();
    render(null, host.mount);
    if (hadFocus && focusBeforeReveal instanceof HTMLElement && focusBeforeReveal.isConnected) {
      focusBeforeReveal.focus({ preventScroll: true });
    }
    focusBeforeReveal = null;
    if (host.closed) {
      // Stealth: nothing of ours stays in the page between cards.
      host.remove();
      host = undefined;
    }
  }

  function anchorAt(x: number, y: number): Anchor | undefined {
    const hit = hitTest(doc, store, x, y);
    return hit && { mention: hit.mention, lineIndex: hit.lineIndex, cardId: hit.mention.id };
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
    if (store.total() === 0 || (options.stealth && !at.alt)) {
      intent.leaveTarget();
      return;
    }
    const anchor = anchorAt(at.x, at.y);
    if (anchor) intent.enterTarget(anchor);
    else intent.leaveTarget();
  }

  function schedulePointer(): void {
    if (!frame) frame = ctx.requestAnimationFrame(onPointerFrame);
  }

  const owns = (target: EventTarget | null) => host?.owns(target) ?? false;
  // Our own lifetime, not only ctx's: a session stopped by the settings must leave no listener.
  const lifetime = new AbortController();
  // Capture: a page that stops propagation of its pointer events must not blind the card.
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
      overCard: owns(event.target),
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
    if (owns(event.target)) return;
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
    const anchor = current && anchorAt(event.clientX, event.clientY);
    if (current && !(anchor && sameMention(anchor, current))) intent.close();
  });

  listen('pointerup', (event: PointerEvent) => {
    const start = touchStart;
    if (event.pointerType !== 'touch' || !start || start.id !== event.pointerId) return;
    touchStart = undefined;
    const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y);
    if (moved > TAP_SLOP_PX || event.timeStamp - start.time > TAP_MAX_MS) return;
    const anchor = options.stealth ? undefined : anchorAt(event.clientX, event.clientY);
    const onControl = anchor?.mention.node.parentElement?.closest(INTERACTIVE);
    if (anchor && !onControl) intent.openNow(anchor, 'tap');
    else intent.close();
  });

  listen('keydown', (event: KeyboardEvent) => {
    if (event.key === 'Escape' && intent.current) {
      intent.close();
    } else if (event.key === 'Alt' && options.stealth && pointer) {
      pointer = { ...pointer, alt: true };
      schedulePointer();
    }
  });

  listen('keyup', (event: KeyboardEvent) => {
    if (event.key !== 'Alt' || !options.stealth) return;
    if (pointer) pointer = { ...pointer, alt: false };
    if (!host?.hasFocus()) intent.close();
  });

  listen('focusin', (event: FocusEvent) => {
    const target = event.target;
    if (owns(target) || !(target instanceof Element)) return;
    const anchor = options.stealth ? undefined : keyboardFocusAnchor(target);
    if (anchor) intent.openNow(anchor, 'focus');
    else if (intent.currentReason === 'focus' || intent.currentReason === 'reveal') {
      intent.close();
    }
  });

  listen('fullscreenchange', () => host?.followFullscreen());

  function keyboardFocusAnchor(target: Element): Anchor | undefined {
    // Only keyboard focus: a mouse click that focuses a link already had its chance to hover.
    if (!target.matches(':focus-visible')) return undefined;
    if ((target.textContent ?? '').length > FOCUS_TEXT_LIMIT) return undefined;
    const mention = store.marked().find((candidate) => target.contains(candidate.node));
    return mention && { mention, lineIndex: 0, cardId: mention.id };
  }

  function revealMention(id: string | undefined, direction: 'next' | 'previous'): boolean {
    const mention = pickRevealTarget(
      store,
      { id, direction, last: lastRevealed, viewportHeight: window.innerHeight },
      (candidate) => {
        const rect = mentionRange(doc, candidate).getBoundingClientRect();
        return rect.width === 0 && rect.height === 0 ? Number.NaN : rect.top;
      },
    );
    if (!mention) return false;
    lastRevealed = mention;
    const rect = mentionRange(doc, mention).getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) {
      // Mentions inside a scrolled box: bring the box's text into view first.
      mention.node.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const moved = mentionRange(doc, mention).getBoundingClientRect();
      window.scrollBy({
        top: moved.top - window.innerHeight / 3,
        behavior: prefersReducedMotion() ? 'instant' : 'smooth',
      });
    }
    if (!host?.hasFocus()) focusBeforeReveal = doc.activeElement;
    intent.openNow({ mention, lineIndex: 0, cardId: mention.id }, 'reveal');
    return true;
  }

  let prefetchScheduled = false;
  function schedulePrefetch(): void {
    if (prefetchScheduled || store.total() === 0) return;
    prefetchScheduled = true;
    ctx.requestIdleCallback(
      () => {
        prefetchScheduled = false;
        if (destroyed) return;
        // A failed prefetch costs nothing: hovering asks for the one card again.
        cache.prefetch(store.all().map((mention) => mention.id)).catch(() => undefined);
      },
      { timeout: PREFETCH_IDLE_TIMEOUT_MS },
    );
  }
  const stopWatchingStore = store.onChange(schedulePrefetch);
  schedulePrefetch();

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    lifetime.abort();
    stopWatchingCtx();
    stopWatchingStore();
    intent.dispose();
    stopFollowing?.();
    if (frame) cancelAnimationFrame(frame);
    if (host) {
      render(null, host.mount);
      host.remove();
      host = undefined;
    }
  }
  const stopWatchingCtx = ctx.onInvalidated(destroy);

  return {
    update(next) {
      const leftStealth = options.stealth !== next.stealth;
      options = next;
      intent.setShowDelay(next.hoverDelayMs);
      if (leftStealth) intent.close();
    },
    revealMention,
    destroy,
  };
}
