/**
 * Everything Firewall Lens runs on a page while it is switched on there: the page marker (scan,
 * mutation observer, marks), the hover cards, the badge count and the SPA watcher. `stop()`
 * undoes all of it: no highlight stays registered, no observer, listener or timer is left.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Enablement } from '../../common/enablement';
import type { BadgeReporter } from './badge-reporter';
import { type CardUi, startCardUi } from './card/card-controller';
import { caretAt } from './card/hit-test';
import { watchLocation } from './location-watcher';
import type { Matcher } from './marking/matcher';
import type { MentionStore } from './marking/mention-store';
import { createPageMarker, type PageMarker } from './marking/page-marker';

/** The text at the top of the viewport, when the page is scrolled away from its start. */
function viewportAnchor(): Node | null {
  if (window.scrollY < window.innerHeight) return null;
  const x = window.innerWidth / 2;
  const y = Math.min(window.innerHeight / 4, 200);
  return caretAt(document, x, y)?.node ?? document.elementFromPoint(x, y);
}

export class MarkingSession {
  readonly store: MentionStore;
  private readonly marker: PageMarker;
  private readonly cards: CardUi;
  private readonly stopWatchingLocation: () => void;
  private stopped = false;
  private dataVersion: string;

  constructor(
    ctx: ContentScriptContext,
    matcher: Matcher,
    enablement: Enablement,
    private readonly badge: BadgeReporter,
    highlightToken: string,
    /** The platforms whose own site this page is (platform-pages.ts). */
    ownPlatforms: ReadonlySet<string> = new Set(),
  ) {
    this.dataVersion = matcher.version;
    this.marker = createPageMarker({
      document,
      matcher,
      highlightToken,
      markStyle: enablement.markStyle,
      markMode: enablement.markMode,
      stealth: enablement.stealth,
      viewportAnchor,
      ownPlatforms,
      onChange: (total) => badge.report(total),
    });
    this.store = this.marker.store;
    this.cards = startCardUi(ctx, this.store, {
      hoverDelayMs: enablement.hoverDelayMs,
      stealth: enablement.stealth,
    });
    this.stopWatchingLocation = watchLocation(() => void this.marker.scan());
  }

  /** Scrolls to the next or previous mention and opens its card (the popup's arrows). */
  reveal(id: string | undefined, direction: 'next' | 'previous'): boolean {
    return this.stopped ? false : this.cards.revealMention(id, direction);
  }

  /** Pins the open card or unpins a pinned one (the `pin-card` command). */
  togglePin(): boolean {
    return this.stopped ? false : this.cards.togglePin();
  }

  /** The first full scan; resolves when it is done. */
  start(): Promise<void> {
    return this.marker.scan();
  }

  /** Applies changed settings without reloading the page. */
  update(enablement: Enablement, matcher: Matcher): void {
    this.cards.update({ hoverDelayMs: enablement.hoverDelayMs, stealth: enablement.stealth });
    // A new data version means the cards may have changed too (the reader edited a term).
    if (matcher.version !== this.dataVersion) this.cards.forgetCards();
    this.dataVersion = matcher.version;
    this.marker.update(enablement, matcher);
  }

  /** Removes every trace of the session from the page. `reportZero`: clear the badge too. */
  stop({ reportZero }: { reportZero: boolean }): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stopWatchingLocation();
    this.cards.destroy();
    this.marker.stop();
    if (reportZero) this.badge.reset();
    else this.badge.cancel();
  }
}
