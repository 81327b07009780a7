/**
 * Where "ours" spends its time on one page: a CDP CPU profile (50 µs sampling) over many fresh
 * documents, self and inclusive time per function, averaged per run. For small pages, where one
 * run's samples say nothing. The profiler roughly doubles the times; compare functions, not ms.
 *
 *   node scripts/bench/profile-ours.mjs [--runs 40] [--page article|large|long-story|real-long-read|FILE.html] [--warm]
 *     [--method ours|oursUser500|oursUser5000] [--lines FUNCTION]
 *
 * --warm profiles a second marker in the same document after a first one ran (and `gc()` flushed
 * the RegExp code): the difference to a cold run is what first calls cost (V8's lazy compilation
 * of each function, inline caches still empty).
 */
import { READABILITY_CORPUS_DIR } from '../lib/paths.mjs';
import { bundledArticlePage } from './article-page.mjs';
import { settleFreshDocument, startBenchSession } from './bench-session.mjs';
import { buildPageBundle } from './build-page-bundle.mjs';
import { generateLargePage } from './generate-large-page.mjs';
import { buildLongStoryPage, LONG_STORY_PATH } from './long-story-page.mjs';
import { buildRealLongReadPage, REAL_LONG_READ_PATH } from './real-long-read-page.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const runs = Number(opt('--runs', '40'));
const pageName = opt('--page', 'article');
// --warm: a second marker in the same document, after the first (functions compiled).
const warm = argv.includes('--warm');
// Which of the bench page's runs to profile: a reader's own spellings are `oursUser500/5000`.
const method = opt('--method', 'ours');
// --lines walk: the samples of one function by line of the bundle, with the line's text.
const linesOf = opt('--lines', null);
const lineTicks = new Map();
const corpus = READABILITY_CORPUS_DIR;

const bundle = await buildPageBundle();
const pages = new Map([
  ['/__bench/article.html', bundledArticlePage()],
  ['/__bench/large-2mb.html', generateLargePage().html],
  [LONG_STORY_PATH, buildLongStoryPage().html],
]);
// Its parts are read from the corpus (about 20 s): built only when asked for.
if (pageName === 'real-long-read') pages.set(REAL_LONG_READ_PATH, buildRealLongReadPage().html);
// The same paths as the bench and ab.mjs serve them.
const path =
  pageName === 'article'
    ? '/__bench/article.html'
    : pageName === 'large'
      ? '/__bench/large-2mb.html'
      : pageName === 'long-story'
        ? LONG_STORY_PATH
        : pageName === 'real-long-read'
          ? REAL_LONG_READ_PATH
          : `/${encodeURIComponent(pageName)}`;
const { server, browser, context } = await startBenchSession({ root: corpus, pages });
const tab = await context.newPage();
const cdp = await context.newCDPSession(tab);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });

const self = new Map();
const incl = new Map();
let totalMs = 0;
const oursMs = [];
for (let run = 0; run < runs + 3; run++) {
  await tab.goto(server.origin + path, { waitUntil: 'load' });
  await tab.evaluate(settleFreshDocument);
  await tab.evaluate(bundle);
  if (warm) {
    await tab.evaluate((name) => globalThis.__firewallLensBench[name](), method);
    await tab.evaluate(() => {
      for (let i = 0; i < 3; i++) globalThis.gc?.();
    });
  }
  await cdp.send('Profiler.start');
  const result = await tab.evaluate((name) => globalThis.__firewallLensBench[name](), method);
  const { profile } = await cdp.send('Profiler.stop');
  if (run < 3) continue;
  oursMs.push(result.ms);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) {
    if (n.callFrame.functionName !== linesOf) continue;
    for (const { line, ticks } of n.positionTicks ?? []) {
      lineTicks.set(line, (lineTicks.get(line) ?? 0) + ticks);
    }
  }
  const { samples, timeDeltas } = profile;
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n);
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} L${f.lineNumber + 1}`;
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set();
    for (let n = node; n; n = parentOf.get(n.id)) {
      const k = `${n.callFrame.functionName || '(anon)'} L${n.callFrame.lineNumber + 1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
    totalMs += dt;
  }
}
oursMs.sort((a, b) => a - b);
console.log(`ours median ${oursMs[oursMs.length >> 1].toFixed(3)} ms over ${runs} runs`);
console.log(`non-idle sampled per run ${(totalMs / runs).toFixed(3)} ms`);
for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(`${(ms / runs).toFixed(4).padStart(8)} ms  ${key}`);
}
if (linesOf !== null) {
  const source = bundle.split('\n');
  const all = [...lineTicks.values()].reduce((sum, ticks) => sum + ticks, 0);
  console.log(`--- ${linesOf} by line (share of its ${all} samples)`);
  for (const [line, ticks] of [...lineTicks].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(
      `${((100 * ticks) / all).toFixed(1).padStart(5)}%  L${line}  ${source[line - 1]?.trim()}`,
    );
  }
}
console.log('--- inclusive');
for (const [key, ms] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) {
  console.log(`${(ms / runs).toFixed(4).padStart(8)} ms  ${key}`);
}
await context.close();
await browser.close();
await server.close();
