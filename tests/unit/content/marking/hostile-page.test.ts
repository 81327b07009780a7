/**
 * Issue #24, item 4: a page that rewrites itself wildly while the scan runs. fast-check replays
 * random bursts of DOM edits (tests/unit/support/hostile-page.ts) between the scan's slices and
 * between mutation batches; at each quiet point the live marker's marks must be exactly those a
 * fresh page marker finds reading the same document from scratch, painted the same, and nothing
 * may have thrown or rejected. A fresh scan sees what the scanner sees, so the check holds whether
 * or not the scanner reads open shadow roots.
 *
 * Opt-in for now: `npm run test:hostile -- --runs 20000 [--seed N]` (scripts/test-hostile.mjs);
 * a failure prints fast-check's seed and path to replay it (`--seed N --path P`).
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PainterEnvironment } from '../../../../entrypoints/content/marking/highlight-painter';
import type { Mention } from '../../../../entrypoints/content/marking/mention-store';
import {
  createPageMarker,
  type PageMarker,
} from '../../../../entrypoints/content/marking/page-marker';
import { REGION_ATTRIBUTES } from '../../../../entrypoints/content/marking/scan-regions';
import type { PageYielder } from '../../../../entrypoints/content/marking/yield-to-page';
import { FakeHighlight, fakeRange } from '../../support/fake-highlight';
import {
  applyCommand,
  type Command,
  command,
  loadPage,
  pageSpec,
} from '../../support/hostile-page';
import { realMatcher } from '../../support/real-cards';

const matcher = realMatcher();

const RUNS = Number(process.env.HOSTILE_RUNS ?? 1_000);
const SEED = process.env.HOSTILE_SEED === undefined ? undefined : Number(process.env.HOSTILE_SEED);
const PATH = process.env.HOSTILE_PATH;
/** A counterexample as fast-check printed it (its JSON), run first. */
const EXAMPLE = process.env.HOSTILE_EXAMPLE;

/** Burst after burst until the quiet point; the first round runs during the first full scan. */
const scenario = fc.record({
  page: pageSpec,
  /** How far the scan's clock moves at each look: where its slices end. */
  clockStep: fc.integer({ min: 1, max: 6 }),
  rounds: fc.array(
    fc.record({
      bursts: fc.array(fc.array(command, { minLength: 1, maxLength: 4 }), {
        minLength: 1,
        maxLength: 4,
      }),
      /** Each burst in a mutation batch of its own, or as many as land before the batch. */
      spaced: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** One turn of the event loop (a yield's worth; the batcher's own timer may need several). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function painterEnvironment(
  registry: Map<string, FakeHighlight>,
): PainterEnvironment<FakeHighlight> {
  return { registry, createHighlight: () => new FakeHighlight(), createRange: fakeRange };
}

/** Where a node is: element names and indexes from body, `::shadow` into a shadow root. */
function placeOf(node: Node): string {
  if (!node.isConnected) return `detached ${JSON.stringify(node.textContent)}`;
  const steps: string[] = [];
  for (let at: Node | null = node; at !== null && at !== document.body; ) {
    const parent: Node | null = at.parentNode;
    if (parent === null && (at as ShadowRoot).host !== undefined) {
      steps.push('::shadow');
      at = (at as ShadowRoot).host;
      continue;
    }
    const i = parent === null ? 0 : Array.prototype.indexOf.call(parent.childNodes, at);
    steps.push(`${at.nodeName.toLowerCase()}[${i}]`);
    at = parent;
  }
  return steps.reverse().join('/');
}

function describeMention({ node, start, end, id }: Mention): string {
  return `${placeOf(node)} ${JSON.stringify(node.data.slice(start, end))} [${start},${end}) ${id}`;
}

/** Every registered range, by highlight name, with where it is. */
function painted(registry: Map<string, FakeHighlight>): string[] {
  const out: string[] = [];
  for (const [name, highlight] of registry) {
    for (const range of highlight.ranges) {
      const node = range.startContainer as Text;
      out.push(`${name}: ${placeOf(node)} [${range.startOffset},${range.endOffset})`);
    }
  }
  return out.sort();
}

/** What a page marker made now, reading the page from scratch, finds and paints. */
async function freshScan(): Promise<{
  marks: string[];
  painted: string[];
  storyRoots: readonly Element[];
}> {
  const registry = new Map<string, FakeHighlight>();
  const fresh = createPageMarker({
    document,
    matcher,
    highlightToken: 'firewall-lens',
    markStyle: 'underline',
    markMode: 'all',
    stealth: false,
    painterEnvironment: painterEnvironment(registry),
    yielder: { yield: async () => {}, close() {} },
  });
  try {
    await fresh.scan();
    return {
      marks: fresh.store.all().map(describeMention),
      painted: painted(registry),
      storyRoots: fresh.storyRoots(),
    };
  } finally {
    fresh.stop();
  }
}

/** The live marker, its scan driven by a clock and a yielder of ours; counts all work in flight. */
class LivePage {
  readonly registry = new Map<string, FakeHighlight>();
  readonly errors: unknown[] = [];
  readonly marker: PageMarker;
  /** Bursts waiting for the scan's next yield (or the next task, when it does not yield). */
  bursts: Command[][] = [];
  private yieldsInFlight = 0;
  /** The page changed since the marker's last mutation batch (our observer sees it first). */
  private unbatched = false;
  private readonly watcher = new MutationObserver(() => {
    this.unbatched = true;
  });
  private batchesInFlight = 0;
  private scanInFlight = false;
  /** Grows at every yield and batch: unchanged over two tasks means nothing more is coming. */
  private activity = 0;

  constructor(clockStep: number) {
    let clock = 0;
    // Made before the marker's observer, so it is told of each change before the marker's is.
    this.watcher.observe(document, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      // What the marker's batcher is told of, no more: other attributes never make a batch.
      attributeFilter: [...REGION_ATTRIBUTES],
    });
    const yielder: PageYielder = { yield: () => this.yield(), close() {} };
    this.marker = createPageMarker({
      document,
      matcher,
      highlightToken: 'firewall-lens',
      markStyle: 'underline',
      markMode: 'all',
      stealth: false,
      painterEnvironment: painterEnvironment(this.registry),
      now: () => (clock += clockStep),
      yielder,
      onMutationBatch: (_receivedAt, handled) => {
        // The batch takes every record observed so far.
        this.unbatched = false;
        this.activity++;
        this.batchesInFlight++;
        handled
          .catch((error: unknown) => this.errors.push(error))
          .finally(() => this.batchesInFlight--);
      },
    });
  }

  scan(): void {
    this.scanInFlight = true;
    this.marker
      .scan()
      .catch((error: unknown) => this.errors.push(error))
      .finally(() => {
        this.scanInFlight = false;
      });
  }

  /** Between two slices of the scan: the page gets its turn, and edits itself. */
  private yield(): Promise<void> {
    this.activity++;
    this.yieldsInFlight++;
    this.applyBurst();
    return new Promise((resolve) =>
      setImmediate(() => {
        this.yieldsInFlight--;
        resolve();
      }),
    );
  }

  private applyBurst(): void {
    const burst = this.bursts.shift();
    if (burst !== undefined) for (const step of burst) applyCommand(document, step);
  }

  /** Plays the bursts: at the scan's yields, else one task apart (between mutation batches). */
  async play(bursts: Command[][], spaced: boolean): Promise<void> {
    this.bursts = [...bursts];
    while (this.bursts.length > 0) {
      await nextTurn();
      if (this.yieldsInFlight === 0 && !(spaced && this.unbatched)) this.applyBurst();
    }
  }

  /** Waits until every change was batched and no batch, yield or scan is in flight. */
  async settle(): Promise<void> {
    const giveUp = Date.now() + 2_000;
    while (Date.now() < giveUp) {
      const before = this.activity;
      await nextTurn();
      const idle =
        !this.unbatched &&
        this.yieldsInFlight === 0 &&
        this.batchesInFlight === 0 &&
        !this.scanInFlight;
      if (idle && this.activity === before) return;
    }
    throw new Error('the marker never settled: its work kept coming after the page stopped');
  }

  stop(): void {
    this.watcher.disconnect();
    this.marker.stop();
  }
}

const sameElements = (a: readonly Element[], b: readonly Element[]) =>
  a.length === b.length && a.every((element, i) => element === b[i]);

/** Quiet points compared, and those where the live story decision stood against a fresh one. */
let compared = 0;
let undecidedAgain = 0;

let uncaught: unknown[] = [];
const collect = (error: unknown) => uncaught.push(error);

beforeEach(() => {
  uncaught = [];
  process.on('uncaughtException', collect);
  process.on('unhandledRejection', collect);
});

afterEach(() => {
  process.off('uncaughtException', collect);
  process.off('unhandledRejection', collect);
  document.body.innerHTML = '';
});

describe('a page that rewrites itself while it is read (property test)', () => {
  // Opt-in until the divergences it still finds are fixed (see the report in docs/detection.md):
  // `npm run test:hostile`. A failing property in `npm test` would fail every engineer's gate.
  it.skipIf(process.env.HOSTILE_RUNS === undefined)(
    'keeps, at every quiet point, exactly the marks a fresh scan finds, and never throws',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ page, clockStep, rounds }) => {
          loadPage(document, page);
          uncaught = [];
          const live = new LivePage(clockStep);
          try {
            for (const [round, { bursts, spaced }] of rounds.entries()) {
              // The first round's edits land while the first full scan runs.
              if (round === 0) live.scan();
              await live.play(bursts, spaced);
              await live.settle();
              const expected = await freshScan();
              expect([...live.errors, ...uncaught], `round ${round}: errors`).toEqual([]);
              // A story decision stands while its containers are on the page and the page gave no
              // reason to decide again (the story replaced, grown by half, a new one beside it):
              // a fresh reading may then choose another part of the page. Not compared.
              const liveRoots = live.marker.storyRoots();
              if (!sameElements(liveRoots, expected.storyRoots)) {
                expect(
                  liveRoots.every((root) => root.isConnected),
                  'a story left the page',
                ).toBe(true);
                undecidedAgain++;
                continue;
              }
              compared++;
              expect(live.marker.store.all().map(describeMention), `round ${round}: marks`).toEqual(
                expected.marks,
              );
              expect(painted(live.registry), `round ${round}: painted`).toEqual(expected.painted);
            }
          } finally {
            live.stop();
          }
        }),
        {
          numRuns: RUNS,
          seed: SEED,
          path: PATH,
          endOnFailure: PATH !== undefined,
          examples: EXAMPLE === undefined ? [] : [[JSON.parse(EXAMPLE)]],
        },
      );
      console.info(
        `hostile page: ${compared} quiet points compared, ${undecidedAgain} with the earlier story decision standing`,
      );
      // The property must mostly compare, not skip.
      expect(compared).toBeGreaterThan(undecidedAgain * 4);
    },
    600_000,
  );
});
