/**
 * Before/after for the scan: times "ours" from two trees in the same browser, interleaved page by
 * page and run by run (baseline, current, markRegExp, floor, baseline, …), so a busy moment of a
 * shared machine falls on both. The baseline is any copy of the repository, e.g.
 *
 *   mkdir /tmp/base && git archive HEAD | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/
 *   node scripts/bench/ab.mjs --baseline /tmp/base [--pages qq,00,large] [--runs 9]
 *     [--method oursUser5000]
 *
 * --current DIR times another tree instead of this one (two copies of one commit show the noise).
 * --pages keeps the pages whose name contains one of the comma-separated texts ("article",
 * "large", "long-story", "real-long-read" and corpus file names). Prints medians per page, and per group the median of the
 * per-page ratios current/baseline. --method times another of the bench page's runs of ours (a
 * reader's own spellings: oursUser500, oursUser5000) in both trees.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { READABILITY_CORPUS_DIR, READABILITY_EXPECTED_DIR } from '../lib/paths.mjs';
import { bundledArticlePage } from './article-page.mjs';
import { settleFreshDocument, startBenchSession } from './bench-session.mjs';
import { buildPageBundle } from './build-page-bundle.mjs';
import { generateLargePage } from './generate-large-page.mjs';
import { buildLongStoryPage, LONG_STORY_PATH } from './long-story-page.mjs';
import { buildRealLongReadPage, REAL_LONG_READ_PATH } from './real-long-read-page.mjs';
import { median, round } from './stats.mjs';
import { fmt, formatTable } from './table.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The 5M-character pages take more than 30 s to load while the shared machine is busy. */
const LOAD_TIMEOUT_MS = 120_000;

function parseArgs(argv) {
  const args = { runs: 7, corpus: READABILITY_CORPUS_DIR, pages: null, method: 'ours' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--baseline') args.baseline = resolve(argv[++i] ?? '');
    else if (arg === '--current') args.current = resolve(argv[++i] ?? '');
    else if (arg === '--pages') args.pages = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--method') args.method = argv[++i] ?? 'ours';
    else if (arg === '--corpus') args.corpus = resolve(argv[++i] ?? '');
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!args.baseline) throw new Error('--baseline DIR is required');
  return args;
}

const args = parseArgs(process.argv.slice(2));
const keep = (name) => args.pages === null || args.pages.some((text) => name.includes(text));

const [baseBundle, bundle] = await Promise.all([
  buildPageBundle(join(args.baseline, 'scripts/bench/page-entry.ts')),
  buildPageBundle(args.current && join(args.current, 'scripts/bench/page-entry.ts')),
]);
const markJs = readFileSync(join(root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

const pages = new Map();
const list = [];
if (keep('article')) {
  pages.set('/__bench/article.html', bundledArticlePage());
  list.push({ name: 'article', path: '/__bench/article.html', group: 'fixed' });
}
if (keep('large')) {
  pages.set('/__bench/large-2mb.html', generateLargePage().html);
  list.push({ name: 'large-2mb', path: '/__bench/large-2mb.html', group: 'fixed' });
}
if (keep('long-story') && existsSync(READABILITY_EXPECTED_DIR)) {
  pages.set(LONG_STORY_PATH, buildLongStoryPage().html);
  list.push({ name: 'long-story', path: LONG_STORY_PATH, group: 'fixed' });
}
if (keep('real-long-read') && existsSync(READABILITY_EXPECTED_DIR) && existsSync(args.corpus)) {
  pages.set(REAL_LONG_READ_PATH, buildRealLongReadPage({ corpusDir: args.corpus }).html);
  list.push({ name: 'real-long-read', path: REAL_LONG_READ_PATH, group: 'fixed' });
}
if (existsSync(args.corpus)) {
  for (const file of readdirSync(args.corpus)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    if (keep(file))
      list.push({ name: file, path: `/${encodeURIComponent(file)}`, group: 'corpus' });
  }
}

const { server, browser, context } = await startBenchSession({ root: args.corpus, pages });
const tab = await context.newPage();

async function measure(path, variant) {
  await tab.goto(server.origin + path, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await tab.evaluate(settleFreshDocument);
  if (variant === 'markRegExp') await tab.evaluate(markJs);
  await tab.evaluate(variant === 'baseline' ? baseBundle : bundle);
  const method = variant === 'baseline' || variant === 'current' ? args.method : variant;
  return tab.evaluate((name) => globalThis.__firewallLensBench[name](), method);
}

const VARIANTS = ['baseline', 'current', 'markRegExp', 'floor'];
// Warm-up, discarded.
for (const variant of VARIANTS) await measure(list[0]?.path ?? '/__bench/article.html', variant);

const rows = [];
for (const page of list) {
  const samples = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  for (let run = 0; run < args.runs; run++) {
    // Alternate which of the two goes first, so neither always follows mark.js's garbage.
    const order = run % 2 === 0 ? VARIANTS : ['current', 'baseline', 'markRegExp', 'floor'];
    for (const variant of order) samples[variant].push(await measure(page.path, variant));
  }
  const ms = (v) => median(samples[v].map((s) => s.ms));
  const marks = (v) => samples[v][0]?.marks;
  if (marks('baseline') !== marks('current')) {
    console.log(`MARKS DIFFER on ${page.name}: ${marks('baseline')} vs ${marks('current')}`);
  }
  rows.push({
    ...page,
    baseline: ms('baseline'),
    current: ms('current'),
    markRegExp: ms('markRegExp'),
    floor: ms('floor'),
    marks: `${marks('current')} / ${marks('baseline')} / ${marks('markRegExp')}`,
  });
}
await context.close();
await browser.close();
await server.close();

console.log(
  formatTable(
    [
      'page',
      'baseline ms',
      'current ms',
      'current/baseline',
      'markRegExp ms',
      'floor ms',
      'base/mark.js',
      'cur/mark.js',
      'cur/floor',
      'marks cur / base / mark.js',
    ],
    rows.map((r) => [
      r.name,
      fmt(r.baseline, 3),
      fmt(r.current, 3),
      fmt(r.current / r.baseline, 2),
      fmt(r.markRegExp, 3),
      fmt(r.floor, 3),
      fmt(r.baseline / r.markRegExp, 2),
      fmt(r.current / r.markRegExp, 2),
      fmt(r.current / r.floor, 2),
      r.marks,
    ]),
  ),
);
const small = rows.filter((r) => r.group === 'corpus' && r.markRegExp < 5);
const big = rows.filter((r) => r.group === 'corpus' && r.markRegExp >= 5);
for (const [label, group] of [
  ['corpus, markRegExp < 5 ms', small],
  ['corpus, markRegExp ≥ 5 ms', big],
]) {
  if (group.length === 0) continue;
  const over = (key) => group.filter((r) => r[key] / r.markRegExp > 0.5).length;
  console.log(
    `${label}: ${group.length} pages; current/baseline median ${fmt(median(group.map((r) => r.current / r.baseline)), 2)}; ` +
      `over 0.5× mark.js: baseline ${over('baseline')}, current ${over('current')}; ` +
      `median ms baseline ${fmt(median(group.map((r) => r.baseline)), 3)}, current ${fmt(median(group.map((r) => r.current)), 3)}`,
  );
}
console.log(
  `load average ${(await import('node:os'))
    .loadavg()
    .map((v) => round(v))
    .join(' ')}`,
);
