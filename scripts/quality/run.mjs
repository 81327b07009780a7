/**
 * `npm run quality`: loads every page of the Readability corpus in headless Chromium with the
 * built extension (.output/chrome-mv3), waits for its marks to settle, and judges them against the
 * gold article (quality-meter.mjs). Prints the table, writes bench/quality.json, exits 1 when
 * recall or precision over the corpus falls below 0.95. `npm test` gets the same numbers from the
 * sweep, which loads each page once for both.
 *
 *   node scripts/quality/run.mjs [--source] [--half tuning|measuring] [--only TEXT] [--worst N]
 *     [--out FILE]
 *
 * --source marks with the working tree's marking core instead of the built extension (the bench's
 * page bundle, createPageMarker with every category): no build needed, for tuning the detector.
 * --half runs one half of the corpus (quality-meter.mjs, `corpusHalf`): tune on `tuning`, and
 * look at `measuring` only to judge. Only a full run with the built extension writes
 * bench/quality.json unless --out says where.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildPageBundle } from '../bench/build-page-bundle.mjs';
import { launchBrowser, launchWithExtension, NO_PAGE_SCRIPTS_CSP } from '../lib/chromium.mjs';
import { READABILITY_CORPUS_DIR, REPO_ROOT } from '../lib/paths.mjs';
import { startStaticServer } from '../lib/static-server.mjs';
import { countOurHighlights, OUR_HIGHLIGHT_PATTERN } from '../sweep/page-probes.mjs';
import { corpusHalf, HALVES } from './corpus-halves.mjs';
import { createQualityMeter, formatQuality, QUALITY_OUT, writeQuality } from './quality-meter.mjs';

function parseArgs(argv) {
  const args = {
    source: false,
    half: null,
    only: null,
    worst: Number.POSITIVE_INFINITY,
    out: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--source') args.source = true;
    else if (arg === '--only') args.only = argv[++i] ?? '';
    else if (arg === '--half') {
      args.half = argv[++i] ?? '';
      if (!HALVES.includes(args.half)) throw new Error(`--half takes ${HALVES.join(' or ')}`);
    } else if (arg === '--worst') args.worst = Number(argv[++i]);
    else if (arg === '--out') args.out = resolve(argv[++i] ?? '');
    else throw new Error(`unknown argument ${arg}`);
  }
  args.out ??=
    args.source || args.only || args.half
      ? join(tmpdir(), 'firewall-lens-quality.json')
      : QUALITY_OUT;
  return args;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** As the sweep waits: at least 400 ms, then until the number of marks holds for 300 ms. */
async function settle(page) {
  const started = Date.now();
  await sleep(400);
  let last = -1;
  let since = Date.now();
  while (Date.now() - started < 10_000) {
    const counts = await page.evaluate(countOurHighlights, OUR_HIGHLIGHT_PATTERN);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total !== last) {
      last = total;
      since = Date.now();
    } else if (Date.now() - since >= 300) return;
    await sleep(50);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const meter = await createQualityMeter();
  if (meter === null) throw new Error('no gold articles at ../shared/corpus/readability-expected');
  const files = readdirSync(READABILITY_CORPUS_DIR)
    .filter((name) => name.endsWith('.html') && (!args.only || name.includes(args.only)))
    .filter((name) => args.half === null || corpusHalf(name) === args.half)
    .sort();
  const server = await startStaticServer({
    root: READABILITY_CORPUS_DIR,
    headers: { 'content-security-policy': NO_PAGE_SCRIPTS_CSP },
  });
  const marker = args.source
    ? await buildPageBundle(join(REPO_ROOT, 'scripts/bench/page-entry.ts'))
    : null;
  let context;
  let closeBrowser;
  if (args.source) {
    const browser = await launchBrowser();
    context = await browser.newContext();
    closeBrowser = () => browser.close();
  } else {
    ({ context, close: closeBrowser } = await launchWithExtension(
      join(REPO_ROOT, '.output/chrome-mv3'),
    ));
    // The first page must not load before the background can answer the content script.
    if (context.serviceWorkers().length === 0) {
      await context.waitForEvent('serviceworker', { timeout: 15_000 });
    }
  }
  const started = Date.now();
  try {
    for (const file of files) {
      const page = await context.newPage();
      try {
        await page.goto(`${server.origin}/${encodeURIComponent(file)}`, { waitUntil: 'load' });
        if (marker) {
          await page.evaluate(marker);
          await page.evaluate(() => globalThis.__firewallLensBench.ours());
        } else await settle(page);
        await meter.measure(page, file);
      } finally {
        await page.close();
      }
    }
  } finally {
    await closeBrowser();
    await server.close();
  }
  const summary = meter.summary();
  console.log(formatQuality(summary, { worst: args.worst }));
  writeQuality(summary, args.out, { marker: args.source ? 'source' : 'built extension' });
  console.log(
    `${files.length} pages in ${Math.round((Date.now() - started) / 1000)} s; wrote ${args.out}`,
  );
  if (!summary.pass) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
