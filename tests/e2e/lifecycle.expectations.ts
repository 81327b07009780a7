/**
 * Open pages follow the extension's life (issue 15), in both browsers: switched off in the
 * browser's extension manager, a marked tab is clean within a second; switched on again, or
 * reloaded from disk as an update does, the open tab is marked again without a reload, and an open
 * card goes away. `lifecycle.<browser>.e2e.ts` launch the browser and call `lifecycleTests`.
 *
 * The tests run in order on one tab of one browser: the background sleeps, off, on, reload,
 * uninstall. The tab's lifeline has been re-established after the sleep, or switching off would
 * not clean it.
 */
import { expect, it } from 'vitest';
import { hover, openArticle, waitForCard } from './cards.expectations';
import { type BrowserSession, browserForSuite } from './harness/browser-session';
import type { ExtensionSwitch } from './harness/extension-switch';
import type { PageDriver } from './harness/page-driver';
import { poll } from './harness/poll';

/** The promise to the reader who switches Firewall Lens off. */
export const CLEAN_WITHIN_MS = 1_000;
/**
 * The issue sets no time for marking again. Measured: 0.3-0.7 s after switching on, up to 3 s
 * after a reload in Chromium (a new worker reseeds its cache on the update); the rest is slack for
 * a loaded 2-core machine.
 */
const MARKED_AGAIN_WITHIN_MS = 10_000;

/** The part of the page the marks are compared on: it holds several marked terms. */
const MARKED_ELEMENT = '#lede';

interface PageTraces {
  /** Every name in `CSS.highlights` (the fixture page registers none of its own). */
  registered: string[];
  /** Registered names a stylesheet gives a style to: what the browser paints. */
  painted: string[];
  /** Of `names`, those a page script can still read a style for. */
  readableStyles: string[];
  /** `<firewall-lens-ui>` card hosts in the page. */
  hosts: number;
}

/**
 * Runs in the page: what a page script can find of the extension. A name's style is compared with
 * that of a name nobody registered or styled, which is what "no style" looks like in each browser.
 */
function readTraces(names: string[]): PageTraces {
  const styleOf = (name: string) => {
    const style = getComputedStyle(document.body, `::highlight(${name})`);
    return [style.textDecorationLine, style.textDecorationStyle, style.backgroundColor, style.color]
      .map(String)
      .join('|');
  };
  const unstyled = styleOf('no-one-registers-this-name');
  const registered = [...CSS.highlights.keys()];
  return {
    registered,
    painted: registered.filter((name) => styleOf(name) !== unstyled),
    readableStyles: names.filter((name) => styleOf(name) !== unstyled),
    hosts: document.querySelectorAll('firewall-lens-ui').length,
  };
}

/** Runs in the page: what is left once every highlight is unregistered, for the pixel reference. */
function unregisterAllHighlights(): void {
  CSS.highlights.clear();
}

function sameImage(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

async function timeUntil<T>(
  start: number,
  check: () => Promise<T | null | undefined | false>,
  { timeout, message }: { timeout: number; message: string },
): Promise<{ value: T; ms: number }> {
  const value = await poll(check, { timeout, interval: 25, message });
  return { value, ms: Date.now() - start };
}

export interface LifecycleOptions<S extends BrowserSession> {
  manager(session: S): Promise<ExtensionSwitch>;
  /**
   * Chromium keeps the stylesheets an extension inserted into a page (the manifest's, or
   * `scripting.insertCSS`) after it is disabled, so a page that read the highlight names while it
   * was marked can still read their styles; Firefox removes them. Nothing is painted in either.
   */
  stylesOutliveTheExtension: boolean;
  /**
   * Whether the test can remove the extension. Chromium refuses: an extension loaded with
   * `--load-extension` is not "unpacked" to the `Extensions.uninstall` CDP call, and
   * `management.uninstall` from the extension manager waits on a native confirmation dialog. The
   * page notices removal the way it notices disabling (the lifeline closes, `runtime.id` is gone).
   */
  canUninstall: boolean;
}

export function lifecycleTests<S extends BrowserSession>(
  launch: () => Promise<S>,
  { manager, stylesOutliveTheExtension, canUninstall }: LifecycleOptions<S>,
): void {
  const env = browserForSuite(launch, async ({ session, origin }) => {
    const page: PageDriver = await openArticle({ session, origin });
    const traces = await page.evaluate(readTraces, []);
    return {
      page,
      extensions: await manager(session),
      names: traces.registered,
      marked: await page.screenshotElement(MARKED_ELEMENT),
    };
  });

  const expectNoRecordedErrors = async () => {
    expect(await env().extensions.recordedErrors()).not.toEqual(
      expect.arrayContaining([expect.any(String)]),
    );
  };

  /** Runs `action` and times the tab until it paints nothing and has no card host. */
  const cleanAfter = async (action: () => Promise<void>) => {
    const { page, names } = env();
    const start = Date.now();
    await action();
    return timeUntil(
      start,
      async () => {
        const traces = await page.evaluate(readTraces, names);
        return traces.painted.length === 0 && traces.hosts === 0 && traces;
      },
      { timeout: 5_000, message: 'the tab to be clean' },
    );
  };

  const waitUntilMarkedAgain = async (page: PageDriver, start: number, message: string) => {
    const { marked } = env();
    return timeUntil(
      start,
      async () => {
        const traces = await page.evaluate(readTraces, []);
        if (traces.painted.length === 0) return false;
        // The same marks on the same words, drawn by the new copy of the script.
        return sameImage(await page.screenshotElement(MARKED_ELEMENT), marked) && traces;
      },
      { timeout: MARKED_AGAIN_WITHIN_MS, message },
    );
  };

  it('a background that goes to sleep is no invalidation: the tab stays marked', async () => {
    const { page, extensions, marked } = env();
    await extensions.sleepBackground();
    // Past the lifeline's verdict and reconnection (and a second sleep, as the worker is woken).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await extensions.sleepBackground();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await page.evaluate(readTraces, [])).painted.length).toBeGreaterThan(0);
    expect(sameImage(await page.screenshotElement(MARKED_ELEMENT), marked)).toBe(true);
  });

  it('switched off in the extension manager after the background slept, the marked tab shows no mark, card host or readable style within a second', async () => {
    const { session, page, extensions, names, marked } = env();
    const before = await page.evaluate(readTraces, names);
    // Control: the checks below see the marks while they are there.
    expect(before.painted.length).toBeGreaterThan(0);
    expect(before.readableStyles).toEqual(names);

    const { ms, value: after } = await cleanAfter(() => extensions.disable());
    console.info(`${session.name}: switched off -> clean tab in ${ms} ms`);
    expect(ms).toBeLessThan(CLEAN_WITHIN_MS);
    expect(after.readableStyles).toEqual(stylesOutliveTheExtension ? names : []);

    // Pixels: what is left paints nothing (it equals the page with no highlight at all), and the
    // comparison would have seen the marks.
    const left = await page.screenshotElement(MARKED_ELEMENT);
    await page.evaluate(unregisterAllHighlights);
    const bare = await page.screenshotElement(MARKED_ELEMENT);
    expect(sameImage(left, bare)).toBe(true);
    expect(sameImage(marked, bare)).toBe(false);
  });

  it('switched on again, the open tab is marked again without a reload', async () => {
    const { session, page, extensions } = env();
    // Whatever the first test left, the marks below must come from a new copy of the script.
    await page.evaluate(unregisterAllHighlights);
    expect((await page.evaluate(readTraces, [])).registered).toEqual([]);
    const start = Date.now();
    await extensions.enable();
    const { ms } = await waitUntilMarkedAgain(page, start, 'the open tab to be marked again');
    console.info(`${session.name}: switched on -> open tab marked again in ${ms} ms`);
    await expectNoRecordedErrors();
  });

  it('reloaded as an update does, with a card open, the card closes and the new version marks the tab', async () => {
    const { session, page, extensions } = env();
    await hover(page, 'lede', 'Great Firewall');
    await waitForCard(page, 'the card before the update');
    const start = Date.now();
    await extensions.reload();
    const closed = await timeUntil(
      start,
      async () => {
        const traces = await page.evaluate(readTraces, []);
        return traces.hosts === 0 && traces;
      },
      { timeout: 5_000, message: 'the old version’s card to close' },
    );
    const marked = await waitUntilMarkedAgain(page, start, 'the new version to mark the tab');
    console.info(
      `${session.name}: reloaded -> card gone in ${closed.ms} ms, tab marked again in ${marked.ms} ms`,
    );
    await expectNoRecordedErrors();
  });

  it.runIf(canUninstall)(
    'uninstalled, the marked tab shows no mark or card host within a second',
    async () => {
      const { session, page, extensions, names } = env();
      expect((await page.evaluate(readTraces, names)).painted.length).toBeGreaterThan(0);
      const uninstall = extensions.uninstall;
      if (!uninstall) throw new Error(`${session.name} cannot remove the extension`);
      const { ms } = await cleanAfter(uninstall);
      console.info(`${session.name}: uninstalled -> clean tab in ${ms} ms`);
      expect(ms).toBeLessThan(CLEAN_WITHIN_MS);
    },
  );
}
