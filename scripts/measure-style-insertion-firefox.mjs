/**
 * The late-stylesheet half of scripts/measure-style-insertion.mjs in Firefox ESR: the bench's
 * 4M-character page, loaded with the site switched off, then the Gecko form of the marks'
 * stylesheet (universal ::highlight() rules) inserted from an extension page, with no mark
 * registered yet and over ~22k registered ranges. Firefox has no CDP style metrics: the cost is
 * read as the longest frame the page saw across the insertion.
 *
 *   npm run build && node scripts/measure-style-insertion-firefox.mjs [--runs N]
 */
import { randomUUID } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { buildLongStoryPage } from './bench/long-story-page.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'firewall-lens@firewall-lens.invalid';
const TOKEN = 'qmeasure0000';
const CATEGORIES = ['censorship-system', 'circumvention', 'blocked-platform', 'policy'];
const CSS = CATEGORIES.flatMap((category) => [
  `::highlight(${TOKEN}-${category}) { text-decoration: underline solid 2px #d6336c; }`,
  `::highlight(${TOKEN}-bg-${category}) { background-color: rgb(214 51 108 / 0.3); }`,
]).join('\n');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { html } = buildLongStoryPage();
const server = await startStaticServer({ pages: new Map([['/long.html', html]]) });
const uuid = randomUUID();
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: FIREFOX_PATH,
  headless: true,
  args: ['--remote-allow-system-access'],
  extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
});
try {
  await browser.installExtension(join(root, '.output/firefox-mv3'));
  const options = await browser.newPage();
  options.goto(`moz-extension://${uuid}/popup.html`).catch(() => {});
  await new Promise((done) => setTimeout(done, 1500));
  await options.evaluate((settings) => browser.storage.local.set({ settings }), {
    version: 1,
    enabled: true,
    siteDefault: 'on',
    disabledSites: ['127.0.0.1'],
    enabledSites: [],
  });
  const results = { before: [], after: [] };
  for (let run = 0; run < runs; run++) {
    for (const order of run % 2 === 0 ? ['before', 'after'] : ['after', 'before']) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/long.html`, { waitUntil: 'load', timeout: 120_000 });
      if (order === 'after') {
        await page.evaluate((token) => {
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
        }, TOKEN);
      }
      await page.evaluate(
        () =>
          new Promise((done) => {
            window.__maxFrame = 0;
            let last = performance.now();
            const tick = (now) => {
              window.__maxFrame = Math.max(window.__maxFrame, now - last);
              last = now;
              requestAnimationFrame(tick);
            };
            requestAnimationFrame((now) => {
              last = now;
              requestAnimationFrame(tick);
              setTimeout(done, 500);
            });
          }),
      );
      const idle = await page.evaluate(() => {
        const seen = window.__maxFrame;
        window.__maxFrame = 0;
        return seen;
      });
      await page.bringToFront();
      await options.evaluate(async (css) => {
        const [tab] = await browser.tabs.query({ url: 'http://127.0.0.1/*' });
        await browser.scripting.insertCSS({ target: { tabId: tab.id, frameIds: [0] }, css });
      }, CSS);
      await new Promise((done) => setTimeout(done, 1500));
      const frameMs = await page.evaluate(() => window.__maxFrame);
      results[order].push({ frameMs, idle });
      await page.close();
    }
  }
  for (const order of ['before', 'after']) {
    const rows = results[order];
    console.log(
      `Firefox, stylesheet ${order} the marks: longest frame median ${median(rows.map((r) => r.frameMs)).toFixed(0)} ms (runs ${rows.map((r) => r.frameMs.toFixed(0)).join(', ')}; idle before: ${rows.map((r) => r.idle.toFixed(0)).join(', ')})`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
