/**
 * Bundled by scripts/bench/build-page-bundle.mjs and evaluated in each bench page. It imports the
 * real matcher, glossary and scanner modules, so "ours" is timed on the shipped code; everything
 * that measures lives here and in the files beside it, never in the shipped code.
 */
import './slice-recorder';
import type { Glossary, MatcherData } from '../../common/glossary-types';
import glossaryJson from '../../data/glossary.json';
import { flattenAliases } from '../../entrypoints/background/matcher-data';
import { compileMatcher } from '../../entrypoints/content/marking/matcher';
import { runFloor, runMarkRegExp, runMarkTerms, runStructureFloor } from './baselines';
import { combinedRegExp, markJsTermCalls } from './comparison-patterns';
import { pageShape } from './page-shape';
import { appendParagraphs, runOurs } from './run-ours';
import { userSpellings } from './user-spellings';

const data = flattenAliases(glossaryJson as unknown as Glossary);

/** The bundled glossary plus `count` of a reader's own spellings (`own: false`: as bundled rows). */
function withUser(count: number, own = true): MatcherData {
  const user = userSpellings(count).map((alias) => ({ ...alias, own }));
  return { version: `${data.version}+user${count}`, aliases: [...data.aliases, ...user] };
}

const api = {
  ours: () => runOurs(data),
  appendParagraphs: () => appendParagraphs(),
  markRegExp: () => runMarkRegExp(combinedRegExp(data)),
  markTerms: () => runMarkTerms(markJsTermCalls(data)),
  floor: () => runFloor(combinedRegExp(data)),
  structureFloor: () => runStructureFloor(combinedRegExp(data)),
  // Not timed: what the page is made of, for the shape lines of the report.
  shape: () => pageShape(data),
  // A reader's own terms (docs/performance.md, "Your terms"): the shipped automaton, the same
  // spellings as plain alternation split below V8's size limit, and one combined RegExp.
  oursUser500: () => runOurs(withUser(500)),
  oursUser5000: () => runOurs(withUser(5000)),
  oursUser5000Alternation: () => runOurs(withUser(5000, false)),
  floorUser5000OneRegExp: () => runFloor(combinedRegExp(withUser(5000))),
  // What the content script pays once per page before scanning: building the matcher.
  compileUser5000: () => compileMs(withUser(5000)),
  compileUser5000Alternation: () => compileMs(withUser(5000, false)),
};

function compileMs(matcherData: MatcherData): { ms: number } {
  const start = performance.now();
  const matcher = compileMatcher(matcherData);
  // First use compiles V8's code for the patterns too.
  matcher.test('warm up the patterns');
  return { ms: performance.now() - start };
}

export type BenchApi = typeof api;

(globalThis as { __firewallLensBench?: BenchApi }).__firewallLensBench = api;
