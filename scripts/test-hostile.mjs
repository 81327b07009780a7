/**
 * The hostile-page property test (tests/unit/content/marking/hostile-page.test.ts) with more
 * cases than `npm test` runs, nightly-style:
 *
 *   npm run test:hostile -- [--runs N] [--seed N] [--path P] [--named-blocks]
 *
 * --runs defaults to 20,000; --seed to a random one, printed first so a run can be repeated;
 * --path (with the seed fast-check printed) replays one failure; --named-blocks also lets the
 * page add and re-label share bars and related rails later (a known gap: see the test support's
 * CLASS_NAMES). Exits with Vitest's status.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    'named-blocks': { type: 'boolean', default: false },
  },
});

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a positive whole number, not ${values.runs}`);
  process.exit(2);
}
const seed = values.seed === undefined ? (Math.random() * 2 ** 31) | 0 : Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`--seed must be a whole number, not ${values.seed}`);
  process.exit(2);
}
console.log(
  `hostile page: ${runs} runs, seed ${seed} (repeat: npm run test:hostile -- --runs ${runs} --seed ${seed})`,
);

const env = { ...process.env, HOSTILE_RUNS: String(runs), HOSTILE_SEED: String(seed) };
if (values.path !== undefined) env.HOSTILE_PATH = values.path;
if (values['named-blocks']) env.HOSTILE_NAMED_BLOCKS = '1';

const result = spawnSync(
  'npx',
  ['vitest', 'run', 'tests/unit/content/marking/hostile-page.test.ts'],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
