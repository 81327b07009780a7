/**
 * The inline card's glue and lifecycle: hover-intent decisions open and close the card, the card
 * cache answers, the surface draws it, `followAnchor` keeps it beside its mention, and
 * `listenForCardInput` turns the reader's input into intent. Everything it starts is stopped by
 * `destroy()`, which the marking session calls on teardown and `ctx` calls on invalidation.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardView } from '../../../common/protocol';
import type { Mention, MentionStore } from '../marking/mention-store';
import { type Anchor, anchorOf, sameMention } from './card-anchor';
import { CardCache } from './card-cache';
import { listenForCardInput } from './card-input';
import { followAnchor } from './card-position';
import { type CardHandlers, createCardSurface } from './card-surface';
import { HIDE_GRACE_MS, PREFETCH_IDLE_TIMEOUT_MS } from './card-timing';
import { copyQuote } from './copy-quote';
import { mentionRange } from './hit-test';
import { HoverIntent, type OpenReason } from './hover-intent';
import { openReaderTab } from './open-reader';
import { quoteForClipboard } from './quote-for-clipboard';
import { pickRevealTarget } from './reveal-target';

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
  /** The glossary changed (the reader edited their terms): drop cached cards, close the open one. */
  forgetCards(): void;
  /** Scrolls to the next or previous mention (of `id`, or of any term) and opens its card. */
  revealMention(id: string | undefined, direction: 'next' | 'previous'): boolean;
  /** Pins the open card, or unpins a pinned one (the `pin-card` command); false without a card. */
  togglePin(): boolean;
  destroy(): void;
}

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
  const surface = createCardSurface(doc, () => options.stealth);
  let stopFollowing: (() => void) | undefined;
  let lastRevealed: Mention | undefined;
  let focusBeforeReveal: Element | null = null;
  let destroyed = false;
  /** The card on screen and how to draw it again (its pin button follows the pin). */
  let drawn: { card: CardView; handlers: CardHandlers } | undefined;

  const intent = new HoverIntent<Anchor>(
    {
      setTimer(callback, ms) {
        const handle = ctx.setTimeout(callback, ms);
        return () => clearTimeout(handle);
      },
      warm: (anchor) => void cache.get(anchor.cardId).catch(() => undefined),
      open: (anchor, token, reason) => void show(anchor, token, reason),
      close: hide,
      pinChanged(pinned) {
        if (drawn) surface.show(drawn.card, drawn.handlers, { pinned });
      },
    },
    { showDelayMs: initialOptions.hoverDelayMs, hideGraceMs: HIDE_GRACE_MS, same: sameMention },
  );

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
    const shown = card;
    const hadFocus = surface.hasFocus();
    const handlers: CardHandlers = {
      onClose: () => intent.close(),
      // The related term's card takes this one's place, pinned if this one was.
      onRelated: (id) => intent.openNow({ ...anchor, cardId: id }, 'related', intent.pinned),
      openReader: (quoteIndex) => void openReaderTab(shown.id, quoteIndex),
      togglePin: () => intent.setPinned(!intent.pinned),
      copyQuote(quoteIndex) {
        const quote = shown.quotes[quoteIndex];
        if (!quote) return Promise.resolve(false);
        const copied = quoteForClipboard({
          quote: quote.text,
          sourceTitle: shown.sourceTitle,
          pageUrl: location.href,
        });
        return copyQuote(doc, copied);
      },
    };
    drawn = { card: shown, handlers };
    const floating = surface.show(shown, handlers, { pinned: intent.pinned });
    stopFollowing?.();
    stopFollowing = followAnchor(doc, floating, anchor, () => intent.close());
    if (reason === 'reveal' || (reason === 'related' && hadFocus)) surface.focusDialog();
  }

  function hide(): void {
    drawn = undefined;
    stopFollowing?.();
    stopFollowing = undefined;
    const hadFocus = surface.hasFocus();
    surface.clear();
    if (hadFocus && focusBeforeReveal instanceof HTMLElement && focusBeforeReveal.isConnected) {
      focusBeforeReveal.focus({ preventScroll: true });
    }
    focusBeforeReveal = null;
  }

  const stopListening = listenForCardInput(doc, {
    store,
    intent,
    stealth: () => options.stealth,
    ownsTarget: (target) => surface.owns(target),
    cardHasFocus: () => surface.hasFocus(),
    followFullscreen: () => surface.followFullscreen(),
    requestFrame: (callback) => ctx.requestAnimationFrame(callback),
  });

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
    const offScreen = rect.top < 0 || rect.bottom > window.innerHeight;
    // Mentions inside a scrolled box: bring the box's text into view first. In a frame, always:
    // scrollIntoView scrolls the ancestor documents too, so the frame comes into the top page's
    // view with its mention (the popup's jump to a frame's mention).
    if (offScreen || window !== window.top) {
      mention.node.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    if (offScreen) {
      const moved = mentionRange(doc, mention).getBoundingClientRect();
      window.scrollBy({
        top: moved.top - window.innerHeight / 3,
        behavior: prefersReducedMotion() ? 'instant' : 'smooth',
      });
    }
    if (!surface.hasFocus()) focusBeforeReveal = doc.activeElement;
    // Pinned: the reader asked for it by key, and focus is in it.
    intent.openNow(anchorOf(mention), 'reveal', true);
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
    stopListening();
    stopWatchingCtx();
    stopWatchingStore();
    intent.dispose();
    stopFollowing?.();
    surface.destroy();
  }
  const stopWatchingCtx = ctx.onInvalidated(destroy);

  return {
    update(next) {
      const leftStealth = options.stealth !== next.stealth;
      options = next;
      intent.setShowDelay(next.hoverDelayMs);
      if (leftStealth) intent.close();
    },
    forgetCards() {
      cache.clear();
      intent.close();
    },
    revealMention,
    togglePin() {
      if (intent.current === undefined) return false;
      intent.setPinned(!intent.pinned);
      return true;
    },
    destroy,
  };
}
