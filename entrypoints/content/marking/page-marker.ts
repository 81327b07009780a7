/**
 * The marking core: scanner, mention store, highlight painter and mutation batcher wired together,
 * with nothing of the extension's runtime (no `ctx`, cards, badge or settings storage). The
 * content script's MarkingSession runs one, and so does the bench (`scripts/bench/run-ours.ts`), so
 * what the bench times is the shipped wiring, not a copy of it.
 *
 * Nothing costly is set up before it is needed: `CSS.highlights` and the Highlight objects are
 * first touched when a mark is painted, the yielder when a scan first yields. A small page without
 * mentions never pays for either.
 */

import type { MarkMode, MarkStyle } from '../../../common/settings';
import {
  browserPainterEnvironment,
  HighlightPainter,
  type HighlightSet,
  type PainterEnvironment,
} from './highlight-painter';
import type { Matcher } from './matcher';
import { MentionStore } from './mention-store';
import { MutationBatcher } from './mutation-batcher';
import { Scanner } from './scanner';
import { createPageYielder, type PageYielder } from './yield-to-page';

export interface MarkAppearance {
  markStyle: MarkStyle;
  markMode: MarkMode;
  /** Nothing drawn at all (the card still opens from the store). */
  stealth: boolean;
}

export interface PageMarkerOptions extends MarkAppearance {
  document: Document;
  matcher: Matcher;
  /** Prefix of the highlight names (`common/highlight-names.ts`); the styles use the same one. */
  highlightToken: string;
  /** Between scan slices; default `createPageYielder()`, made at the first yield. */
  yielder?: PageYielder;
  /** The scan's clock (default `performance.now`); a test's own clock decides where slices end. */
  now?: () => number;
  /** Where to begin on a scrolled page (see Scanner); none: from the top. */
  viewportAnchor?: () => Node | null;
  /**
   * Ids of the platforms whose own site this page is (`platformsOfHost` in platform-pages.ts):
   * their names are marked only in the story's prose. None: any page.
   */
  ownPlatforms?: ReadonlySet<string>;
  /** After every repaint: the number of mentions now on the page (the badge). */
  onChange?: (total: number) => void;
  /** Default: `CSS.highlights` with StaticRanges. */
  painterEnvironment?: PainterEnvironment<HighlightSet>;
  /**
   * Told of each mutation batch as it is handed to the scanner: when it arrived (performance.now)
   * and a promise of its marks being registered. For the bench's append timing.
   */
  onMutationBatch?: (receivedAt: number, handled: Promise<void>) => void;
}

export interface PageMarker {
  readonly store: MentionStore;
  /**
   * The story's containers as the scanner last decided them (none: no story). A decision stands
   * until the page gives a reason to decide again (scanner.ts), so it may differ from a fresh one.
   */
  storyRoots(): readonly Element[];
  /** A full scan (the first one, or after an SPA navigation); resolves when it is done. */
  scan(): Promise<void>;
  /** New settings: repaints everything; a different matcher reads the page again. */
  update(appearance: MarkAppearance, matcher: Matcher): void;
  /** No highlight, observer, timer or listener of ours is left afterwards. */
  stop(): void;
}

export function createPageMarker(options: PageMarkerOptions): PageMarker {
  const { document, onChange, onMutationBatch } = options;
  let { matcher } = options;
  let appearance: MarkAppearance = {
    markStyle: options.markStyle,
    markMode: options.markMode,
    stealth: options.stealth,
  };
  let stopped = false;
  let yielder = options.yielder;
  const store = new MentionStore();
  const painter = new HighlightPainter(
    options.painterEnvironment ?? browserPainterEnvironment(),
    options.highlightToken,
  );
  store.setMarkMode(appearance.markMode);

  const scanner = new Scanner(matcher, {
    document,
    store,
    yieldToPage: () => {
      yielder ??= createPageYielder();
      return yielder.yield();
    },
    now: options.now,
    viewportAnchor: options.viewportAnchor,
    ownPlatforms: options.ownPlatforms,
    observeRoot: (root) => batcher.observe(root),
  });

  /** Draws what changed since the last paint; everything again after a mode or style change. */
  const repaint = (full: boolean): void => {
    if (stopped) return;
    const { markStyle, markMode, stealth } = appearance;
    const changes = store.takeChanges();
    // In 'first' mode a mention anywhere can change which one is first: compare all of them.
    if (full || markMode === 'first') painter.paint(store.marked(), markStyle, stealth);
    else painter.paintChanges(changes, () => store.marked(), markStyle, stealth);
    onChange?.(store.total());
  };
  const unsubscribe = store.onChange(() => repaint(false));

  const batcher = new MutationBatcher(document, (records) => {
    const receivedAt = onMutationBatch ? performance.now() : 0;
    const handled = scanner.handleMutations(records);
    onMutationBatch?.(receivedAt, handled);
  });

  return {
    store,
    storyRoots: () => scanner.storyRoots(),
    scan: () => scanner.fullScan(),
    update(next, nextMatcher) {
      appearance = { markStyle: next.markStyle, markMode: next.markMode, stealth: next.stealth };
      store.setMarkMode(next.markMode);
      repaint(true);
      if (nextMatcher !== matcher) {
        matcher = nextMatcher;
        scanner.setMatcher(nextMatcher);
        void scanner.fullScan();
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      scanner.stop();
      batcher.disconnect();
      yielder?.close();
      unsubscribe();
      painter.clear();
      store.clear();
    },
  };
}
