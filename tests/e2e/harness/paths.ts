import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The build under test; `FIREWALL_LENS_E2E_OUTPUT=/some/dir` tests another one (e.g. a release
 * build kept aside while the working tree is being rebuilt).
 */
export const OUTPUT_DIR = resolve(REPO_ROOT, process.env.FIREWALL_LENS_E2E_OUTPUT ?? '.output');
export const CHROME_BUILD_DIR = resolve(OUTPUT_DIR, 'chrome-mv3');
export const FIREFOX_BUILD_DIR = resolve(OUTPUT_DIR, 'firefox-mv3');

export const FIXTURE_PAGES_DIR = resolve(REPO_ROOT, 'tests/fixtures/pages');
/** 130 real news pages (mozilla/readability test pages), shared between the project's checkouts. */
export const READABILITY_CORPUS_DIR = resolve(REPO_ROOT, '../shared/corpus/readability');
