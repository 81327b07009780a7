/**
 * Bundled by scripts/bench/build-page-bundle.mjs and evaluated in each bench page. It imports the
 * real matcher, glossary and scanner modules, so "ours" is timed on the shipped code; everything
 * that measures lives here and in the files beside it, never in the shipped code.
 */
import './slice-recorder';
import type { Glossary } from '../../common/glossary-types';
import glossaryJson from '../../data/glossary.json';
import { flattenAliases } from '../../entrypoints/background/matcher-data';
import { runFloor, runMarkRegExp, runMarkTerms } from './baselines';
import { combinedRegExp, markJsTermCalls } from './comparison-patterns';
import { appendParagraphs, runOurs } from './run-ours';

const data = flattenAliases(glossaryJson as unknown as Glossary);

const api = {
  ours: () => runOurs(data),
  appendParagraphs: () => appendParagraphs(),
  markRegExp: () => runMarkRegExp(combinedRegExp(data)),
  markTerms: () => runMarkTerms(markJsTermCalls(data)),
  floor: () => runFloor(combinedRegExp(data)),
};

export type BenchApi = typeof api;

(globalThis as { __firewallLensBench?: BenchApi }).__firewallLensBench = api;
