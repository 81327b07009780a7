/**
 * The rule in common/README.md and docs/architecture.md: an entrypoint imports from its own folder,
 * common/ and components/, never from another entrypoint's folder. What two entrypoints share
 * lives in common/, so a reader of one entrypoint's folder sees all of its own code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const ENTRYPOINTS = join(ROOT, 'entrypoints');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The entrypoint a path belongs to: its first folder (or file) under entrypoints/. */
function entrypointOf(path: string): string | null {
  const inside = relative(ENTRYPOINTS, path);
  if (inside.startsWith('..')) return null;
  return inside.split(sep)[0] ?? null;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Relative imports of one file that land in another entrypoint's folder. */
function crossEntrypointImports(file: string, source: string): string[] {
  const own = entrypointOf(file);
  return [...source.matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((specifier) => {
      const target = entrypointOf(resolve(dirname(file), specifier));
      return target !== null && target !== own;
    });
}

describe('entrypoints', () => {
  it('import nothing from another entrypoint’s folder', () => {
    const crossings = sourceFiles(ENTRYPOINTS).flatMap((file) =>
      crossEntrypointImports(file, readFileSync(file, 'utf8')).map(
        (specifier) => `${relative(ROOT, file)} → ${specifier}`,
      ),
    );
    expect(crossings).toEqual([]);
  });

  it('are caught reaching into another entrypoint (the check itself)', () => {
    const file = join(ENTRYPOINTS, 'early-styles.content/index.ts');
    expect(
      crossEntrypointImports(file, "import { takeEarlyStyles } from '../content/early-styles';"),
    ).toEqual(['../content/early-styles']);
    expect(
      crossEntrypointImports(file, "import { requestEarlyStyles } from './request-early-styles';"),
    ).toEqual([]);
    expect(crossEntrypointImports(file, "import { t } from '../../common/i18n';")).toEqual([]);
  });
});
