/**
 * The stylesheet for one marking session's highlight names, inserted into its tab and frame only
 * while that page is being marked (`mark-styles.ts`). Pure: the same token and support give the
 * same text, which `scripting.removeCSS` needs to find the sheet again.
 *
 * The page's text colour is kept wherever the browser can draw a line: each underline colour keeps
 * at least 3:1 contrast against both white and black pages, and each category has its own line
 * (five line styles; the two solid lines differ in thickness, and so do the two dotted ones), so
 * colour is not the only cue.
 * Tints are 30% alpha over the page's own text.
 *
 * Where the browser draws no decoration in `::highlight()` (Firefox 140-145), the underline style
 * becomes a solid chip in the category's colour with white text (at least 4.5:1), which reads the
 * same on light and dark pages and stays distinct from the 30% tint of the background style.
 *
 * Selectors: Chromium paints `:root::highlight()` on nested text (highlight inheritance) at no
 * first-paint cost, where a universal `::highlight()` added ~20 ms on a large page. Gecko does not
 * paint `:root::highlight()` on nested text, so it gets universal rules.
 */
import type { CategoryId } from '../../common/glossary-types';
import { CATEGORIES } from '../../common/glossary-types';
import { highlightName } from '../../common/highlight-names';
import type { PaintSupport } from './paint-support';

export interface CategoryPalette {
  /** `text-decoration` value of the underline style. */
  line: string;
  /** Colour of the line, and of the tint at 30%. */
  colour: string;
  /** Background of the chip that replaces the line where no line is drawn; white text on it. */
  chip: string;
}

export const PALETTE: Readonly<Record<CategoryId, CategoryPalette>> = {
  'censorship-system': { line: 'underline solid 3px', colour: '#d6336c', chip: '#d6336c' },
  circumvention: { line: 'underline dashed 2px', colour: '#2b8a3e', chip: '#277a37' },
  'blocked-platform': { line: 'underline dotted 2px', colour: '#1c7ed6', chip: '#1971c2' },
  policy: { line: 'underline double 2px', colour: '#9c36b5', chip: '#9c36b5' },
  'domestic-platform': { line: 'underline wavy 1px', colour: '#d9480f', chip: '#b93d0c' },
  event: { line: 'underline solid 1px', colour: '#0c8599', chip: '#0b7285' },
  user: { line: 'underline dotted 3px', colour: '#b07d00', chip: '#946800' },
};

export const TINT_ALPHA = 0.3;
export const CHIP_TEXT = '#ffffff';

function rgb(hex: string, alpha: number): string {
  const channel = (offset: number) => Number.parseInt(hex.slice(offset, offset + 2), 16);
  return `rgb(${channel(1)} ${channel(3)} ${channel(5)} / ${alpha})`;
}

/** The declarations of each style of `category` where `support` holds. */
export function markDeclarations(
  category: CategoryId,
  support: PaintSupport,
): { underline: string; background: string } {
  const { line, colour, chip } = PALETTE[category];
  return {
    underline: support.decorations
      ? `text-decoration: ${line} ${colour};`
      : `background-color: ${chip}; color: ${CHIP_TEXT};`,
    background: `background-color: ${rgb(colour, TINT_ALPHA)};`,
  };
}

export function highlightCss(token: string, support: PaintSupport): string {
  const selector = support.engine === 'blink' ? ':root::highlight' : '::highlight';
  const rules: string[] = [];
  for (const category of CATEGORIES) {
    const declarations = markDeclarations(category, support);
    for (const style of ['underline', 'background'] as const) {
      rules.push(
        `${selector}(${highlightName(token, category, style)}) { ${declarations[style]} }`,
      );
    }
  }
  return rules.join('\n');
}
