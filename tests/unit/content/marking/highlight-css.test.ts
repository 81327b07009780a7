import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../../common/glossary-types';
import { highlightName } from '../../../../entrypoints/content/marking/highlight-names';

const css = readFileSync(
  resolve(__dirname, '../../../../entrypoints/content/marking/highlights.css'),
  'utf8',
);

/** Declarations of the rule for `selector`, or undefined. */
function rule(selector: string, source = css): string | undefined {
  const at = source.indexOf(`${selector} {`);
  if (at === -1) return undefined;
  return source
    .slice(at + selector.length + 2, source.indexOf('}', at))
    .replace(/\s+/g, ' ')
    .trim();
}

function firefoxBlock(): string {
  const start = css.indexOf('@supports (-moz-appearance: none) {');
  expect(start).toBeGreaterThan(-1);
  return css.slice(start);
}

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('the mark styles', () => {
  it.each(CATEGORIES)(
    '%s has an underline and a tint, for Chromium and for Firefox',
    (category) => {
      for (const style of ['underline', 'background'] as const) {
        const name = highlightName(category, style);
        const chromium = rule(`:root::highlight(${name})`);
        const firefox = rule(`::highlight(${name})`, firefoxBlock());
        expect(chromium, name).toBeDefined();
        expect(firefox, name).toBe(chromium);
      }
    },
  );

  it.each(CATEGORIES)(
    '%s keeps the page text colour and stays visible on light and dark pages',
    (category) => {
      const underline = rule(`:root::highlight(${highlightName(category, 'underline')})`) ?? '';
      const tint = rule(`:root::highlight(${highlightName(category, 'background')})`) ?? '';
      expect(underline + tint).not.toMatch(/(^|[^-])color:/);
      const colour = /#[0-9a-f]{6}/i.exec(underline)?.[0];
      expect(colour).toBeDefined();
      const l = luminance(colour as string);
      // WCAG's 3:1 for graphical objects, against a white and a black page.
      expect(contrast(l, 1)).toBeGreaterThanOrEqual(3);
      expect(contrast(l, 0)).toBeGreaterThanOrEqual(3);
      expect(tint).toMatch(/background-color: rgb\(\d+ \d+ \d+ \/ 0\.\d+\)/);
    },
  );

  it('gives each category its own underline (style and thickness), so colour is not the only cue', () => {
    // Chromium's rules, then Firefox's.
    for (const [selector, source] of [
      [':root::highlight', css],
      ['::highlight', firefoxBlock()],
    ] as const) {
      const lines = CATEGORIES.map((category) => {
        const line = /underline (\w+ \d+px)/.exec(
          rule(`${selector}(${highlightName(category, 'underline')})`, source) ?? '',
        )?.[1];
        expect(line, `${selector} for ${category}`).toBeDefined();
        return line;
      });
      expect(new Set(lines).size).toBe(CATEGORIES.length);
    }
  });
});
