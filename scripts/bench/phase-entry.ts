/**
 * Bundled by scripts/bench/phases.mjs: "ours" as in the bench, with the story detector's, the
 * scanner's and the painter's methods wrapped so that each call adds its time to a total per
 * method. The wrapping costs a little per call, so methods called per record or per mark read
 * high; the phases (walk, natures, choice, …) are what this is for.
 */
import type { Glossary } from '../../common/glossary-types';
import glossaryJson from '../../data/glossary.json';
import { flattenAliases } from '../../entrypoints/background/matcher-data';
import { HighlightPainter } from '../../entrypoints/content/marking/highlight-painter';
import { Scanner } from '../../entrypoints/content/marking/scanner';
import { StoryDetector } from '../../entrypoints/content/marking/story-detector';
import { NameHints } from '../../entrypoints/content/marking/story-exclusions';
import { runOurs } from './run-ours';

const data = flattenAliases(glossaryJson as unknown as Glossary);
const totals = new Map<string, number>();

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** Private methods are ordinary prototype properties at run time. */
function timeMethods(prototype: object, names: readonly string[], prefix: string): void {
  const methods = prototype as Record<string, Method>;
  for (const name of names) {
    const original = methods[name];
    if (typeof original !== 'function') throw new Error(`${prefix}.${name} is not a method`);
    const label = `${prefix}.${name}`;
    methods[name] = function (this: unknown, ...args: unknown[]) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        totals.set(label, (totals.get(label) ?? 0) + performance.now() - start);
      }
    };
  }
}

timeMethods(
  StoryDetector.prototype,
  ['walk', 'totals', 'natures', 'scores', 'choose', 'exclude'],
  'detector',
);
timeMethods(NameHints.prototype, ['hintOf'], 'detector');
timeMethods(Scanner.prototype, ['probeForMention', 'detect', 'readMatched', 'walk'], 'scanner');
timeMethods(HighlightPainter.prototype, ['paintChanges'], 'painter');

async function phases(): Promise<{ ms: number; phases: Record<string, number> }> {
  totals.clear();
  const result = await runOurs(data);
  return { ms: result.ms, phases: Object.fromEntries(totals) };
}

(globalThis as { __firewallLensPhases?: typeof phases }).__firewallLensPhases = phases;
