import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../common/glossary-types';
import { allHighlightNames, highlightName } from '../../../common/highlight-names';
import {
  CHIP_TEXT,
  highlightCss,
  markDeclarations,
  PALETTE,
} from '../../../entrypoints/background/highlight-css';
import {
  geckoPaintSupport,
  type PaintSupport,
} from '../../../entrypoints/background/paint-support';

const TOKEN = 'k3x9a0b7c2d4';
const CHROMIUM: PaintSupport = { engine: 'blink', decorations: true };
const FIREFOX_153: PaintSupport = geckoPaintSupport('153.8.0');
const FIREFOX_140: PaintSupport = geckoPaintSupport('140.12.0');
const ALL = [CHROMIUM, FIREFOX_153, FIREFOX_140];

/** Declarations of the rule for `selector` in `css`, or undefined. */
function rule(css: string, selector: string): string | undefined {
  const at = css.indexOf(`${selector} {`);
  if (at === -1) return undefined;
  return css.slice(at + selector.length + 2, css.indexOf('}', at)).trim();
}

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

describe('what each browser paints', () => {
  it.each([
    ['140.12.0', false],
    ['145.0.1', false],
    ['146.0', true],
    ['153.8.0', true],
    ['', false],
    [undefined, false],
    ['nightly', false],
  ])('Gecko %j draws decorations in ::highlight(): %s', (version, decorations) => {
    expect(geckoPaintSupport(version)).toEqual({ engine: 'gecko', decorations });
  });
});

describe('the per-session stylesheet', () => {
  it('has one rule for every name the session can register, and nothing else', () => {
    for (const support of ALL) {
      const css = highlightCss(TOKEN, support);
      const selector = support.engine === 'blink' ? ':root::highlight' : '::highlight';
      for (const name of allHighlightNames(TOKEN)) {
        expect(rule(css, `${selector}(${name})`), name).toMatch(/;$/);
      }
      const names = [...css.matchAll(/::highlight\(([^)]+)\)/g)].map((match) => match[1]);
      expect(names.sort()).toEqual(allHighlightNames(TOKEN).sort());
    }
  });

  it('is the same text for the same token (removeCSS finds the sheet by its text)', () => {
    expect(highlightCss(TOKEN, FIREFOX_140)).toBe(highlightCss(TOKEN, FIREFOX_140));
    expect(highlightCss('qzzzzzzzzzzz', CHROMIUM)).not.toContain(TOKEN);
  });

  it('uses :root rules in Chromium (free at first paint) and universal ones in Gecko', () => {
    const name = highlightName(TOKEN, 'event', 'underline');
    expect(highlightCss(TOKEN, CHROMIUM)).toContain(`:root::highlight(${name})`);
    expect(highlightCss(TOKEN, FIREFOX_153)).not.toContain(':root');
    expect(highlightCss(TOKEN, FIREFOX_153)).toContain(`\n::highlight(${name})`);
  });
});

describe('the mark styles where lines are drawn (Chromium, Firefox 146+)', () => {
  it.each(CATEGORIES)('%s keeps the page text colour and shows on white and black', (category) => {
    for (const support of [CHROMIUM, FIREFOX_153]) {
      const { underline, background } = markDeclarations(category, support);
      expect(underline + background).not.toMatch(/(^|[^-])color:/);
      expect(underline).toBe(
        `text-decoration: ${PALETTE[category].line} ${PALETTE[category].colour};`,
      );
      // WCAG's 3:1 for graphical objects, against a white and a black page.
      expect(contrast(PALETTE[category].colour, '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(contrast(PALETTE[category].colour, '#000000')).toBeGreaterThanOrEqual(3);
      expect(background).toMatch(/^background-color: rgb\(\d+ \d+ \d+ \/ 0\.3\);$/);
    }
  });

  it('gives each category its own line (style and thickness), so colour is not the only cue', () => {
    const lines = CATEGORIES.map((category) => PALETTE[category].line);
    expect(new Set(lines).size).toBe(CATEGORIES.length);
    for (const line of lines)
      expect(line).toMatch(/^underline (solid|dashed|dotted|double|wavy) \dpx$/);
  });
});

describe('the mark styles where no line is drawn (Firefox 140-145)', () => {
  it.each(CATEGORIES)(
    '%s: the underline style becomes a chip with readable white text',
    (category) => {
      const { underline, background } = markDeclarations(category, FIREFOX_140);
      expect(underline).toBe(`background-color: ${PALETTE[category].chip}; color: ${CHIP_TEXT};`);
      expect(underline).not.toContain('text-decoration');
      // WCAG AA for text: the chip sets both colours, so the page's own colours do not matter.
      expect(contrast(PALETTE[category].chip, CHIP_TEXT)).toBeGreaterThanOrEqual(4.5);
      // The tint stays a 30% wash over the page's text: a different look from the solid chip.
      expect(background).toMatch(/^background-color: rgb\(\d+ \d+ \d+ \/ 0\.3\);$/);
    },
  );

  it('keeps every category apart by colour, chips and tints alike', () => {
    const chips = CATEGORIES.map((category) => PALETTE[category].chip);
    const tints = CATEGORIES.map((category) => PALETTE[category].colour);
    expect(new Set(chips).size).toBe(CATEGORIES.length);
    expect(new Set(tints).size).toBe(CATEGORIES.length);
  });
});
