/**
 * What inserting the marks' stylesheet (scripting.insertCSS, entrypoints/background/mark-styles.ts)
 * costs a huge page in Chromium: the bench's long-story page (4M+ characters), loaded with the
 * site switched off so nothing of ours is there, then the stylesheet for one token inserted from
 * an extension page, as the background does:
 *
 * - before: no highlight registered under the token yet (the shipped order: the content script
 *   asks for its styles before the first mark is painted);
 * - after: every "the" on the page (tens of thousands of ranges) registered first, then the
 *   stylesheet (a late stylesheet over existing highlights, the case that was measured at
 *   400-500 ms when it was a <style> added after the scan).
 *
 * Each is measured as Chromium's own style-recalculation time (CDP Performance metrics) and the
 * longest frame the page saw around the insertion. Then the shipped flow: the whole load of the
 * page until its marks have settled, marked (styles asked for at document_start by
 * entrypoints/early-styles.content/index.ts) against switched off. Interleaved runs, medians printed.
 *
 *   npm run build && node scripts/measure-style-insertion.mjs [--runs N]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLongStoryPage } from './bench/long-story-page.mjs';
import { launchWithExtension } from './lib/chromium.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const TOKEN = 'qmeasure0000';
const CATEGORIES = [
  'censorship-system',
  'circumvention',
  'blocked-platform',
  'policy',
  'domestic-platform',
  'event',
  'user',
];
/** The shape of the shipped Chromium sheet (highlight-css.ts): one :root rule per name. */
const CSS = CATEGORIES.flatMap((category) => [
  `:root::highlight(${TOKEN}-${category}) { text-decoration: underline solid 2px #d6336c; }`,
  `:root::highlight(${TOKEN}-bg-${category}) { background-color: rgb(214 51 108 / 0.3); }`,
]).join('\n');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { html } = buildLongStoryPage();
const server = await startStaticServer({ pages: new Map([['/long.html', html]]) });
const { context, close } = await launchWithExtension(join(root, '.output/chrome-mv3'));
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Node gives non-special schemes a "null" origin.
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  const options = await context.newPage();
  await options.goto(`${extensionOrigin}/popup.html`);
  // Switched off for the site: the page has nothing of ours, as before a marking session starts.
  await options.evaluate((settings) => chrome.storage.local.set({ settings }), {
    version: 1,
    enabled: true,
    siteDefault: 'on',
    disabledSites: ['127.0.0.1'],
    enabledSites: [],
  });
  const results = { before: [], after: [] };
  for (let run = 0; run < runs; run++) {
    for (const order of run % 2 === 0 ? ['before', 'after'] : ['after', 'before']) {
      const page = await context.newPage();
      await page.goto(`${server.origin}/long.html`, { waitUntil: 'load', timeout: 120_000 });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const textChars = await page.evaluate(() => document.body.textContent.length);
      let ranges = 0;
      if (order === 'after') {
        ranges = await page.evaluate((token) => {
          const highlight = new Highlight();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/\bthe\b/g)) {
              highlight.add(
                new StaticRange({
                  startContainer: node,
                  startOffset: match.index,
                  endContainer: node,
                  endOffset: match.index + 3,
                }),
              );
            }
          }
          CSS.highlights.set(`${token}-policy`, highlight);
          return highlight.size;
        }, TOKEN);
      }
      // Settle, then watch the frames and Chromium's style time across the insertion.
      await page.evaluate(
        () =>
          new Promise((done) => {
            const w = window;
            w.__maxFrame = 0;
            let last = performance.now();
            const tick = (now) => {
              w.__maxFrame = Math.max(w.__maxFrame, now - last);
              last = now;
              if (!w.__stopFrames) requestAnimationFrame(tick);
            };
            requestAnimationFrame((now) => {
              last = now;
              requestAnimationFrame(tick);
              setTimeout(done, 300);
            });
          }),
      );
      await page.evaluate(() => {
        window.__maxFrame = 0;
      });
      const metric = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((m) => m.name === 'RecalcStyleDuration')?.value ?? 0;
      };
      const styleBefore = await metric();
      await page.bringToFront();
      await options.evaluate(
        async ({ css }) => {
          const [tab] = await chrome.tabs.query({ url: 'http://127.0.0.1/*' });
          await chrome.scripting.insertCSS({ target: { tabId: tab.id, frameIds: [0] }, css });
        },
        { css: CSS },
      );
      await page.evaluate(() => new Promise((done) => setTimeout(done, 600)));
      const styleMs = ((await metric()) - styleBefore) * 1000;
      const frameMs = await page.evaluate(() => {
        window.__stopFrames = true;
        return window.__maxFrame;
      });
      results[order].push({ styleMs, frameMs, ranges, textChars });
      await cdp.detach();
      await page.close();
    }
  }
  // The shipped flow, whole page loads: marked against switched off.
  const flow = { off: [], marked: [] };
  const storeSettings = (settings) =>
    options.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
  for (let run = 0; run < runs; run++) {
    for (const mode of run % 2 === 0 ? ['off', 'marked'] : ['marked', 'off']) {
      await storeSettings({
        version: 1,
        enabled: true,
        siteDefault: 'on',
        enabledSites: [],
        disabledSites: mode === 'off' ? ['127.0.0.1'] : [],
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(`${server.origin}/long.html`, { waitUntil: 'load', timeout: 120_000 });
      // Marks settle: the same count twice, 500 ms apart (nothing to wait for when off).
      let last = -1;
      for (;;) {
        await page.waitForTimeout(500);
        const count = await page.evaluate(() => {
          let total = 0;
          for (const [, highlight] of CSS.highlights) total += highlight.size;
          return total;
        });
        if (count === last) break;
        last = count;
      }
      const { metrics } = await cdp.send('Performance.getMetrics');
      const value = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
      flow[mode].push({ styleMs: value('RecalcStyleDuration') * 1000, marks: last });
      await cdp.detach();
      await page.close();
    }
  }
  for (const mode of ['off', 'marked']) {
    const rows = flow[mode];
    console.log(
      `whole load, ${mode === 'off' ? 'switched off' : 'marked     '}: style recalc median ${median(rows.map((r) => r.styleMs)).toFixed(1)} ms (runs ${rows.map((r) => r.styleMs.toFixed(1)).join(', ')}), ${rows[0].marks} marks`,
    );
  }
  for (const order of ['before', 'after']) {
    const rows = results[order];
    console.log(
      `${order === 'before' ? 'stylesheet before the marks' : 'stylesheet after the marks '}: style recalc median ${median(rows.map((r) => r.styleMs)).toFixed(1)} ms (runs ${rows.map((r) => r.styleMs.toFixed(1)).join(', ')}), longest frame median ${median(rows.map((r) => r.frameMs)).toFixed(0)} ms, ${rows[0].ranges} ranges, ${rows[0].textChars} text characters`,
    );
  }
} finally {
  await close();
  await server.close();
}
