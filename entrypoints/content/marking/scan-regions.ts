/**
 * Which parts of a page are read for mentions. Decided from tag names and attributes only: no
 * computed style (a style lookup per element would cost more than matching the whole page) and no
 * `isContentEditable` (Chromium updates style and layout to answer it). Works on anything shaped
 * like a DOM Element, so it is tested with happy-dom.
 *
 * The rules (docs/detection.md explains each):
 * - Never text that is not prose shown to the reader: script, style, form controls, buttons,
 *   media fallback, SVG and MathML, editable regions, `hidden` / `aria-hidden="true"` subtrees and
 *   Firewall Lens' own UI host.
 * - Not the site's chrome: nav, explicit banner/navigation/contentinfo/search/menu/toolbar roles,
 *   share links, and header/footer/aside outside an article or main (inside one they are the
 *   article's own header, byline or fact box).
 * - When the page has article/main landmarks, only text inside them ("landmarks" mode).
 */

/** Firewall Lens' own UI host element (the card lives in its shadow root). */
export const UI_HOST_TAG = 'firewall-lens-ui';

export interface ElementLike {
  readonly localName: string;
  readonly parentElement: ElementLike | null;
  getAttribute(name: string): string | null;
  hasAttributes(): boolean;
}

export type ScanMode = 'landmarks' | 'body';

/** Attributes whose change can move a subtree in or out of the scanned text. */
export const REGION_ATTRIBUTES = ['hidden', 'aria-hidden', 'contenteditable', 'role'] as const;

export const LANDMARK_SELECTOR = 'article, main, [role="main"], [role="article"]';

const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  // Fallback content, never rendered when the element works.
  'canvas',
  'video',
  'audio',
  'object',
  'iframe',
  // Chart labels and formulas rather than prose; ::highlight support inside them is uneven too.
  'svg',
  'math',
  'nav',
  UI_HOST_TAG,
]);

/** Roles of widgets and site chrome, wherever they appear. */
const SKIPPED_ROLES: ReadonlySet<string> = new Set([
  'banner',
  'navigation',
  'contentinfo',
  'search',
  'menu',
  'menubar',
  'menuitem',
  'toolbar',
  'tablist',
  'button',
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
]);

/** Site chrome when outside an article or main; the article's own parts inside one. */
const CHROME_OUTSIDE_CONTENT: ReadonlySet<string> = new Set(['header', 'footer', 'aside']);
const CHROME_ROLES_OUTSIDE_CONTENT: ReadonlySet<string> = new Set(['complementary']);

/**
 * "Share on Twitter" links name the platforms without being about them. Matched by the share
 * endpoints of the big networks (Twitter/X intents, Facebook's sharer, LinkedIn's shareArticle,
 * Weibo's share.php, Reddit's submit).
 */
const SHARE_LINK =
  /\/intent\/(?:tweet|post)|\/share(?:r|article)?(?:\.php)?(?:[/?#]|$)|\/submit\?/i;

const EXCLUDED = 1;
const IN_CONTENT = 2;

function isLandmark(tag: string, role: string | null): boolean {
  return tag === 'article' || tag === 'main' || role === 'main' || role === 'article';
}

/** The bits an element adds to what it inherits from its parent. */
function ownState(element: ElementLike, inherited: number): number {
  if (inherited & EXCLUDED) return inherited;
  const tag = element.localName;
  if (SKIPPED_TAGS.has(tag)) return inherited | EXCLUDED;
  // Most elements around prose (<p>, <em>, <li>) have no attributes: one call instead of five.
  const attributed = element.hasAttributes();
  const role = attributed ? element.getAttribute('role') : null;
  if (attributed && hiddenOrEditable(element, role)) return inherited | EXCLUDED;
  if (isLandmark(tag, role)) return inherited | IN_CONTENT;
  const inContent = (inherited & IN_CONTENT) !== 0;
  if (!inContent) {
    if (CHROME_OUTSIDE_CONTENT.has(tag)) return inherited | EXCLUDED;
    if (role !== null && CHROME_ROLES_OUTSIDE_CONTENT.has(role)) return inherited | EXCLUDED;
  }
  if (attributed && tag === 'a') {
    const href = element.getAttribute('href');
    if (href !== null && SHARE_LINK.test(href)) return inherited | EXCLUDED;
  }
  return inherited;
}

/** The attribute rules that exclude an element wherever it is. */
function hiddenOrEditable(element: ElementLike, role: string | null): boolean {
  if (role !== null && SKIPPED_ROLES.has(role)) return true;
  if (element.getAttribute('hidden') !== null) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

export interface RegionMemo {
  /** Whether text directly inside `element` is read, in the given mode. */
  isScanned(element: ElementLike, mode: ScanMode): boolean;
  /** Forget everything: after the page moved or re-attributed elements. */
  reset(): void;
}

/**
 * Answers "is this element's text read?" computing each element's ancestry once: the state of an
 * element is memoised, so the second question about any descendant stops at the first memoised
 * ancestor.
 */
export function createRegionMemo(): RegionMemo {
  let memo = new WeakMap<ElementLike, number>();

  const stateOf = (element: ElementLike): number => {
    const known = memo.get(element);
    if (known !== undefined) return known;
    const chain: ElementLike[] = [];
    let inherited = 0;
    for (let node: ElementLike | null = element; node !== null; node = node.parentElement) {
      const state = memo.get(node);
      if (state !== undefined) {
        inherited = state;
        break;
      }
      chain.push(node);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i] as ElementLike;
      inherited = ownState(node, inherited);
      memo.set(node, inherited);
    }
    return inherited;
  };

  return {
    isScanned(element, mode) {
      const state = stateOf(element);
      if (state & EXCLUDED) return false;
      return mode === 'body' || (state & IN_CONTENT) !== 0;
    },
    reset() {
      memo = new WeakMap();
    },
  };
}

/** The outermost article/main landmarks, in document order; empty when the page has none. */
export function findLandmarks<E extends ElementLike>(root: {
  querySelectorAll(selector: string): ArrayLike<E>;
}): E[] {
  const found = Array.from(root.querySelectorAll(LANDMARK_SELECTOR));
  const all = new Set<ElementLike>(found);
  return found.filter((element) => {
    for (let node = element.parentElement; node !== null; node = node.parentElement) {
      if (all.has(node)) return false;
    }
    return true;
  });
}

/**
 * Landmarks holding less text than this are taken as decoration (a `<main>` around a search box
 * while the story sits in plain divs): the whole body is read instead. Below the article body of
 * the shortest news pages measured (median 3.2k characters).
 */
export const MIN_LANDMARK_TEXT = 500;
