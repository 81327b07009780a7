/**
 * Performance bench: our scan-and-mark against mark.js and against the floor (a bare walk that
 * runs the same RegExp and marks nothing), in headless Chromium, on the bundled article, a
 * generated 2 MB page and the Readability corpus when present. Writes bench/results.json.
 *
 *   node scripts/bench.mjs [--strict] [--corpus DIR | --no-corpus] [--only TEXT] [--pages A,B]
 *                          [--quick] [--out FILE]
 *
 * --only keeps the corpus pages whose file name contains TEXT; --pages keeps every page (the
 * bundled article and the 2 MB page included) whose name contains one of the comma-separated
 * texts, e.g. `--pages 2 MB,qq,00`; --quick does one run of everything.
 *
 * Each measurement is on a fresh page load (mark.js rewrites the DOM), pages' own scripts blocked
 * by CSP so the timings are ours alone. The bench is informational: it prints FAIL lines for
 * missed targets and exits 0, unless --strict.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, type as osType, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledArticlePage } from './bench/article-page.mjs';
import { settleFreshDocument, startBenchSession } from './bench/bench-session.mjs';
import { buildPageBundle } from './bench/build-page-bundle.mjs';
import { generateLargePage } from './bench/generate-large-page.mjs';
import { buildLongStoryPage, LONG_STORY_PATH } from './bench/long-story-page.mjs';
import { buildRealLongReadPage, REAL_LONG_READ_PATH } from './bench/real-long-read-page.mjs';
import { median, quantile, round } from './bench/stats.mjs';
import { fmt, formatTable } from './bench/table.mjs';
import { READABILITY_CORPUS_DIR, READABILITY_EXPECTED_DIR } from './lib/paths.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The 5M-character pages take more than 30 s to load while the shared machine is busy. */
const LOAD_TIMEOUT_MS = 120_000;

/**
 * The owner's targets of issue #20. The per-page "0.5x markRegExp where it takes 10 ms or more"
 * of #10 is retired; `markJsMinMs` still sorts the corpus lines of the report.
 */
const TARGETS = {
  /** Ours summed over the corpus pages with a mention (the detector runs there), against mark.js. */
  maxRatioToMarkJsWithMention: 0.8,
  /** Ours summed over the corpus pages without one (matching only), against mark.js. */
  maxRatioToMarkJsWithoutMention: 0.5,
  markJsMinMs: 10,
  /** Ours at most this multiple of the structure floor on the 2 MB and the long-story pages. */
  maxRatioToStructureFloor: 2,
  /**
   * The real long read (real-long-read-page.mjs, the shape of the held-out page of #20): ours at
   * most this multiple of the floor, this share of markRegExp, and no task of ours longer.
   */
  maxRatioToFloorRealLongRead: 3,
  maxRatioToMarkJsRealLongRead: 0.5,
  maxTaskMsRealLongRead: 16,
  /** Share of the long-story page's mentions (the floor's matches) that ours marks. */
  minLongStoryMarked: 0.95,
  /** Ours with 5,000 of a reader's own spellings, as a multiple of ours with the bundled alone. */
  maxRatioUser5000: 2,
  /** No main-thread task of ours longer than this (the real long read has its own). */
  maxTaskMs: 10,
  /** Processing an appended paragraph, after the first scan. */
  maxAppendMs: 1,
};

function parseArgs(argv) {
  const args = { strict: false, corpus: READABILITY_CORPUS_DIR, quick: false };
  args.out = join(root, 'bench/results.json');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--strict') args.strict = true;
    else if (arg === '--quick') args.quick = true;
    else if (arg === '--no-corpus') args.corpus = undefined;
    else if (arg === '--corpus') args.corpus = resolve(argv[++i] ?? '');
    else if (arg === '--out') args.out = resolve(argv[++i] ?? '');
    else if (arg === '--only') args.only = argv[++i] ?? '';
    else if (arg === '--pages') args.pages = (argv[++i] ?? '').split(',').filter(Boolean);
    else throw new Error(`unknown argument ${arg}`);
  }
  // A partial run must not replace the full one that docs/performance.md quotes.
  // So is a run without the corpus (a clone without ../shared).
  const partial = args.quick || args.only || args.pages || !args.corpus || !existsSync(args.corpus);
  if (partial && !argv.includes('--out')) args.out = join(tmpdir(), 'firewall-lens-bench.json');
  return args;
}

const args = parseArgs(process.argv.slice(2));
const wanted = (name) => !args.pages || args.pages.some((text) => name.includes(text));

/** Runs per kind of page: the 2 MB page decides two targets, so it gets the most. */
const RUNS = args.quick
  ? { article: 1, large: 1, largeMarkTerms: 1, longStory: 1, corpus: 1, corpusMarkTerms: 1 }
  : { article: 7, large: 5, largeMarkTerms: 3, longStory: 5, corpus: 2, corpusMarkTerms: 1 };

const METHODS = ['ours', 'markRegExp', 'markTerms', 'floor', 'structureFloor'];

const CONFIRM_RUNS = 3;
const MAX_CONFIRMED_PAGES = args.quick ? 0 : 25;

/** Long tasks first, then the pages slowest against mark.js. */
function severity(row) {
  const overTask = (row.longestSliceMs ?? 0) > TARGETS.maxTaskMs;
  return (overTask ? 1000 : 0) + (row.ratioToMarkJs ?? 0);
}

/** Pages where mark.js takes long enough for the ratio to measure the method, not fixed costs. */
const judgedAgainstMarkJs = (row) => (row.markRegExpMs ?? 0) >= TARGETS.markJsMinMs;

/** Long tasks that started while our scan ran (later ones are the page rendering the marks). */
const longTasksDuringScan = (row) =>
  row.longTasks.flatMap(({ scanMs, tasks }) => tasks.filter((task) => task.start < scanMs));

/** The only per-page target left (#20 retired the per-page mark.js ratio). */
function failsPageTarget(row) {
  return (row.longestSliceMs ?? 0) > TARGETS.maxTaskMs || longTasksDuringScan(row).length > 0;
}

/** A corpus page where the floor found a mention: the story detector runs there. */
const withMention = (row) => (row.marks.floorMatches ?? 0) > 0;

/** A reader's own terms on the long-story page: ours with 0, 500 and 5,000 generated spellings. */
const USER_METHODS = [
  'ours',
  'oursUser500',
  'oursUser5000',
  'oursUser5000Alternation',
  'floorUser5000OneRegExp',
  'floor',
  'compileUser5000',
  'compileUser5000Alternation',
];

async function benchUserTerms(measure) {
  const runs = args.quick ? 1 : RUNS.longStory;
  const samples = Object.fromEntries(USER_METHODS.map((m) => [m, []]));
  const errors = [];
  for (let run = 0; run < runs; run++) {
    for (const method of USER_METHODS) {
      try {
        samples[method].push(await measure(LONG_STORY_PATH, method));
      } catch (error) {
        errors.push(`${method}: ${String(error?.message ?? error).split('\n')[0]}`);
      }
    }
  }
  const med = (method, field = 'ms') => {
    const values = samples[method].map((s) => s[field]).filter((v) => typeof v === 'number');
    return values.length > 0 ? round(median(values)) : null;
  };
  const base = med('ours');
  const ratio = (value) => (value === null || !base ? null : round(value / base, 2));
  const result = {
    runs,
    errors,
    oursMs: base,
    oursUser500Ms: med('oursUser500'),
    oursUser5000Ms: med('oursUser5000'),
    oursUser5000AlternationMs: med('oursUser5000Alternation'),
    floorMs: med('floor'),
    floorUser5000OneRegExpMs: med('floorUser5000OneRegExp'),
    compileUser5000Ms: med('compileUser5000'),
    compileUser5000AlternationMs: med('compileUser5000Alternation'),
    longestSliceUser5000Ms: med('oursUser5000', 'longestSliceMs'),
    marks: med('ours', 'marks'),
    marksUser5000: med('oursUser5000', 'marks'),
  };
  result.ratioUser500 = ratio(result.oursUser500Ms);
  result.ratioUser5000 = ratio(result.oursUser5000Ms);
  result.ratioUser5000Alternation = ratio(result.oursUser5000AlternationMs);
  result.meetsTarget =
    result.ratioUser5000 !== null && result.ratioUser5000 <= TARGETS.maxRatioUser5000;
  console.log('\nYour terms, long-story page (medians, ms):');
  console.log(
    formatTable(
      ['run', 'ms', 'x bundled alone'],
      [
        ['ours, bundled glossary alone', fmt(result.oursMs), '1.00'],
        [
          'ours + 500 own spellings (automaton)',
          fmt(result.oursUser500Ms),
          fmt(result.ratioUser500),
        ],
        [
          'ours + 5,000 own spellings (automaton)',
          fmt(result.oursUser5000Ms),
          fmt(result.ratioUser5000),
        ],
        [
          'ours + 5,000 as split alternation',
          fmt(result.oursUser5000AlternationMs),
          fmt(result.ratioUser5000Alternation),
        ],
        ['floor, bundled alone', fmt(result.floorMs), ''],
        ['floor, 5,000 in one RegExp', fmt(result.floorUser5000OneRegExpMs), ''],
        ['compile 5,000 (automaton)', fmt(result.compileUser5000Ms), ''],
        ['compile 5,000 (alternation)', fmt(result.compileUser5000AlternationMs), ''],
      ],
    ),
  );
  console.log(
    `${result.meetsTarget ? 'ok  ' : 'FAIL'} 5,000 own spellings at most ${TARGETS.maxRatioUser5000}x the bundled glossary alone: ${fmt(result.ratioUser5000)}x`,
  );
  return result;
}

async function main() {
  const started = Date.now();
  const [bundle, markJsSource] = await Promise.all([
    buildPageBundle(),
    readFileSync(join(root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8'),
  ]);
  const markJsVersion = JSON.parse(
    readFileSync(join(root, 'node_modules/mark.js/package.json'), 'utf8'),
  ).version;

  const pages = new Map();
  const article = bundledArticlePage();
  pages.set('/__bench/article.html', article);
  const large = generateLargePage();
  pages.set('/__bench/large-2mb.html', large.html);
  const longStory = existsSync(READABILITY_EXPECTED_DIR) ? buildLongStoryPage() : null;
  if (longStory) pages.set(LONG_STORY_PATH, longStory.html);
  const realLongRead =
    existsSync(READABILITY_EXPECTED_DIR) &&
    args.corpus &&
    existsSync(args.corpus) &&
    wanted('real long read')
      ? buildRealLongReadPage({ corpusDir: args.corpus })
      : null;
  if (realLongRead) pages.set(REAL_LONG_READ_PATH, realLongRead.html);

  const corpusFiles =
    args.corpus && existsSync(args.corpus)
      ? readdirSync(args.corpus)
          .filter((name) => name.endsWith('.html') && (!args.only || name.includes(args.only)))
          .filter(wanted)
          .sort()
      : [];

  const { server, browser, context } = await startBenchSession({ root: args.corpus, pages });

  /**
   * One fresh document per measurement, in a reused tab: the renderer process, and with it V8's
   * caches of compiled code, stays warm as when a reader moves from page to page of a site. The
   * `cold` rows open a new tab for each measurement instead (a new renderer, nothing compiled).
   */
  let tab = await context.newPage();
  async function measure(path, method, { append = false, cold = false } = {}) {
    const page = cold ? await context.newPage() : tab;
    try {
      await page.goto(server.origin + path, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      // Let the load's own style and layout work finish, and collect the garbage of the previous
      // measurements, so no method is charged for them.
      await page.evaluate(settleFreshDocument);
      if (method.startsWith('mark')) await page.evaluate(markJsSource);
      await page.evaluate(bundle);
      const result = await page.evaluate((name) => globalThis.__firewallLensBench[name](), method);
      if (append) {
        result.append = await page.evaluate(() =>
          globalThis.__firewallLensBench.appendParagraphs(),
        );
      }
      return result;
    } catch (error) {
      // A crashed or hung tab must not take the remaining pages with it.
      if (!cold) {
        await tab.close().catch(() => {});
        tab = await context.newPage();
      }
      throw error;
    } finally {
      if (cold) await page.close();
    }
  }

  /** Raw samples per page name, so that a confirmation run can add to them. */
  const rawSamples = new Map();

  async function benchPage({
    name,
    path,
    kind,
    runs,
    markTermsRuns = runs,
    append = false,
    cold = false,
  }) {
    if (kind !== 'warm-up' && !wanted(name)) return null;
    const previous = rawSamples.get(name);
    const samples = previous?.samples ?? Object.fromEntries(METHODS.map((m) => [m, []]));
    const errors = previous?.errors ?? [];
    for (let run = 0; run < runs; run++) {
      // Interleaved, so a slow moment of the machine spreads over all methods.
      for (const method of METHODS) {
        if (method === 'markTerms' && run >= markTermsRuns) continue;
        try {
          samples[method].push(
            await measure(path, method, { append: append && method === 'ours', cold }),
          );
        } catch (error) {
          errors.push(`${method}: ${String(error?.message ?? error).split('\n')[0]}`);
        }
      }
    }
    rawSamples.set(name, { samples, errors });
    return summarise({ name, kind, samples, errors, path });
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: round(totalmem() / 2 ** 30, 1),
    os: `${osType()} ${release()}`,
    node: process.version,
    browser: `Chromium ${browser.version()}`,
    // Other work on the machine shows up as noise; a load above the core count makes runs unreliable.
    loadAverageAtStart: loadavg().map((v) => round(v)),
  };
  console.log(`Firewall Lens bench — ${machine.browser}, ${machine.cpu} × ${machine.cores}`);
  console.log(`mark.js ${markJsVersion}; ${corpusFiles.length} corpus pages`);
  const [load] = loadavg();
  if ((load ?? 0) > machine.cores) {
    console.log(
      `WARNING: load average ${round(load)} on ${machine.cores} cores: numbers will be noisy`,
    );
  }
  console.log('');

  // Warm-up, discarded: the first document of the tab compiles everything.
  await benchPage({ name: 'warm-up', path: '/__bench/article.html', kind: 'warm-up', runs: 1 });

  const rows = [];
  rows.push(
    await benchPage({
      name: 'bundled article, new tab each run',
      path: '/__bench/article.html',
      kind: 'cold',
      runs: RUNS.article,
      cold: true,
    }),
  );
  rows.push(
    await benchPage({
      name: 'bundled article',
      path: '/__bench/article.html',
      kind: 'article',
      runs: RUNS.article,
      append: true,
    }),
  );
  rows.push(
    await benchPage({
      name: 'generated 2 MB page',
      path: '/__bench/large-2mb.html',
      kind: 'large',
      runs: RUNS.large,
      markTermsRuns: RUNS.largeMarkTerms,
      append: true,
    }),
  );
  if (longStory) {
    rows.push(
      await benchPage({
        name: 'long-story page',
        path: LONG_STORY_PATH,
        kind: 'long-story',
        runs: RUNS.longStory,
        // mark(terms) walks 4M characters once per term: minutes, and never the faster mode.
        markTermsRuns: 0,
        append: true,
      }),
    );
  }
  if (realLongRead) {
    rows.push(
      await benchPage({
        name: 'real long read',
        path: REAL_LONG_READ_PATH,
        kind: 'real-long-read',
        runs: RUNS.longStory,
        markTermsRuns: 0,
      }),
    );
  }
  for (const [i, file] of corpusFiles.entries()) {
    rows.push(
      await benchPage({
        name: file,
        path: `/${encodeURIComponent(file)}`,
        kind: 'corpus',
        runs: RUNS.corpus,
        // Seconds per page on the larger ones, and never the faster mark.js mode.
        markTermsRuns: RUNS.corpusMarkTerms,
      }),
    );
    if ((i + 1) % 20 === 0) console.log(`  … ${i + 1}/${corpusFiles.length} corpus pages`);
  }

  // Pages left out by --pages.
  rows.splice(0, rows.length, ...rows.filter((row) => row !== null));

  const userTerms = longStory && wanted('your terms') ? await benchUserTerms(measure) : null;

  // A page failing a per-page target gets CONFIRM_RUNS more runs (mark(terms) aside, it is never
  // the faster mode) before the failure is reported: a busy moment of the machine is not a result.
  const suspects = rows
    .filter((r) => r.kind === 'corpus' && failsPageTarget(r))
    .sort((a, b) => severity(b) - severity(a))
    .slice(0, MAX_CONFIRMED_PAGES);
  if (suspects.length > 0) console.log(`  confirming ${suspects.length} page(s) with more runs`);
  for (const suspect of suspects) {
    const index = rows.indexOf(suspect);
    rows[index] = await benchPage({
      name: suspect.name,
      path: suspect.path,
      kind: suspect.kind,
      runs: CONFIRM_RUNS,
      markTermsRuns: 0,
    });
    rows[index].confirmed = true;
  }

  // What explains each page's cost (not timed): the fixed pages and the corpus pages with a mention.
  for (const row of rows) {
    if (row.kind === 'corpus' && !withMention(row)) continue;
    try {
      row.shape = await measure(row.path, 'shape');
    } catch (error) {
      row.errors.push(`shape: ${String(error?.message ?? error).split('\n')[0]}`);
    }
  }

  await context.close();
  await browser.close();
  await server.close();

  machine.loadAverageAtEnd = loadavg().map((v) => round(v));
  const checks = checkTargets(rows);
  printReport(rows, checks);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\nBench took ${seconds} s.`);

  const results = {
    date: new Date().toISOString(),
    machine,
    markJs: markJsVersion,
    runs: RUNS,
    targets: TARGETS,
    checks,
    largePage: { paragraphs: large.paragraphs, generatedChars: large.chars },
    longStoryPage: longStory && {
      articles: longStory.articles,
      passes: longStory.passes,
      estimatedChars: longStory.chars,
    },
    realLongReadPage: realLongRead && {
      stories: realLongRead.stories,
      draws: realLongRead.draws,
      estimatedChars: realLongRead.chars,
    },
    durationSeconds: seconds,
    userTerms,
    pages: rows,
  };
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Wrote ${args.out}`);
  if (args.strict && checks.some((c) => !c.pass)) process.exitCode = 1;
}

function summarise({ name, kind, samples, errors, path }) {
  const ms = (method, key = 'ms') => round(median(samples[method].map((s) => s[key])));
  const floorSample = samples.floor[0] ?? samples.ours[0];
  const ours = samples.ours;
  const row = {
    name,
    kind,
    path,
    chars: floorSample?.chars ?? null,
    textNodes: floorSample?.textNodes ?? null,
    oursMs: ms('ours'),
    oursBusyMs: ms('ours', 'busyMs'),
    oursSetupMs: ms('ours', 'setupMs'),
    oursSlices: ms('ours', 'slices'),
    // Median over runs of each run's longest: on a loaded 2-core machine a single run can be
    // descheduled mid-slice. The worst of all runs is kept beside it.
    longestSliceMs: ms('ours', 'longestSliceMs'),
    longestSliceMaxMs:
      ours.length > 0 ? round(Math.max(...ours.map((s) => s.longestSliceMs))) : null,
    longestTaskMs: ms('ours', 'longestTaskMs'),
    longestTaskMaxMs: ours.length > 0 ? round(Math.max(...ours.map((s) => s.longestTaskMs))) : null,
    runs: ours.length,
    markRegExpMs: ms('markRegExp'),
    markTermsMs: ms('markTerms'),
    floorMs: ms('floor'),
    structureFloorMs: ms('structureFloor'),
    elements: samples.structureFloor[0]?.elements ?? null,
    marks: {
      ours: ours[0]?.marks ?? null,
      markRegExp: samples.markRegExp[0]?.marks ?? null,
      markTerms: samples.markTerms[0]?.marks ?? null,
      floorMatches: samples.floor[0]?.marks ?? null,
    },
    samples: {
      ...Object.fromEntries(METHODS.map((m) => [m, samples[m].map((s) => round(s.ms))])),
      oursBusy: ours.map((s) => round(s.busyMs)),
    },
    // Per run of ours with any: tasks starting after scanMs are the rendering of the new marks.
    longTasks: ours
      .filter((s) => s.longTasks.length > 0)
      .map((s) => ({ scanMs: round(s.ms), tasks: s.longTasks })),
    errors,
  };
  const appendRuns = ours.map((s) => s.append).filter(Boolean);
  if (appendRuns.length > 0) {
    const all = appendRuns.flat().map((a) => a.ms);
    row.append = {
      medianMs: round(median(all), 3),
      maxMs: round(Math.max(...all), 3),
      firstMs: round(median(appendRuns.map((run) => run[0].ms)), 3),
      samples: all.length,
      marksAdded: appendRuns[0][0].marksAdded,
    };
  }
  const fastestMarkJs = Math.min(row.markRegExpMs ?? Infinity, row.markTermsMs ?? Infinity);
  const ratio = (a, b) => (a !== null && b !== null && b > 0 ? round(a / b) : null);
  row.ratioToMarkJs = ratio(row.oursMs, Number.isFinite(fastestMarkJs) ? fastestMarkJs : null);
  row.ratioToFloor = ratio(row.oursMs, row.floorMs);
  row.structureToFloor = ratio(row.structureFloorMs, row.floorMs);
  row.structureToMarkJs = ratio(row.structureFloorMs, row.markRegExpMs);
  return row;
}

/** Ours and markRegExp summed over `rows`, and the least a method could cost there. */
function summedAgainstMarkJs(rows, leastKey) {
  const sum = (key) => rows.reduce((total, r) => total + (r[key] ?? 0), 0);
  const ours = sum('oursMs');
  const markJs = sum('markRegExpMs');
  const least = sum(leastKey);
  return {
    ratio: markJs > 0 ? ours / markJs : null,
    detail: `${round(ours, 1)} ms vs ${round(markJs, 1)} ms over ${rows.length} pages: ${markJs > 0 ? round(ours / markJs) : '–'}× (the ${leastKey === 'floorMs' ? 'floor' : 'structure floor'} summed ${round(least, 1)} ms, ${markJs > 0 ? round(least / markJs) : '–'}×)`,
  };
}

function checkTargets(rows) {
  const checks = [];
  const measured = rows.filter((r) => r.oursMs !== null);
  const corpus = measured.filter((r) => r.kind === 'corpus');
  for (const [label, group, limit, leastKey] of [
    [
      'with a mention',
      corpus.filter(withMention),
      TARGETS.maxRatioToMarkJsWithMention,
      'structureFloorMs',
    ],
    [
      'without a mention',
      corpus.filter((r) => !withMention(r)),
      TARGETS.maxRatioToMarkJsWithoutMention,
      'floorMs',
    ],
  ]) {
    const { ratio, detail } = summedAgainstMarkJs(group, leastKey);
    checks.push({
      target: `ours ≤ ${limit}× mark.js markRegExp summed over the corpus pages ${label}`,
      pass: ratio !== null && ratio <= limit,
      detail: group.length === 0 ? 'no corpus' : detail,
    });
  }
  const large = rows.find((r) => r.kind === 'large');
  const long = rows.find((r) => r.kind === 'long-story');
  for (const [row, label] of [
    [large, 'the 2 MB page'],
    [long, 'the long-story page'],
  ]) {
    const ratio = row ? ratioOf(row.oursMs, row.structureFloorMs) : null;
    checks.push({
      target: `ours ≤ ${TARGETS.maxRatioToStructureFloor}× the structure floor on ${label}`,
      pass: ratio !== null && ratio <= TARGETS.maxRatioToStructureFloor,
      detail: row
        ? `${row.oursMs} ms vs structure floor ${row.structureFloorMs} ms: ${ratio}× (the floor ${row.floorMs} ms: ${row.ratioToFloor}×)`
        : `no ${label}`,
    });
  }
  const real = rows.find((r) => r.kind === 'real-long-read');
  const realChecks = [
    [
      `ours ≤ ${TARGETS.maxRatioToFloorRealLongRead}× the floor on the real long read`,
      (r) => r.ratioToFloor !== null && r.ratioToFloor <= TARGETS.maxRatioToFloorRealLongRead,
      (r) =>
        `${r.oursMs} ms vs floor ${r.floorMs} ms (${r.chars} chars): ${r.ratioToFloor}× (structure floor ${r.structureFloorMs} ms: ${r.structureToFloor}×; ours/structure floor ${ratioOf(r.oursMs, r.structureFloorMs)}×)`,
    ],
    [
      `ours ≤ ${TARGETS.maxRatioToMarkJsRealLongRead}× mark.js markRegExp on the real long read`,
      (r) => r.ratioToMarkJs !== null && r.ratioToMarkJs <= TARGETS.maxRatioToMarkJsRealLongRead,
      (r) => `${r.oursMs} ms vs ${r.markRegExpMs} ms: ${r.ratioToMarkJs}×`,
    ],
    [
      `no task of ours over ${TARGETS.maxTaskMsRealLongRead} ms on the real long read`,
      (r) =>
        r.longestSliceMs !== null &&
        r.longestSliceMs <= TARGETS.maxTaskMsRealLongRead &&
        longTasksDuringScan(r).length === 0,
      (r) =>
        `longest slice ${r.longestSliceMs} ms (median over runs, worst ${r.longestSliceMaxMs} ms)${longTasksDuringScan(r).length ? ', long task during the scan' : ''}`,
    ],
  ];
  for (const [target, passes, describe] of realChecks) {
    checks.push({
      target,
      pass: Boolean(real && passes(real)),
      detail: real ? describe(real) : 'no real long read (needs ../shared/corpus)',
    });
  }
  const marked = long?.marks.floorMatches ? long.marks.ours / long.marks.floorMatches : null;
  checks.push({
    target: `ours marks ≥ ${TARGETS.minLongStoryMarked * 100}% of the long-story page's mentions`,
    pass: marked !== null && marked >= TARGETS.minLongStoryMarked,
    detail:
      marked === null
        ? 'not measured'
        : `${long.marks.ours} of ${long.marks.floorMatches} (${round(marked * 100, 1)}%)`,
  });
  const taskJudged = measured.filter((r) => r.kind !== 'real-long-read');
  const worstSlice = Math.max(...taskJudged.map((r) => r.longestSliceMs ?? 0));
  const overTask = taskJudged.filter(failsPageTarget);
  checks.push({
    target: `no task of ours over ${TARGETS.maxTaskMs} ms (every page but the real long read)`,
    pass: taskJudged.length > 0 && overTask.length === 0,
    detail:
      overTask.length === 0
        ? `longest slice ${round(worstSlice)} ms (median over runs), no long task during a scan`
        : overTask
            .map(
              (r) =>
                `${r.name} slice ${r.longestSliceMs} ms${longTasksDuringScan(r).length ? ', long task during the scan' : ''}`,
            )
            .join(', '),
  });
  for (const row of [large, long]) {
    const append = row?.append;
    checks.push({
      target: `appending a paragraph to the ${row?.name ?? 'page'} costs < ${TARGETS.maxAppendMs} ms (median)`,
      pass: Boolean(append && append.medianMs < TARGETS.maxAppendMs),
      detail: append
        ? `median ${append.medianMs} ms, first append ${append.firstMs} ms, max ${append.maxMs} ms over ${append.samples}; ${append.marksAdded} marks added each`
        : 'not measured',
    });
  }
  return checks;
}

const ratioOf = (a, b) => (a !== null && b !== null && b > 0 ? round(a / b) : null);

const HEADERS = [
  'page',
  'chars',
  'text nodes',
  'ours ms',
  'ours busy ms',
  'longest slice ms',
  'markRegExp ms',
  'mark(terms) ms',
  'floor ms',
  'structure floor ms',
  'ours/mark.js',
  'ours/floor',
  'structure/floor',
  'marks ours / mark.js',
];

function tableRow(r) {
  return [
    r.name,
    r.chars,
    r.textNodes,
    fmt(r.oursMs),
    fmt(r.oursBusyMs),
    fmt(r.longestSliceMs),
    fmt(r.markRegExpMs),
    fmt(r.markTermsMs),
    fmt(r.floorMs),
    fmt(r.structureFloorMs),
    fmt(r.ratioToMarkJs, 2),
    fmt(r.ratioToFloor, 2),
    fmt(r.structureToFloor, 2),
    `${r.marks.ours ?? '–'} / ${r.marks.markRegExp ?? '–'}`,
  ];
}

function printReport(rows, checks) {
  const fixed = rows.filter((r) => r.kind !== 'corpus');
  const corpus = rows.filter((r) => r.kind === 'corpus');
  console.log(formatTable(HEADERS, fixed.map(tableRow)));
  const large = rows.find((r) => r.kind === 'large');
  if (large?.append) {
    const a = large.append;
    console.log(
      `\nAppend to the 2 MB page: median ${a.medianMs} ms, first ${a.firstMs} ms, max ${a.maxMs} ms over ${a.samples} appends (${a.marksAdded} marks added each)`,
    );
  }
  if (corpus.length > 0) {
    console.log(
      `\nReadability corpus, ${corpus.length} pages (medians per page, then over pages):`,
    );
    const stat = (key) => corpus.map((r) => r[key]).filter((v) => v !== null);
    const summaryRows = [
      'chars',
      'textNodes',
      'oursMs',
      'oursBusyMs',
      'oursSetupMs',
      'longestSliceMs',
      'markRegExpMs',
      'markTermsMs',
      'floorMs',
      'structureFloorMs',
      'ratioToMarkJs',
      'ratioToFloor',
      'structureToMarkJs',
    ].map((key) => {
      const values = stat(key);
      return [
        key,
        fmt(median(values), 2),
        fmt(quantile(values, 0.9), 2),
        fmt(Math.max(...values), 2),
      ];
    });
    console.log(formatTable(['measure', 'median', 'p90', 'max'], summaryRows));
    // The mark.js target by page size: on the smallest pages fixed first-call costs decide.
    for (const [label, keep] of [
      ['mark.js markRegExp < 5 ms', (r) => r.markRegExpMs < 5],
      ['mark.js markRegExp ≥ 5 ms', (r) => r.markRegExpMs >= 5],
      [`mark.js markRegExp ≥ ${TARGETS.markJsMinMs} ms`, judgedAgainstMarkJs],
    ]) {
      const group = corpus.filter((r) => r.ratioToMarkJs !== null && keep(r));
      const ratios = group.map((r) => r.ratioToMarkJs);
      const over = group.filter((r) => r.ratioToMarkJs > 0.5).length;
      console.log(
        `ours/mark.js on pages with ${label}: ${group.length} pages, median ${fmt(median(ratios), 2)}, p90 ${fmt(quantile(ratios, 0.9), 2)}, ${over} over 0.5`,
      );
    }
    const worst = [...corpus]
      .filter((r) => r.ratioToMarkJs !== null)
      .sort((a, b) => b.ratioToMarkJs - a.ratioToMarkJs)
      .slice(0, 5);
    console.log('\nWorst corpus pages by ours/mark.js:');
    console.log(formatTable(HEADERS, worst.map(tableRow)));
    const slowest = [...corpus].sort((a, b) => (b.oursMs ?? 0) - (a.oursMs ?? 0)).slice(0, 5);
    console.log('\nSlowest corpus pages for ours:');
    console.log(formatTable(HEADERS, slowest.map(tableRow)));
  }
  printShapes(rows);
  const withErrors = rows.filter((r) => r.errors.length > 0);
  for (const r of withErrors) console.log(`ERROR ${r.name}: ${r.errors.slice(0, 3).join('; ')}`);
  console.log('\nTargets:');
  for (const c of checks) console.log(`${c.pass ? 'PASS' : 'FAIL'}  ${c.target} — ${c.detail}`);
}

const SHAPE_HEADERS = [
  'page',
  'chars',
  'elements / 1k chars',
  'text nodes / 1k chars',
  'records',
  'candidates',
  'mentions',
  'blocks with a mention',
  'mentions per block',
  'ours/structure floor',
];

function shapeRow(name, shape, ratio) {
  return [
    name,
    shape.chars,
    fmt(shape.elementsPer1kChars, 2),
    fmt(shape.textNodesPer1kChars, 2),
    shape.records,
    shape.candidates,
    shape.mentions,
    shape.mentionBlocks,
    fmt(shape.mentionsPerBlock, 2),
    fmt(ratio, 2),
  ];
}

/** The shape of each page beside what it costs over the structure floor (issue #20). */
function printShapes(rows) {
  const shaped = rows.filter((r) => r.shape);
  if (shaped.length === 0) return;
  const fixed = shaped.filter((r) => r.kind !== 'corpus');
  const corpus = shaped.filter((r) => r.kind === 'corpus');
  const table = fixed.map((r) => shapeRow(r.name, r.shape, ratioOf(r.oursMs, r.structureFloorMs)));
  if (corpus.length > 0) {
    const mid = (pick) => median(corpus.map((r) => pick(r.shape)));
    table.push(
      shapeRow(
        `corpus with a mention (${corpus.length}, medians)`,
        {
          chars: mid((s) => s.chars),
          elementsPer1kChars: mid((s) => s.elementsPer1kChars),
          textNodesPer1kChars: mid((s) => s.textNodesPer1kChars),
          records: mid((s) => s.records),
          candidates: mid((s) => s.candidates),
          mentions: mid((s) => s.mentions),
          mentionBlocks: mid((s) => s.mentionBlocks),
          mentionsPerBlock: mid((s) => s.mentionsPerBlock),
        },
        median(corpus.map((r) => ratioOf(r.oursMs, r.structureFloorMs))),
      ),
    );
  }
  console.log('\nShape (what the detector reads; not timed):');
  console.log(formatTable(SHAPE_HEADERS, table));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
