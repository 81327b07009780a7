/** Bundles page-entry.ts (our real modules plus the measuring code) into one script for a page. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

export async function buildPageBundle() {
  const result = await build({
    entryPoints: [join(here, 'page-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    // The same code the extension ships, unminified as in wxt.config.ts.
    minify: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}
