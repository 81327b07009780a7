/**
 * The content script: decides from the settings whether this page is marked, and starts, updates
 * or stops the marking session as the settings change. Everything is tied to WXT's `ctx`, so an
 * extension update or uninstall leaves nothing running in the page.
 */
import './marking/highlights.css';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { decideEnablement } from '../../common/enablement';
import { CONTENT_SCRIPT_MATCHES } from '../../common/extension-ids';
import type { CategoryId, MatcherData } from '../../common/glossary-types';
import { askBackground } from '../../common/messaging';
import type { Settings } from '../../common/settings';
import { loadSettings, watchSettings } from '../../common/settings-store';
import { BadgeReporter } from './badge-reporter';
import { compileMatcher, type Matcher } from './marking/matcher';
import { MarkingSession } from './marking-session';
import { answerTabRequest } from './tab-requests';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
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
  const matchers = new MatcherCache();
  const badge = new BadgeReporter((total) => askBackground({ type: 'page-mentions', total }));
  let session: MarkingSession | undefined;

  const apply = async (settings: Settings): Promise<void> => {
    if (ctx.isInvalid) return;
    const enablement = decideEnablement(settings, location.href);
    const data = enablement.active ? await matchers.refresh() : null;
    if (ctx.isInvalid) return;
    if (!enablement.active || data === null) {
      session?.stop({ reportZero: true });
      session = undefined;
      return;
    }
    const matcher = matchers.matcherFor(data, enablement.categories);
    if (session === undefined) {
      session = new MarkingSession(ctx, matcher, enablement, badge);
      // Not awaited: switching off during the first scan must not wait for it.
      void session.start();
    } else {
      session.update(enablement, matcher);
    }
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
  const onMessage = (message: unknown) =>
    Promise.resolve(
      answerTabRequest(message, {
        hostname: location.hostname,
        marking: session ?? null,
      }),
    );
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    stopWatching();
    browser.runtime.onMessage.removeListener(onMessage);
    // The extension is gone: messages would throw, and its badge went with it.
    session?.stop({ reportZero: false });
    session = undefined;
  });
}
