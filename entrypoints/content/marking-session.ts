/**
 * Everything Firewall Lens runs on a page while it is switched on there: the scan, the mutation
 * observer, the marks, the hover cards and the SPA watcher. `stop()`
 * undoes all of it: no highlight stays registered, no observer, listener or timer is left.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Enablement } from '../../utils/enablement';
import type { Matcher } from '../../utils/matcher';
import type { BadgeReporter } from './badge-reporter';
import { type CardUi, startCardUi } from './card/card-controller';
import { browserPainterEnvironment, HighlightPainter } from './highlight-painter';
import { watchLocation } from './location-watcher';
import { MentionStore } from './mention-store';
import { MutationBatcher } from './mutation-batcher';
import { Scanner } from './scanner';
import { createPageYielder, type PageYielder } from './yield-to-page';

/** The text at the top of the viewport, when the page is scrolled away from its start. */
function viewportAnchor(): Node | null {
  if (window.scrollY < window.innerHeight) return null;
  const x = window.innerWidth / 2;
  const y = Math.min(window.innerHeight / 4, 200);
  if (typeof document.caretPositionFromPoint === 'function') {
    return document.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  }
  return document.elementFromPoint(x, y);
}

export class MarkingSession {
  readonly store = new MentionStore();
  private readonly painter = new HighlightPainter(browserPainterEnvironment());
  private readonly yielder: PageYielder = createPageYielder();
  private readonly scanner: Scanner;
  private readonly batcher: MutationBatcher;
  private readonly cards: CardUi;
  private readonly cleanups: (() => void)[] = [];
  private enablement: Enablement;
  private stopped = false;

  constructor(
    ctx: ContentScriptContext,
    private matcher: Matcher,
    enablement: Enablement,
    private readonly badge: BadgeReporter,
  ) {
    this.enablement = enablement;
    this.store.setMarkMode(enablement.markMode);
    this.scanner = new Scanner(matcher, {
      document,
      store: this.store,
      yieldToPage: () => this.yielder.yield(),
      viewportAnchor,
    });
    this.cleanups.push(this.store.onChange(() => this.repaint()));
    this.batcher = new MutationBatcher(document, (records) => {
      void this.scanner.handleMutations(records);
    });
    this.cards = startCardUi(ctx, this.store, {
      hoverDelayMs: enablement.hoverDelayMs,
      stealth: enablement.stealth,
    });
    this.cleanups.push(watchLocation(() => void this.scanner.fullScan()));
  }

  /** Scrolls to the next or previous mention and opens its card (the popup's arrows). */
  reveal(id: string | undefined, direction: 'next' | 'previous'): boolean {
    return this.stopped ? false : this.cards.revealMention(id, direction);
  }

  /** The first full scan; resolves when it is done. */
  start(): Promise<void> {
    return this.scanner.fullScan();
  }

  /** Applies changed settings without reloading the page. */
  update(enablement: Enablement, matcher: Matcher): void {
    this.enablement = enablement;
    this.store.setMarkMode(enablement.markMode);
    this.cards.update({ hoverDelayMs: enablement.hoverDelayMs, stealth: enablement.stealth });
    this.repaint({ full: true });
    if (matcher !== this.matcher) {
      this.matcher = matcher;
      this.scanner.setMatcher(matcher);
      void this.scanner.fullScan();
    }
  }

  /** Removes every trace of the session from the page. `reportZero`: clear the badge too. */
  stop({ reportZero }: { reportZero: boolean }): void {
    if (this.stopped) return;
    this.stopped = true;
    this.scanner.stop();
    this.batcher.disconnect();
    this.yielder.close();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.cards.destroy();
    this.painter.clear();
    this.store.clear();
    if (reportZero) this.badge.reset();
    else this.badge.cancel();
  }

  /** Draws what changed since the last paint; everything again after a mode or style change. */
  private repaint({ full = false }: { full?: boolean } = {}): void {
    if (this.stopped) return;
    const { markStyle, markMode, stealth } = this.enablement;
    const changes = this.store.takeChanges();
    // In 'first' mode a mention anywhere can change which one is first: compare all of them.
    if (full || markMode === 'first') {
      this.painter.paint(this.store.marked(), markStyle, stealth);
    } else {
      this.painter.paintChanges(changes, () => this.store.marked(), markStyle, stealth);
    }
    this.badge.report(this.store.total());
  }
}
