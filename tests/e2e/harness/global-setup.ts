import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR, REPO_ROOT } from './paths';

/** Without a build the browsers start with no extension and every test times out obscurely. */
export default function checkBuildExists(): void {
  const missing = [CHROME_BUILD_DIR, FIREFOX_BUILD_DIR]
    .map((dir) => join(dir, 'manifest.json'))
    .filter((manifest) => !existsSync(manifest))
    .map((manifest) => relative(REPO_ROOT, manifest));
  if (missing.length > 0) {
    throw new Error(
      `End-to-end tests need the built extension; missing ${missing.join(', ')}. Run \`npm run build\` first.`,
    );
  }
}
