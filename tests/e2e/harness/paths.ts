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
