/** What the page's own scripts can see of Firewall Lens' marks: the CSS Custom Highlight registry. */
import { CATEGORIES } from '../../../common/glossary-types';

const OURS = new RegExp(`^[a-z][a-z0-9]{11}-(bg-)?(${CATEGORIES.join('|')})$`);

/**
 * Firewall Lens registers `<token>-<category>` and `<token>-bg-<category>`, the token drawn at
 * random per page (common/highlight-names.ts). Tests name them `firewall-lens-<category>` and
 * `firewall-lens-bg-<category>`; any other name is returned as it is.
 */
export function canonicalHighlightName(name: string): string {
  const match = OURS.exec(name);
  return match ? `firewall-lens-${match[1] ?? ''}${match[2]}` : name;
}

/** The token of a name Firewall Lens registered, or undefined. */
export function highlightTokenOf(name: string): string | undefined {
  return OURS.test(name) ? name.slice(0, 12) : undefined;
}

export interface HighlightedRange {
  /** The marked text. */
  text: string;
  /** Tag (lower case) and id of the element that contains the whole range. */
  tag: string;
  id: string;
  /**
   * That element and its ancestors up to `body`, closest first, as `tag`, `tag#id` or `tag[role]`
   * (e.g. `['p#lede', 'article', 'main', 'body']`), so a test can say where a mark is.
   */
  path: string[];
}

export interface PageHighlight {
  name: string;
  /** In document order. */
  ranges: HighlightedRange[];
}

/** A page from either driver: Playwright (Chromium) or Puppeteer (Firefox). */
export interface EvaluatesInPage {
  evaluate<R>(fn: () => R): Promise<unknown>;
}

/**
 * Runs inside the page; self-contained because the driver sends its source text. A StaticRange
 * has no toString(), so each range is rebuilt as a live Range to read its text.
 */
function collectHighlights(): PageHighlight[] {
  const describe = (element: Element): string => {
    const tag = element.localName;
    if (element.id) return `${tag}#${element.id}`;
    const role = element.getAttribute('role');
    return role ? `${tag}[role=${role}]` : tag;
  };
  const result: PageHighlight[] = [];
  CSS.highlights.forEach((highlight, name) => {
    const ranges: Range[] = [];
    highlight.forEach((abstractRange) => {
      const range = document.createRange();
      range.setStart(abstractRange.startContainer, abstractRange.startOffset);
      range.setEnd(abstractRange.endContainer, abstractRange.endOffset);
      ranges.push(range);
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    result.push({
      name,
      ranges: ranges.map((range) => {
        const common = range.commonAncestorContainer;
        const element = common instanceof Element ? common : common.parentElement;
        const path: string[] = [];
        for (
          let node = element;
          node && node !== document.documentElement;
          node = node.parentElement
        ) {
          path.push(describe(node));
        }
        return {
          text: range.toString(),
          tag: element?.localName ?? '',
          id: element?.id ?? '',
          path,
        };
      }),
    });
  });
  return result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every highlight registered on the page, by name, with the text and place of each range. */
export async function readHighlights(page: EvaluatesInPage): Promise<PageHighlight[]> {
  const highlights = (await page.evaluate(collectHighlights)) as PageHighlight[];
  return highlights
    .map((highlight) => ({ ...highlight, name: canonicalHighlightName(highlight.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Names of the highlights Firewall Lens registered, as `firewall-lens-<category>`. */
export async function ourHighlightNames(page: EvaluatesInPage): Promise<string[]> {
  const highlights = await readHighlights(page);
  return highlights.map(({ name }) => name).filter((name) => name.startsWith('firewall-lens-'));
}
