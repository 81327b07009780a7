/**
 * What a page that has read the built package knows: every file in it, every `::highlight(` name
 * written in it, and every CSS style rule in it (stylesheets and the CSS strings bundled into
 * scripts), for the probe in page-probe.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CATEGORIES } from '../../../common/glossary-types';

export interface PackageRule {
  /** One selector of the rule (a selector list is split). */
  selector: string;
  /** The properties it declares (custom properties left out). */
  properties: string[];
  file: string;
}

export interface PackageContents {
  files: string[];
  highlightNames: string[];
  rules: PackageRule[];
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), root)
      : [relative(root, join(dir, entry.name))],
  );
}

/** The names of every earlier package (shipped as manifest CSS), which pages may still know. */
const EARLIER_NAMES = CATEGORIES.flatMap((category) => [
  `firewall-lens-${category}`,
  `firewall-lens-bg-${category}`,
]);

/** The text of double-quoted JS string literals that hold CSS rules. */
function cssStringsIn(js: string): string[] {
  const found: string[] = [];
  for (const match of js.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
    const literal = match[1] ?? '';
    if (literal.length < 40 || !/[^{}]+\{[^{}]*:[^{}]*\}/.test(literal)) continue;
    try {
      found.push(JSON.parse(`"${literal}"`) as string);
    } catch {
      // Not a JSON-compatible literal; such strings are not our stylesheets.
    }
  }
  return found;
}

/** Style rules of `css`, descending into conditional group rules. */
export function styleRules(css: string, file: string): PackageRule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: PackageRule[] = [];
  let at = 0;
  const skipBlock = (open: number): number => {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) return i + 1;
    }
    return text.length;
  };
  const parse = (start: number, end: number) => {
    at = start;
    while (at < end) {
      const open = text.indexOf('{', at);
      const semi = text.indexOf(';', at);
      if (open === -1 || open >= end) return;
      const prelude = text.slice(at, open).trim();
      if (prelude.startsWith('@') && semi !== -1 && semi < open) {
        at = semi + 1;
        continue;
      }
      const close = skipBlock(open);
      if (prelude.startsWith('@')) {
        if (/^@(media|supports|layer|container|document)\b/.test(prelude)) {
          const resume = close;
          parse(open + 1, close - 1);
          at = resume;
        } else {
          at = close;
        }
        continue;
      }
      const properties = text
        .slice(open + 1, close - 1)
        .split(';')
        .map((declaration) => declaration.split(':')[0]?.trim().toLowerCase() ?? '')
        .filter((property) => property !== '' && !property.startsWith('--'));
      for (const selector of prelude.split(',')) {
        if (selector.trim() !== '') rules.push({ selector: selector.trim(), properties, file });
      }
      at = close;
    }
  };
  parse(0, text.length);
  return rules;
}

export function readPackage(buildDir: string): PackageContents {
  const files = listFiles(buildDir);
  const names = new Set(EARLIER_NAMES);
  const rules: PackageRule[] = [];
  for (const file of files) {
    if (!/\.(js|css|html)$/.test(file)) continue;
    const text = readFileSync(join(buildDir, file), 'utf8');
    for (const match of text.matchAll(/::highlight\(\s*([A-Za-z_-][\w-]*)\s*\)/g)) {
      names.add(match[1] ?? '');
    }
    const sheets = file.endsWith('.css') ? [text] : file.endsWith('.js') ? cssStringsIn(text) : [];
    for (const sheet of sheets) rules.push(...styleRules(sheet, file));
  }
  return { files, highlightNames: [...names].sort(), rules };
}
