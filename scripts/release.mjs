// `npm run release -- X.Y.Z [--skip-tests]`: a release from a clean tree, on this machine only.
// Checks the tree is clean and the changelog has something unreleased; writes the version into
// package.json (the one place: WXT copies it into both manifests) and package-lock.json, and the
// changelog's Unreleased section under it; runs every test (`npm test`); builds the Chrome,
// Firefox and sources zips (`npm run zip`) and the store listings (`npm run store`); checks each
// zip's manifest carries the version; commits and tags. It pushes and publishes nothing: it ends
// with the paths of the three zips, and docs/releasing.md says where each goes.
// `--skip-tests` is for trying the script itself in a throwaway clone; never for a real release.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/paths.mjs';
import { compareVersions, parseVersion, releaseChangelog } from './lib/release-steps.mjs';

const args = process.argv.slice(2);
const skipTests = args.includes('--skip-tests');
const [version, ...extra] = args.filter((arg) => arg !== '--skip-tests');

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

function git(...gitArgs) {
  return execFileSync('git', gitArgs, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
}

function run(command, commandArgs) {
  console.log(`\n$ ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd: REPO_ROOT, stdio: 'inherit' });
  return result.status === 0;
}

if (!version || extra.length > 0 || parseVersion(version) === null) {
  fail('usage: npm run release -- X.Y.Z [--skip-tests]  (three numbers, e.g. 0.2.0)');
}

const status = git('status', '--porcelain');
if (status !== '') fail(`the tree is not clean; commit or stash first:\n${status}`);

const packagePath = join(REPO_ROOT, 'package.json');
const lockPath = join(REPO_ROOT, 'package-lock.json');
const changelogPath = join(REPO_ROOT, 'CHANGELOG.md');
const pkg = JSON.parse(readFileSync(packagePath, 'utf8'));
if (compareVersions(version, pkg.version) < 0) {
  fail(`${version} is older than the current version ${pkg.version}`);
}
if (git('tag', '--list', `v${version}`) !== '') fail(`the tag v${version} exists already`);

const today = new Date().toISOString().slice(0, 10);
let changelog;
try {
  changelog = releaseChangelog(readFileSync(changelogPath, 'utf8'), version, today);
} catch (error) {
  fail(error.message);
}

const originals = new Map(
  [packagePath, lockPath, changelogPath].map((path) => [path, readFileSync(path, 'utf8')]),
);
const undo = () => {
  for (const [path, text] of originals) writeFileSync(path, text);
};

// The version, in the one place it is written (and the lock file npm keeps beside it).
pkg.version = version;
writeFileSync(packagePath, `${JSON.stringify(pkg, null, 2)}\n`);
const lock = JSON.parse(originals.get(lockPath));
lock.version = version;
if (lock.packages?.['']) lock.packages[''].version = version;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
writeFileSync(changelogPath, changelog);

if (skipTests) {
  console.log('\n--skip-tests: not running npm test (for trying this script, never a release)');
} else if (!run('npm', ['test'])) {
  undo();
  fail('npm test failed; the version and the changelog are back as they were');
}
if (!run('npm', ['run', 'zip']) || !run('npm', ['run', 'store'])) {
  undo();
  fail('building the zips or the store listings failed; the version and the changelog are back');
}

const zips = ['chrome', 'firefox', 'sources'].map((kind) =>
  join(REPO_ROOT, '.output', `${pkg.name}-${version}-${kind}.zip`),
);
for (const zip of zips) {
  if (!existsSync(zip)) {
    undo();
    fail(`${zip} was not built`);
  }
}
for (const zip of zips.slice(0, 2)) {
  const manifest = JSON.parse(
    execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' }),
  );
  if (manifest.version !== version) {
    undo();
    fail(`${zip} says version ${manifest.version}, not ${version}`);
  }
}

git('add', 'package.json', 'package-lock.json', 'CHANGELOG.md');
git('commit', '-q', '-m', `Release ${version}`);
git('tag', '-a', `v${version}`, '-m', `Firewall Lens ${version}`);
console.log(
  `\nReleased ${version}: committed and tagged v${version} here; nothing was pushed or published.`,
);
console.log('Store listings: .output/store/ (docs/releasing.md says how to submit each zip).');
for (const zip of zips) console.log(zip);
