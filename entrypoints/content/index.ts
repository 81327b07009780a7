/**
 * The content script: decides from the settings whether this page is marked, and starts, updates
 * or stops the marking session as the settings change. Everything is tied to WXT's `ctx`, and a
 * lifeline port (lifeline.ts) aborts `ctx` as soon as the extension is disabled, removed, updated
 * or reloaded, so nothing stays on the page or running in it.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { takeEarlyStyles } from '../../common/early-styles-handoff';
import { decideEnablement } from '../../common/enablement';
import { CONTENT_SCRIPT_MATCHES } from '../../common/extension-ids';
import type { CategoryId, MatcherData } from '../../common/glossary-types';
import { newHighlightToken } from '../../common/highlight-names';
import { askBackground } from '../../common/messaging';
import { lifelinePortName } from '../../common/protocol';
import type { Settings } from '../../common/settings';
import { loadSettings, watchSettings } from '../../common/settings-store';
import { watchUserTerms } from '../../common/user-terms-signal';
import { BadgeReporter } from './badge-reporter';
import { frameContext } from './frame-context';
import { holdLifeline } from './lifeline';
import { MarkStylesClient } from './mark-styles-client';
import { compileMatcher, type Matcher } from './marking/matcher';
import { platformsOfHost } from './marking/platform-pages';
import { UI_HOST_TAG } from './marking/scan-regions';
import { MarkingSession } from './marking-session';
import { claimPage } from './single-copy';
import { answerTabRequest } from './tab-requests';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  // The top frame only: sub-frames get this script from the background when the frame gate
  // (entrypoints/frame-gate/) finds them worth it, not all 250 kB in every ad frame.
  runAt: 'document_idle',
  // WXT would tell older copies of this script that a new one started with a window message
  // any page can read (and a document event: scripts/vite/quiet-content-script-context.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    runContentScript(ctx);
  },
});

/** Matchers per data version and category set: toggling a category back reuses the old one. */
class MatcherCache {
  private data: MatcherData | null = null;
  private readonly compiled = new Map<string, Matcher>();

  /** Asks the background for the data, sending the version we have (it answers null if current). */
  async refresh(): Promise<MatcherData | null> {
    try {
      const reply = await askBackground({ type: 'matcher-data', knownVersion: this.data?.version });
      if (reply !== null && reply.version !== this.data?.version) {
        this.data = reply;
        this.compiled.clear();
      }
    } catch {
      // The background is restarting or was updated: keep what we have, if anything.
    }
    return this.data;
  }

  matcherFor(data: MatcherData, categories: ReadonlySet<CategoryId>): Matcher {
    const key = [...categories].sort().join(',');
    let matcher = this.compiled.get(key);
    if (matcher === undefined) {
      // Only the enabled categories' aliases: fewer branches to try, and nothing to filter later.
      const aliases = data.aliases.filter((alias) => categories.has(alias.category));
      matcher = compileMatcher({ version: data.version, aliases });
      this.compiled.set(key, matcher);
    }
    return matcher;
  }
}

function runContentScript(ctx: ContentScriptContext): void {
  // Only HTML documents: an SVG or XML document opened in a tab has no body to mark.
  if (!(document.documentElement instanceof HTMLElement)) return;
  if (!claimPage(globalThis, () => !ctx.isInvalid)) return;
  // A card host an old version left open: Firefox closes that version's sandbox without letting
  // it clean up (docs/detection.md, Lifecycle). A stealth host's random name cannot be found.
  for (const stale of document.querySelectorAll(UI_HOST_TAG)) stale.remove();
  const matchers = new MatcherCache();
  const frame = frameContext(window, document);
  let session: MarkingSession | undefined;
  // Held only while the page is marked: a page showing nothing has nothing to clean up in a hurry,
  // and each held port restarts the sleeping service worker when it closes.
  let releaseLifeline: (() => void) | undefined;
  const stopSession = (reportZero: boolean) => {
    releaseLifeline?.();
    releaseLifeline = undefined;
    session?.stop({ reportZero });
    session = undefined;
  };
  // Random per page load: see common/highlight-names.ts for why not per install. Usually drawn
  // (and its styles asked for) by the document_start script already: see entrypoints/early-styles.content/.
  const early = takeEarlyStyles();
  const highlightToken =
    early?.token ?? newHighlightToken((bytes) => crypto.getRandomValues(bytes));
  // The token names this page load to the background too: the badge sums the frames' counts per
  // document (entrypoints/background/frame-mentions.ts).
  const badge = new BadgeReporter((total) =>
    askBackground({ type: 'page-mentions', total, page: highlightToken }),
  );
  const styles = new MarkStylesClient(
    (on) => askBackground({ type: 'mark-styles', on, token: highlightToken }),
    early?.inserted,
  );

  const apply = async (settings: Settings): Promise<void> => {
    if (ctx.isInvalid) return;
    const enablement = decideEnablement(settings, await frame.siteUrl());
    // A cross-origin frame is marked only if it holds a story (common/frame-rules.ts).
    const mayMark = enablement.active && (await frame.mayMark(ctx));
    const data = mayMark ? await matchers.refresh() : null;
    if (ctx.isInvalid) return;
    if (!mayMark || data === null) {
      stopSession(true);
      await styles.set(false);
      return;
    }
    // Styles exist only while marks are drawn: none in stealth mode or with marks turned off.
    // They go in before the first mark and out after the last one.
    const drawsMarks = !enablement.stealth && enablement.markStyle !== 'none';
    if (drawsMarks) await styles.set(true);
    if (ctx.isInvalid) return;
    const matcher = matchers.matcherFor(data, enablement.categories);
    if (session === undefined) {
      // The host, not the URL's path: every page of the platform's site is its own.
      const ownPlatforms = platformsOfHost(location.hostname, data.sites ?? []);
      session = new MarkingSession(ctx, matcher, enablement, badge, highlightToken, ownPlatforms);
      releaseLifeline = holdLifeline({
        connect: () => browser.runtime.connect({ name: lifelinePortName(highlightToken) }),
        isInvalid: () => ctx.isInvalid,
        invalidate: () => ctx.abort('Firewall Lens was disabled, removed or updated'),
      });
      // Not awaited: switching off during the first scan must not wait for it.
      void session.start();
    } else {
      session.update(enablement, matcher);
    }
    if (!drawsMarks) await styles.set(false);
  };

  // The first load and every later change are applied one after another, in arrival order, so a
  // change made while the first read is pending is never overwritten by that older read.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (next: () => Promise<Settings>) => {
    queue = queue.then(async () => apply(await next())).catch(() => undefined);
  };
  // Storage may be unavailable while the extension is being updated: the new script takes over.
  enqueue(loadSettings);
  const stopWatching = watchSettings((settings) => enqueue(async () => settings));
  // The reader changed their own terms: the same settings, new matcher data.
  const stopWatchingTerms = watchUserTerms(() => enqueue(loadSettings));
  const onMessage = (message: unknown) =>
    Promise.resolve(
      answerTabRequest(message, {
        hostname: location.hostname,
        marking: session ?? null,
      }),
    );
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    // What the page can see goes first. The extension is gone: messages would throw, its badge
    // went with it, and Chromium takes `storage` away from a dead script, so the removals below
    // may throw too; that must not keep a mark on screen or put an error in the page's console.
    stopSession(false);
    ignoreFailure(stopWatching);
    ignoreFailure(stopWatchingTerms);
    ignoreFailure(() => browser.runtime.onMessage.removeListener(onMessage));
    styles.forget();
  });
}

function ignoreFailure(step: () => void): void {
  try {
    step();
  } catch {
    // The API went away with the extension, and its listeners with it.
  }
}
