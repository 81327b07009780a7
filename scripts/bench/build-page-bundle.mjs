/** Bundles page-entry.ts (our real modules plus the measuring code) into one script for a page. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/** Vite's `?inline` CSS imports (the card's stylesheet) as the text of the file, as WXT builds it. */
const inlineCss = {
  name: 'inline-css',
  setup(build) {
    build.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: join(args.resolveDir, args.path.replace(/\?inline$/, '')),
      namespace: 'inline-css',
    }));
    build.onLoad({ filter: /.*/, namespace: 'inline-css' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

/** `entry`: another tree's page entry, for scripts/bench/ab.mjs (a copy of an older commit). */
export async function buildPageBundle(entry = join(here, 'page-entry.ts')) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    // The same code the extension ships, unminified as in wxt.config.ts.
    minify: false,
    logLevel: 'warning',
    plugins: [inlineCss],
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}
