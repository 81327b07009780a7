// Types for the browser tests (TypeScript) that share these paths with the Node scripts.
export const REPO_ROOT: string;
export const READABILITY_CORPUS_DIR: string;
export const READABILITY_EXPECTED_DIR: string;
export const BUNDLED_ARTICLE_PATH: string;
