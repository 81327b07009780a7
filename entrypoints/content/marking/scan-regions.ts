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
 * - When the page has a story (story-detector.ts decides), only text inside it, less what the
 *   detector found is not story inside it ("story" mode). Without one, the whole body less site
 *   chrome and share/social blocks ("body" mode).
 * - Embedded posts (embedded-posts.ts): only the post's own text, never its attribution line,
 *   handles and links, or the wrapper's notices around it.
 */
import { EMBED_CHROME, EMBED_EXCLUDED, embedState } from './embedded-posts';
import { hostAbove } from './shadow-trees';
import { isShareEndpoint } from './share-bars';
import { NO_STORY, type StoryVerdict } from './story-detector';

/** Firewall Lens' own UI host element (the card lives in its shadow root). */
export const UI_HOST_TAG = 'firewall-lens-ui';

export interface ElementLike {
  readonly localName: string;
  readonly parentElement: ElementLike | null;
  /** A ShadowRoot here: the element is at the top of a shadow tree, read as its host's. */
  readonly parentNode?: unknown;
  getAttribute(name: string): string | null;
  hasAttributes(): boolean;
}

export type ScanMode = 'story' | 'body';

/** Attributes whose change can move a subtree in or out of the scanned text. */
export const REGION_ATTRIBUTES = ['hidden', 'aria-hidden', 'contenteditable', 'role'] as const;

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
 * endpoints of the networks (share-bars.ts: Twitter/X intents, Facebook's sharer, LINE, Hatena,
 * Weibo, Pocket, LinkedIn…) and Reddit-style submit links.
 */
const SUBMIT_LINK = /\/submit\?/i;

const EXCLUDED = 1;
/** Inside an article/main landmark or the story: its header and footer are the story's own. */
const IN_CONTENT = 2;
const IN_STORY = 4;
/**
 * Inside a `header` outside article and main: the site's header, unless the story detector finds
 * the story around it (a story in plain divs keeps its headline in a header of its own).
 */
const SITE_HEADER = 8;
/** embedded-posts.ts' bits, kept above ours. */
const EMBED_SHIFT = 4;
const EMBED_BITS = 7 << EMBED_SHIFT;
const IN_EMBED_CHROME = EMBED_CHROME << EMBED_SHIFT;

function isLandmark(tag: string, role: string | null): boolean {
  return tag === 'article' || tag === 'main' || role === 'main' || role === 'article';
}

/** The bits an element adds to what it inherits from its parent. */
function ownState(element: ElementLike, inherited: number, story: StoryRegions): number {
  if (inherited & EXCLUDED) return inherited;
  if (story.excluded.has(element)) return inherited | EXCLUDED;
  // A story is never an embed's chrome, whatever a wrapper around it is called.
  if (story.roots.has(element)) inherited = (inherited | IN_STORY | IN_CONTENT) & ~EMBED_BITS;
  const tag = element.localName;
  if (SKIPPED_TAGS.has(tag)) return inherited | EXCLUDED;
  // Most elements around prose (<p>, <em>, <li>) have no attributes: one call instead of five.
  const attributed = element.hasAttributes();
  const role = attributed ? element.getAttribute('role') : null;
  if (attributed && hiddenOrEditable(element, role)) return inherited | EXCLUDED;
  const embed = embedState(element, (inherited & EMBED_BITS) >> EMBED_SHIFT, attributed);
  if (embed & EMBED_EXCLUDED) return inherited | EXCLUDED;
  inherited = (inherited & ~EMBED_BITS) | (embed << EMBED_SHIFT);
  if (isLandmark(tag, role)) return inherited | IN_CONTENT;
  const inContent = (inherited & IN_CONTENT) !== 0;
  if (!inContent) {
    if (tag === 'header') return inherited | SITE_HEADER;
    if (CHROME_OUTSIDE_CONTENT.has(tag)) return inherited | EXCLUDED;
    if (role !== null && CHROME_ROLES_OUTSIDE_CONTENT.has(role)) return inherited | EXCLUDED;
  }
  if (attributed && tag === 'a') {
    const href = element.getAttribute('href');
    if (href !== null && (isShareEndpoint(href) || SUBMIT_LINK.test(href))) {
      return inherited | EXCLUDED;
    }
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
  /**
   * Whether text directly inside `element` could be read once the story is known: not in what
   * no story holds (scripts, forms, navigation, footers, hidden text, share links). A site header
   * may be read, since the story's own headline can sit in one.
   */
  mayBeRead(element: ElementLike): boolean;
  /** Forget everything: after the page moved or re-attributed elements. */
  reset(): void;
  /**
   * The story detector's verdict for the page, and the mode it puts the scan in: "story" when it
   * found one, else "body". Resets the memo.
   */
  setStory(verdict: StoryVerdict): ScanMode;
}

interface StoryRegions {
  roots: ReadonlySet<unknown>;
  excluded: ReadonlySet<unknown>;
}

/**
 * Answers "is this element's text read?" computing each element's ancestry once: the state of an
 * element is memoised, so the second question about any descendant stops at the first memoised
 * ancestor.
 */
export function createRegionMemo(): RegionMemo {
  let memo = new WeakMap<ElementLike, number>();
  let story: StoryRegions = regionsOf(NO_STORY);

  const stateOf = (element: ElementLike): number => {
    const known = memo.get(element);
    if (known !== undefined) return known;
    const chain: ElementLike[] = [];
    let inherited = 0;
    // Across shadow roots to their hosts: a component in the site's footer is footer.
    for (
      let node: ElementLike | null = element;
      node !== null;
      node = node.parentElement ?? (hostAbove(node) as ElementLike | null)
    ) {
      const state = memo.get(node);
      if (state !== undefined) {
        inherited = state;
        break;
      }
      chain.push(node);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i] as ElementLike;
      inherited = ownState(node, inherited, story);
      memo.set(node, inherited);
    }
    return inherited;
  };

  return {
    isScanned(element, mode) {
      const state = stateOf(element);
      if (state & (EXCLUDED | SITE_HEADER | IN_EMBED_CHROME)) return false;
      return mode === 'body' || (state & IN_STORY) !== 0;
    },
    mayBeRead(element) {
      // An embed's chrome is not asked about: before the story is known, a wrapper's name cannot
      // be told from the story's own (see ownState).
      return (stateOf(element) & EXCLUDED) === 0;
    },
    reset() {
      memo = new WeakMap();
    },
    setStory(verdict) {
      story = regionsOf(verdict);
      memo = new WeakMap();
      return verdict.roots.length > 0 ? 'story' : 'body';
    },
  };
}

/** In story mode what is not story inside it is left out; without a story, the social blocks. */
function regionsOf(verdict: StoryVerdict): StoryRegions {
  const found = verdict.roots.length > 0;
  return {
    roots: new Set(verdict.roots),
    excluded: found ? verdict.notStory : verdict.social,
  };
}
