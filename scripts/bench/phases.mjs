/**
 * Where "ours" spends its time, phase by phase, in fresh documents (the bench's way: the page's
 * scripts blocked, collected before each run): medians of the time spent in each method of the
 * story detector, the scanner and the painter. Slower than a bench run by the wrapping; compare
 * phases, not the total.
 *
 *   node scripts/bench/phases.mjs [--runs 5] PAGE...   (PAGE: large, long-story, real-long-read or a corpus file)
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { READABILITY_CORPUS_DIR } from '../lib/paths.mjs';
import { settleFreshDocument, startBenchSession } from './bench-session.mjs';
import { buildPageBundle } from './build-page-bundle.mjs';
import { generateLargePage } from './generate-large-page.mjs';
import { buildLongStoryPage, LONG_STORY_PATH } from './long-story-page.mjs';
import { buildRealLongReadPage, REAL_LONG_READ_PATH } from './real-long-read-page.mjs';
import { median } from './stats.mjs';

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
const names = argv.filter((arg, i) => arg !== '--runs' && (runsAt < 0 || i !== runsAt + 1));
if (names.length === 0)
  throw new Error('name the pages: large, long-story, real-long-read or a corpus file');

const LARGE_PATH = '/__bench/large-2mb.html';
const pathOf = (name) =>
  name === 'long-story'
    ? LONG_STORY_PATH
    : name === 'real-long-read'
      ? REAL_LONG_READ_PATH
      : name === 'large'
        ? LARGE_PATH
        : `/${encodeURIComponent(name)}`;
const pages = new Map();
if (names.includes('large')) pages.set(LARGE_PATH, generateLargePage().html);
if (names.includes('long-story')) pages.set(LONG_STORY_PATH, buildLongStoryPage().html);
if (names.includes('real-long-read')) pages.set(REAL_LONG_READ_PATH, buildRealLongReadPage().html);

const here = dirname(fileURLToPath(import.meta.url));
const bundle = await buildPageBundle(join(here, 'phase-entry.ts'));
const { server, browser, context } = await startBenchSession({
  root: READABILITY_CORPUS_DIR,
  pages,
});
try {
  const tab = await context.newPage();
  for (const name of names) {
    const samples = [];
    for (let run = 0; run < runs; run++) {
      // A long page on a loaded machine can take more than Playwright's default 30 s to load.
      await tab.goto(server.origin + pathOf(name), { waitUntil: 'load', timeout: 120_000 });
      await tab.evaluate(settleFreshDocument);
      await tab.evaluate(bundle);
      samples.push(await tab.evaluate(() => globalThis.__firewallLensPhases()));
    }
    const labels = [...new Set(samples.flatMap((s) => Object.keys(s.phases)))];
    const ms = (pick) => median(samples.map(pick)).toFixed(2);
    console.log(`${name}: ours ${ms((s) => s.ms)} ms (medians of ${runs})`);
    for (const label of labels) {
      console.log(`  ${label.padEnd(24)} ${ms((s) => s.phases[label] ?? 0)} ms`);
    }
  }
} finally {
  await context.close();
  await browser.close();
  await server.close();
}
