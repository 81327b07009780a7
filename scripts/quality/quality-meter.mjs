/**
 * Story-detection quality on the Readability corpus: for each page already loaded (and marked) in
 * a browser tab, how many of the gold article's mentions are marked (recall) and how many marks
 * sit in the gold article (precision). The judging runs in the page (page-probe.ts); this side
 * feeds it the gold article, keeps the rows, prints the table and writes bench/quality.json.
 *
 * Used by the sweep (which loads every corpus page anyway: one load, both checks) and by
 * `npm run quality` (scripts/quality/run.mjs).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildPageBundle } from '../bench/build-page-bundle.mjs';
import { fmt, formatTable } from '../bench/table.mjs';
import { READABILITY_EXPECTED_DIR, REPO_ROOT } from '../lib/paths.mjs';
import { OUR_HIGHLIGHT_PATTERN } from '../sweep/page-probes.mjs';
import { corpusHalf, HALVES } from './corpus-halves.mjs';

export { corpusHalf, HALVES };

/**
 * `npm test` fails when recall or precision falls below this, on the measuring half or in total.
 */
export const MIN_QUALITY = 0.95;

export const QUALITY_OUT = join(REPO_ROOT, 'bench/quality.json');

const PROBE_ENTRY = join(REPO_ROOT, 'scripts/quality/page-probe.ts');

/**
 * @param {{ expectedDir?: string }} [options]
 * @returns {Promise<QualityMeter | null>} null when there is no gold folder (a clone without
 *   ../shared): nothing to measure.
 */
export async function createQualityMeter({ expectedDir = READABILITY_EXPECTED_DIR } = {}) {
  if (!existsSync(expectedDir)) return null;
  const probe = await buildPageBundle(PROBE_ENTRY);
  /** @type {PageRow[]} */
  const rows = [];
  return {
    rows,
    /**
     * Judges the marks now on `page` (a Playwright page showing corpus page `file`). Pages without
     * a gold article are skipped.
     */
    async measure(page, file) {
      const goldPath = join(expectedDir, file);
      if (!existsSync(goldPath)) return null;
      const gold = readFileSync(goldPath, 'utf8');
      await page.evaluate(probe);
      const result = await page.evaluate(
        ([html, ours]) => globalThis.__firewallLensQuality.measureQuality(html, ours),
        [gold, OUR_HIGHLIGHT_PATTERN],
      );
      const row = { page: file, ...result };
      rows.push(row);
      return row;
    },
    summary: () => summarise(rows),
  };
}

/**
 * @typedef {{ page: string, goldMentions: number, goldMentionsMarked: number, marks: number,
 *   marksInStory: number, strays: string[], missed: string[] }} PageRow
 * @typedef {{ rows: PageRow[], measure(page: unknown, file: string): Promise<PageRow | null>,
 *   summary(): QualitySummary }} QualityMeter
 * @typedef {ReturnType<typeof summarise>} QualitySummary
 */

const ratio = (part, whole) => (whole > 0 ? part / whole : 1);

/** Recall and precision over the corpus, over each half, and the gate's verdict. */
export function summarise(rows) {
  const totals = totalsOf(rows);
  const halves = Object.fromEntries(
    HALVES.map((half) => [half, totalsOf(rows.filter((row) => corpusHalf(row.page) === half))]),
  );
  const holds = (t) => t.recall >= MIN_QUALITY && t.precision >= MIN_QUALITY;
  // The tuning half is reported, not gated: it is the half rules were fitted to.
  const pass = holds(totals) && holds(halves.measuring);
  return { totals, halves, pass, rows };
}

function totalsOf(rows) {
  const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
  const goldMentions = sum('goldMentions');
  const goldMentionsMarked = sum('goldMentionsMarked');
  const marks = sum('marks');
  const marksInStory = sum('marksInStory');
  return {
    pages: rows.length,
    goldMentions,
    goldMentionsMarked,
    recall: ratio(goldMentionsMarked, goldMentions),
    marks,
    marksInStory,
    precision: ratio(marksInStory, marks),
  };
}

/** Pages with something to judge, worst first (lost mentions and strays count alike). */
function judged(rows) {
  const loss = (row) => row.goldMentions - row.goldMentionsMarked + row.marks - row.marksInStory;
  return rows
    .filter((row) => row.goldMentions > 0 || row.marks > 0)
    .sort((a, b) => loss(b) - loss(a) || a.page.localeCompare(b.page));
}

function tableRow(row) {
  return [
    `${row.page} (${corpusHalf(row.page)[0]})`,
    row.goldMentions,
    row.goldMentionsMarked,
    fmt(ratio(row.goldMentionsMarked, row.goldMentions), 2),
    row.marks,
    row.marksInStory,
    fmt(ratio(row.marksInStory, row.marks), 2),
  ];
}

const HEADERS = ['page', 'gold mentions', 'marked', 'recall', 'marks', 'in story', 'precision'];

/** The table (every judged page, or the `worst` ones), the totals and the gate's verdict. */
export function formatQuality(summary, { worst = Number.POSITIVE_INFINITY } = {}) {
  const pages = judged(summary.rows).slice(0, worst);
  const { totals, halves } = summary;
  const totalRow = (label, t) => [
    `${label} (${t.pages} pages)`,
    t.goldMentions,
    t.goldMentionsMarked,
    fmt(t.recall, 3),
    t.marks,
    t.marksInStory,
    fmt(t.precision, 3),
  ];
  const lines = [];
  lines.push(
    formatTable(HEADERS, [
      ...pages.map(tableRow),
      ...HALVES.map((half) => totalRow(`${half} half`, halves[half])),
      totalRow('total', totals),
    ]),
  );
  const explained = pages.filter((row) => row.strays.length > 0 || row.missed.length > 0);
  for (const row of explained.slice(0, 10)) {
    if (row.strays.length > 0)
      lines.push(`  ${row.page} outside the story: ${row.strays.join(' · ')}`);
    if (row.missed.length > 0) lines.push(`  ${row.page} missed: ${row.missed.join(', ')}`);
  }
  const { measuring } = halves;
  lines.push(
    `Quality ${summary.pass ? 'PASS' : 'FAIL'}: measuring half recall ${fmt(measuring.recall, 3)}, precision ${fmt(measuring.precision, 3)}; total recall ${fmt(totals.recall, 3)}, precision ${fmt(totals.precision, 3)} (each must be ≥ ${MIN_QUALITY}; (t) tuning half, (m) measuring half)`,
  );
  return lines.join('\n');
}

export function writeQuality(summary, out = QUALITY_OUT, extra = {}) {
  mkdirSync(dirname(out), { recursive: true });
  const pages = [...summary.rows].sort((a, b) => a.page.localeCompare(b.page));
  const body = {
    date: new Date().toISOString(),
    ...extra,
    minimum: MIN_QUALITY,
    ...summary.totals,
    halves: summary.halves,
    pass: summary.pass,
    pages: pages.map((row) => ({ ...row, half: corpusHalf(row.page) })),
  };
  writeFileSync(out, `${JSON.stringify(body, null, 2)}\n`);
}
