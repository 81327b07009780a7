/**
 * Loads every page of a directory in Chromium with the built extension and fails (exit 1, with a
 * list) on anything the extension must never do on a real page:
 * - an exception or console error from our content script or service worker;
 * - any change to the page's DOM (the page's own scripts are blocked by CSP, so after
 *   DOMContentLoaded every mutation is ours);
 * - a mark inside a region we must leave alone (checked by rules written here, independently of the
 *   scanner's), or a broken range.
 *
 *   node scripts/sweep.mjs [DIR] [--extension DIR] [--self-test] [--if-present] [--browser firefox]
 *
 * DIR defaults to ../shared/corpus/readability. --self-test runs the sweep against a deliberately
 * misbehaving extension (scripts/sweep/self-test-extension) and passes only if the sweep catches
 * each kind of failure, so a sweep that can no longer see problems does not pass silently.
 * --browser firefox runs the same page checks in Firefox ESR (scripts/sweep/firefox-sweep.mjs)
 * with .output/firefox-mv3; the story-detection quality is measured in the Chromium pass only.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, NO_PAGE_SCRIPTS_CSP } from './lib/chromium.mjs';
import { READABILITY_CORPUS_DIR } from './lib/paths.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { createQualityMeter, formatQuality, writeQuality } from './quality/quality-meter.mjs';
import {
  watchPageForExtensionErrors,
  watchServiceWorkerErrors,
} from './sweep/extension-errors.mjs';
import { sweepInFirefox } from './sweep/firefox-sweep.mjs';
import {
  countOurHighlights,
  findBadMarks,
  installMutationRecorder,
  OUR_HIGHLIGHT_PATTERN,
} from './sweep/page-probes.mjs';
import { selfTestPages } from './sweep/self-test-pages.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The content script starts at document_idle and first asks the background for its data. */
const MIN_WAIT_MS = 400;
/** Marks unchanged for this long: the scan is done. */
const STABLE_MS = 300;
const SETTLE_TIMEOUT_MS = 10_000;
/** Tabs swept at once. */
const CONCURRENT_PAGES = 3;
const POLL_MS = 50;

function parseArgs(argv) {
  const args = {
    dir: READABILITY_CORPUS_DIR,
    extension: join(root, '.output/chrome-mv3'),
    selfTest: false,
    ifPresent: false,
    browser: 'chromium',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--self-test') args.selfTest = true;
    else if (arg === '--if-present') args.ifPresent = true;
    else if (arg === '--extension') args.extension = resolve(argv[++i] ?? '');
    else if (arg === '--browser') args.browser = argv[++i] ?? '';
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else args.dir = resolve(arg);
  }
  if (args.browser !== 'chromium' && args.browser !== 'firefox') {
    throw new Error(`unknown browser ${args.browser} (chromium or firefox)`);
  }
  if (args.browser === 'firefox' && !argv.includes('--extension')) {
    args.extension = join(root, '.output/firefox-mv3');
  }
  if (args.selfTest) args.extension = join(root, 'scripts/sweep/self-test-extension');
  return args;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Waits until our highlight count has not changed for STABLE_MS (after MIN_WAIT_MS). */
async function settle(page) {
  const started = Date.now();
  await sleep(MIN_WAIT_MS);
  let last = -1;
  let since = Date.now();
  for (;;) {
    const counts = await page.evaluate(countOurHighlights, OUR_HIGHLIGHT_PATTERN);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total !== last) {
      last = total;
      since = Date.now();
    } else if (Date.now() - since >= STABLE_MS) {
      return { counts, total, timedOut: false };
    }
    if (Date.now() - started > SETTLE_TIMEOUT_MS) return { counts, total, timedOut: true };
    await sleep(POLL_MS);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(join(args.extension, 'manifest.json'))) {
    throw new Error(`no built extension at ${args.extension} (run npm run build)`);
  }
  if (!args.selfTest && args.ifPresent && !existsSync(args.dir)) {
    // npm test runs the sweep wherever the shared corpus is beside the project (CI has it).
    console.log(`Sweep skipped: no corpus at ${args.dir}`);
    return;
  }
  const pages = args.selfTest ? selfTestPages() : new Map();
  const files = args.selfTest
    ? [...pages.keys()].map((path) => path.slice(1))
    : readdirSync(args.dir)
        .filter((name) => /\.html?$/.test(name))
        .sort();
  if (files.length === 0) throw new Error(`no .html files in ${args.dir}`);

  const server = await startStaticServer({
    root: args.selfTest ? undefined : args.dir,
    pages,
    headers: { 'content-security-policy': NO_PAGE_SCRIPTS_CSP },
  });
  if (args.browser === 'firefox') {
    const failures = await sweepInFirefox({
      files,
      origin: server.origin,
      extension: args.extension,
    }).finally(() => server.close());
    return report(args, failures);
  }
  // Story detection is judged in the same page loads (scripts/quality): one pass, two checks.
  const quality = args.selfTest ? null : await createQualityMeter();
  const { context, close } = await launchWithExtension(args.extension);
  const started = Date.now();
  const failures = [];
  let serviceWorkerWatch;
  try {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // Node gives non-special schemes a "null" origin.
    const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
    const browser = context.browser();
    if (!browser) throw new Error('no browser handle for the persistent context');
    serviceWorkerWatch = await watchServiceWorkerErrors(browser, extensionOrigin);
    await context.addInitScript(installMutationRecorder);

    console.log(`Sweep: ${files.length} pages, extension ${args.extension} (${extensionOrigin})\n`);
    let pagesWithMarks = 0;
    let totalMarks = 0;
    // Pages are swept a few at a time: most of a page's time is waiting for its marks to stay
    // still, which overlaps (Firefox's sweep does the same).
    let next = 0;
    const sweepNext = async () => {
      while (next < files.length) {
        const file = files[next++];
        const pageStarted = Date.now();
        const page = await context.newPage();
        const problems = [];
        let marks = 0;
        try {
          const { errors } = await watchPageForExtensionErrors(context, page, extensionOrigin);
          await page.goto(`${server.origin}/${encodeURIComponent(file)}`, {
            waitUntil: 'load',
            timeout: 30_000,
          });
          const settled = await settle(page);
          marks = settled.total;
          if (settled.timedOut) problems.push(`marks still changing after ${SETTLE_TIMEOUT_MS} ms`);
          const bad = await page.evaluate(findBadMarks, OUR_HIGHLIGHT_PATTERN);
          for (const mark of bad.slice(0, 5)) {
            problems.push(`mark "${mark.text}" (${mark.highlight}): ${mark.problem}`);
          }
          if (bad.length > 5) problems.push(`… ${bad.length - 5} more bad marks`);
          await quality?.measure(page, file);
          const mutations = await page.evaluate(() => window.__firewallLensSweep);
          if (mutations && mutations.count > 0) {
            problems.push(
              `${mutations.count} DOM mutation(s): ${mutations.samples.slice(0, 3).join('; ')}`,
            );
          } else if (!mutations) {
            problems.push('mutation recorder did not run');
          }
          problems.push(...errors);
        } catch (error) {
          problems.push(`sweep error: ${String(error?.message ?? error).split('\n')[0]}`);
        } finally {
          await page.close().catch(() => {});
        }
        if (marks > 0) pagesWithMarks++;
        totalMarks += marks;
        const ms = Date.now() - pageStarted;
        console.log(
          `${problems.length ? 'FAIL' : 'ok  '} ${file.padEnd(48)} ${String(marks).padStart(4)} marks ${String(ms).padStart(6)} ms`,
        );
        for (const problem of problems) console.log(`       ${problem}`);
        if (problems.length) failures.push({ file, problems });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT_PAGES }, sweepNext));
    if (quality && quality.rows.length > 0) {
      const summary = quality.summary();
      console.log(`\n${formatQuality(summary, { worst: 15 })}`);
      writeQuality(summary, join(root, '.test-results/quality.json'), { source: 'sweep' });
      if (!summary.pass)
        failures.push({ file: '(story detection)', problems: ['quality below 0.95'] });
    }
    for (const error of serviceWorkerWatch.errors) {
      failures.push({ file: '(service worker)', problems: [error] });
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `\n${files.length} pages, ${pagesWithMarks} with marks, ${totalMarks} marks in all, ${failures.length} failure(s), ${seconds} s (${Math.round((Date.now() - started) / files.length)} ms per page)`,
    );
  } finally {
    await serviceWorkerWatch?.stop();
    await close();
    await server.close();
  }

  report(args, failures);
}

function report(args, failures) {
  if (args.selfTest) return reportSelfTest(failures, args.browser);
  if (failures.length > 0) {
    console.log('\nFailures:');
    for (const { file, problems } of failures) console.log(`- ${file}: ${problems.join(' / ')}`);
    process.exitCode = 1;
  }
}

/** The broken extension must be caught in every way it misbehaves. */
function reportSelfTest(failures, browser) {
  const all = failures.flatMap(({ file, problems }) => problems.map((p) => `${file}: ${p}`));
  const expectations = [
    [
      'content script exception',
      (p) => p.includes('content script: ') && p.includes('self-test boom'),
    ],
    ['content script console.error', (p) => p.includes('content script console.error')],
    // Firefox's background page is out of WebDriver BiDi's reach (firefox-sweep.mjs).
    ...(browser === 'firefox'
      ? []
      : [
          [
            'service worker exception',
            (p) => p.includes('service worker: ') && p.includes('self-test worker boom'),
          ],
        ]),
    ['DOM mutation', (p) => p.includes('DOM mutation')],
    ['mark in <nav>', (p) => p.includes('inside <nav>')],
    ['mark in a site footer', (p) => p.includes('inside <footer> outside article/main')],
    ['mark in aria-hidden', (p) => p.includes('aria-hidden')],
  ];
  const clean = failures.find(({ file }) => file === 'clean.html');
  let ok = true;
  console.log('\nSelf-test:');
  for (const [name, test] of expectations) {
    const caught = all.some(test);
    ok &&= caught;
    console.log(`${caught ? 'caught ' : 'MISSED '} ${name}`);
  }
  // A page the broken extension leaves alone must pass: the sweep must not cry wolf either.
  console.log(`${clean ? 'WRONG  ' : 'passed '} clean page`);
  if (!ok || clean) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
