/** Where the project's tools find their inputs, from the repository root. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** 130 real news pages (mozilla/readability's test pages), beside the checkout when present. */
export const READABILITY_CORPUS_DIR = join(REPO_ROOT, '../shared/corpus/readability');

/** Readability's own extraction of each corpus page (same file names): the gold "story". */
export const READABILITY_EXPECTED_DIR = join(REPO_ROOT, '../shared/corpus/readability-expected');

/** The article every card quotes, as bundled with the extension. */
export const BUNDLED_ARTICLE_PATH = join(
  REPO_ROOT,
  'data/sources/second-world-internet-conference.txt',
);
