import { resolve } from 'node:path';
import { READABILITY_CORPUS_DIR, REPO_ROOT } from '../../../scripts/lib/paths.mjs';

export { READABILITY_CORPUS_DIR, REPO_ROOT };

/**
 * The build under test; `FIREWALL_LENS_E2E_OUTPUT=/some/dir` tests another one (e.g. a release
 * build kept aside while the working tree is being rebuilt).
 */
export const OUTPUT_DIR = resolve(REPO_ROOT, process.env.FIREWALL_LENS_E2E_OUTPUT ?? '.output');
export const CHROME_BUILD_DIR = resolve(OUTPUT_DIR, 'chrome-mv3');
export const FIREFOX_BUILD_DIR = resolve(OUTPUT_DIR, 'firefox-mv3');

export const FIXTURE_PAGES_DIR = resolve(REPO_ROOT, 'tests/fixtures/pages');

/**
 * The oldest Firefox the manifest accepts, where scripts/fetch-oldest-firefox.sh unpacks it;
 * `FIREFOX_OLDEST_PATH=/path/to/firefox` points the tests at another copy.
 */
export const OLDEST_FIREFOX_PATH =
  process.env.FIREFOX_OLDEST_PATH ??
  resolve(REPO_ROOT, '.cache/firefox-esr-140/usr/lib/firefox-esr/firefox-esr');
