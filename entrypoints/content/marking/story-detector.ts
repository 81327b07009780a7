/**
 * Which part of a page is the story. Pure logic over the DOM it is given (no window, no style,
 * no layout), so it runs the same in the content script and in happy-dom.
 *
 * The method is a reader mode's (studied from Mozilla Readability, whose gold extractions
 * `npm run quality` measures against), reshaped so that it never copies or changes the page and
 * costs about one read of its text:
 *
 * 1. **One walk over the text nodes** (a TreeWalker without filter, resumable between slices). Each
 *    text node's length, commas and whether it sits in a link go to its parent element's record;
 *    a record is made once per element, with its parent's record, so parents always come first.
 * 2. **Totals** per element, children into parents in one backward pass over the records; then in
 *    one forward pass what is **not story by its nature**: elements named as share bars, comment
 *    threads, teasers, related and most-read lists, tag clouds, newsletters, promos
 *    (`story-hints.ts`), navigation, footers and asides, forms and text hidden from the reader.
 * 3. **Scores** as reader modes give them: each paragraph-like block of 25 characters or more gets
 *    a point, one per comma and one per 100 characters (at most three), and hands it to its parent
 *    whole, to its grandparent halved and further up divided by three times the distance (five
 *    levels). Containers start from their tag (a `div` a little up, lists and headings down) and
 *    their name (story words up, chrome words down), and end scaled by how little of their text
 *    is link text.
 * 4. **The story**: the best container, moved up to its parent when the parent scores better or
 *    when several nearly-as-good candidates share it, then with its siblings that score well, or
 *    that are paragraphs of prose, headings or figures between them; the page's headline (the
 *    last `h1` before the story) joins it. Inside the story, link lists (a list or block that is
 *    mostly links) are not story either.
 * 5. **No story** when the best container holds too little prose or is itself mostly links: a home
 *    page, a feed, search results, a forum. The scanner then reads the body outside site chrome,
 *    as before, still leaving out share and social blocks.
 */

import { type StoryHint, storyHint } from './story-hints';

/** The detector's answer for one page. */
export interface StoryVerdict {
  /** The story's containers, in document order, none inside another; empty when no story. */
  readonly roots: readonly Element[];
  /**
   * Elements whose text is not story even inside the story (comments, share bars, teasers, link
   * lists, footers and asides). Only the outermost of each such subtree is listed.
   */
  readonly notStory: ReadonlySet<Element>;
  /** Share, social and follow blocks anywhere: left out on pages without a story too. */
  readonly social: ReadonlySet<Element>;
  /** Characters of prose in the story (scored paragraphs), for deciding again later. */
  readonly storyChars: number;
}

export const NO_STORY: StoryVerdict = {
  roots: [],
  notStory: new Set(),
  social: new Set(),
  storyChars: 0,
};

/**
 * The verdict when nothing was asked: the walk's `matches` accepted no text, so nothing would be
 * marked and the story was not scored. The scanner decides when the page first shows a mention.
 */
export const UNDECIDED: StoryVerdict = { ...NO_STORY };

/** Below this much scored prose in the best container, the page has no story. */
export const MIN_STORY_CHARS = 400;
/** The best container's score (after link density) must reach this: about three paragraphs. */
export const MIN_STORY_SCORE = 15;
/**
 * And its paragraphs must read like a story: the sum over paragraphs longer than
 * LONG_PARAGRAPH_CHARS of the square root of the excess (Readability's "readerable" test, applied
 * to the container). Teaser summaries and search snippets are shorter; two paragraphs of 400
 * characters pass.
 */
export const MIN_STORY_PROSE = 20;
const LONG_PARAGRAPH_CHARS = 140;
/** A container whose text is more than this share links is not a story (a feed, a teaser grid). */
const MAX_STORY_LINK_DENSITY = 0.5;
/** Paragraph-like blocks shorter than this add nothing (captions, buttons, labels). */
const MIN_PARAGRAPH_CHARS = 25;
/** Levels of ancestors that receive a paragraph's score. */
const SCORE_LEVELS = 5;
/** A name-based "not story" never applies to an element holding this share of the page's prose. */
const MAX_HINTED_SHARE = 0.6;
/** Inside the story, a list or block this much links, and this short, is a link list. */
const LINK_LIST_DENSITY = 0.5;
const LINK_LIST_MAX_CHARS = 1_500;
/**
 * How many times the walk starts again when the page pulled the ground from under it; after that
 * it keeps what it read (the scanner follows the page's changes anyway).
 */
const MAX_RESTARTS = 3;
/** With more records than this, the choice (which cannot stop halfway) starts a slice of its own. */
const CHOOSE_IN_OWN_SLICE = 5_000;
/**
 * How many nodes the walk reads between two looks at the clock: each text costs a matcher test,
 * and with a reader's thousands of own spellings 256 of them took 18 ms.
 */
const WALK_CLOCK_EVERY = 32;
/** How many records between two looks at the clock. */
const CLOCK_EVERY = 256;

const SHOW_ELEMENT = 1; // NodeFilter.SHOW_ELEMENT
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
const TEXT_NODE = 3;

/** Text never shown as prose: the detector neither scores nor keeps it. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'option',
  'button',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);

/** Never story, wherever they are: site navigation, footers and asides (also inside an article). */
const NOT_STORY_TAGS = new Set(['nav', 'footer', 'aside', 'form', 'menu', 'dialog']);

const NOT_STORY_ROLES = new Set([
  'navigation',
  'contentinfo',
  'complementary',
  'banner',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
]);

/** Elements that start a block of text: text below them does not run into their parent's. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * Inline elements: their text is read as the nearest other element's own run of text (its
 * record's), and they get a record only when a block lies below them. Half of a news page's
 * elements are these; their names matter only where matched text lies in them.
 */
const INLINE_TEXT = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);

/** Blocks whose own runs of text are scored as paragraphs (Readability's set, and divs). */
const PARAGRAPHS = new Set([
  'p',
  'pre',
  'td',
  'div',
  'section',
  'article',
  'blockquote',
  'h2',
  'h3',
  'h4',
]);

/** Blocks that become a link list inside the story when mostly links. */
const LINK_LIST_TAGS = new Set(['ul', 'ol', 'dl', 'div', 'section', 'table', 'p', 'header']);

/** Siblings joined to the story as its own headings and figures, when between its parts. */
const STORY_FURNITURE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'blockquote']);

type Nature = 0 | 1 | 2;
const STORY: Nature = 0;
const NOT_STORY: Nature = 1;
/** Not story, and a share or social block: left out on pages without a story too. */
const SOCIAL: Nature = 2;

/**
 * Starting score of a container, by tag: the reader-mode prior. A Map, not an object: an object
 * read with a different tag name each time sent V8's optimised scoring pass back to the
 * interpreter at each new name (six times on the 2 MB page).
 */
const TAG_PRIOR = new Map<string, number>([
  ['div', 5],
  ['article', 5],
  ['pre', 3],
  ['td', 3],
  ['blockquote', 3],
  ['address', -3],
  ['ol', -3],
  ['ul', -3],
  ['dl', -3],
  ['dd', -3],
  ['dt', -3],
  ['li', -3],
  ['form', -3],
  ['h1', -5],
  ['h2', -5],
  ['h3', -5],
  ['h4', -5],
  ['h5', -5],
  ['h6', -5],
  ['th', -5],
]);
const NAME_WEIGHT = 25;

/**
 * The start of the fields that come to hold fractions. A literal 0 is kept as a small integer:
 * at the first fraction V8 changes the records' layout and then migrates each record it meets
 * (tens of thousands on a long page, a quarter of the scoring time). -0 is a float from the start.
 */
const FRACTIONAL_ZERO = -0;

/** Arabic, Chinese and Japanese commas, and the ideographic full stop. */
const BEYOND_EUROPEAN = 0x0600;
/** How much a character of Chinese or Japanese text weighs against one of English. */
const CJK_WEIGHT = 2;
const SPACE_MAX = 32;

interface Tally {
  /** Its place in `records` (document order, parents first). */
  readonly index: number;
  readonly element: Element;
  readonly parent: Tally | null;
  readonly tag: string;
  /** Has any attribute: elements without one (most of them) are asked nothing more. */
  readonly attributed: boolean;
  /** Inside a link: its text is link text. */
  readonly inLink: boolean;
  /** Has a block element with text below it (so it is not a paragraph itself). */
  hasBlockChild: boolean;
  /** Own text nodes first; after the totals pass, the whole subtree's. */
  chars: number;
  linkChars: number;
  /**
   * Text of its own runs: its text nodes and those of inline elements below it, not of blocks
   * below it. A div holding text and <br>s between its figures is a paragraph of those runs.
   */
  inlineChars: number;
  inlineCommas: number;
  /** Not story by its nature or its ancestors' (decided in the forward pass). */
  notStory: boolean;
  /** Share or social block (decided in the forward pass). */
  social: boolean;
  hint: StoryHint;
  /** Has received a paragraph's score (a candidate). */
  scored: boolean;
  score: number;
  /** Characters of the scored paragraphs below it. */
  proseChars: number;
  /** How much it reads like a story (see MIN_STORY_PROSE). */
  prose: number;
}

type Phase = 'walk' | 'totals' | 'natures' | 'scores' | 'choose' | 'exclude' | 'done';

/**
 * Decides the story of one document in resumable steps: `step(deadline)` does some work and
 * says whether it finished; `verdict()` then answers. A page that changes meanwhile is simply read
 * as it is when the walk passes; the scanner decides again after large changes.
 */
export class StoryDetector<Found = true> {
  private phase: Phase = 'walk';
  private readonly walker: TreeWalker;
  /**
   * The elements the walk is inside of, outermost (the root) first, `depth` of them: parallel
   * arrays, reused, so entering an element allocates nothing. A record is made when text first
   * arrives below an element (null until then).
   */
  private readonly openElements: Element[] = [];
  private readonly openTags: string[] = [];
  private readonly openAttributed: boolean[] = [];
  private readonly openRecords: (Tally | null)[] = [];
  /** Which open element's record the text at each depth counts for (see INLINE_TEXT). */
  private readonly openHolders: number[] = [];
  /** How many of the open elements down to each depth are links. */
  private readonly openLinks: number[] = [];
  private depth = 0;
  /** Where the walk resumes; undefined before it starts. */
  private next: Node | null | undefined;
  private restarts = 0;
  private readonly records: Tally[] = [];
  private cursor = 0;
  private candidates: Tally[] = [];
  private result: StoryVerdict | null = null;
  private readonly matched: Text[] = [];
  /** What `matches` answered for each matched text. */
  private readonly found: Found[] = [];
  /** The record of each matched text's element. */
  private readonly matchedRecords: Tally[] = [];
  /** Share and social elements anywhere: the outermost of each. */
  private readonly social = new Set<Element>();
  /** The story's containers, once chosen. */
  private storyRoots: Tally[] = [];
  /** Per record, whether it lies in the story (the exclude pass fills it in). */
  private inStory: Uint8Array | null = null;
  private readonly notStory = new Set<Element>();
  /** Inline elements not story on the paths of matched text, with the record they are in. */
  private readonly inlineNotStory: { element: Element; holder: Tally }[] = [];
  /** Class and id names repeat across a page: each is read into a hint once. */
  private readonly hints = new Map<string, StoryHint>();

  /**
   * `matches` is asked of every text node the walk reads as prose; those it accepts (anything but
   * false) are kept (`matchedTexts`) with its answer (`matchedFound`), so that the scan after the
   * verdict visits only them, with what the matcher found in them, instead of walking and matching
   * the page a second time. A page where it accepts none is not scored at all (UNDECIDED).
   *
   * `matchFrom`: the first text `matches` can accept, when the caller already knows it (the
   * scanner's probe tested everything before it); the text before it is not asked again.
   */
  constructor(
    private readonly root: Element,
    private readonly now: () => number,
    private readonly matches: (text: string) => Found | false,
    private matchFrom: Text | null = null,
  ) {
    const document = root.ownerDocument;
    this.walker = document.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
    const tag = root.localName;
    const attributed = root.hasAttributes();
    const unread = SKIPPED.has(tag) || (attributed && hiddenByAttribute(root));
    this.enterRoot(root, tag, attributed);
    this.openRecords[0] = this.newRecord(root, tag, attributed, null, this.openLinks[0] === 1);
    if (unread) this.next = null;
  }

  /** Works until `deadline` (by `now`); true when the verdict is ready. */
  step(deadline: number): boolean {
    const sliceStart = this.now();
    while (this.phase !== 'done') {
      if (this.phase === 'choose') {
        // The choice cannot stop halfway: on a long page it starts a slice of its own.
        if (this.records.length > CHOOSE_IN_OWN_SLICE && this.now() - sliceStart > 1) return false;
        if (!this.choose()) {
          this.result = { ...NO_STORY, social: this.social };
          this.phase = 'done';
          return true;
        }
      }
      const finished =
        this.phase === 'walk'
          ? this.walk(deadline)
          : this.phase === 'totals'
            ? this.totals(deadline)
            : this.phase === 'natures'
              ? this.natures(deadline)
              : this.phase === 'scores'
                ? this.scores(deadline)
                : this.phase === 'exclude'
                  ? this.exclude(deadline)
                  : true;
      if (!finished) return false;
      if (this.phase === 'exclude') {
        this.result = this.storyVerdict();
        this.phase = 'done';
        return true;
      }
      if (this.phase === 'walk' && this.matched.length === 0) {
        this.phase = 'done';
        this.result = UNDECIDED;
        return true;
      }
      this.phase = NEXT_PHASE[this.phase];
      this.cursor = 0;
      if (this.now() >= deadline) return false;
    }
    return true;
  }

  verdict(): StoryVerdict {
    if (this.result === null) throw new Error('the story detector has not finished');
    return this.result;
  }

  /**
   * The text nodes `matches` accepted, in document order. Text the detector never reads (scripts,
   * styles, form controls, hidden subtrees) is not among them; the scanner never reads it either.
   */
  matchedTexts(): readonly Text[] {
    return this.matched;
  }

  /** What `matches` answered for each of `matchedTexts`, in the same order. */
  matchedFound(): readonly Found[] {
    return this.found;
  }

  /**
   * Elements and text in document order (`nextNode`, five times cheaper than stepping by hand
   * with `firstChild` and `nextSibling`), with a stack of the open elements: a node's parent is
   * found by closing those it is not in, with no lookup. Skipped subtrees (scripts, styles, SVG,
   * hidden) are stepped over without entering them. A record is made only when text first
   * arrives below an element.
   */
  private walk(deadline: number): boolean {
    if (this.lostItsPlace()) {
      if (this.restarts >= MAX_RESTARTS) return true;
      this.restarts++;
      this.restart();
    }
    // Gone before the walk met it: every text is asked again, from the top.
    if (this.matchFrom !== null && !this.matchFrom.isConnected) {
      this.matchFrom = null;
      this.restart();
    }
    // The loop runs once per node of the page, much of it before V8 has optimised it: fields
    // are read into locals once per slice and entering an element is written out in place.
    const {
      walker,
      matches,
      openElements: open,
      openTags: tags,
      openAttributed: attributedAt,
      openRecords: records,
      openHolders: holders,
      openLinks: links,
      matched,
      found,
      matchedRecords,
      matchFrom,
    } = this;
    // Compared only while waiting for it, so the comparison always meets a text node (a
    // comparison that met null first and a node later sent V8's optimised walk back).
    let asking = matchFrom === null;
    let depth = this.depth;
    let node = this.next === undefined ? walker.nextNode() : this.next;
    let count = 0;
    while (node !== null) {
      const parent = node.parentNode;
      while (depth > 1 && open[depth - 1] !== parent) depth--;
      if (node.nodeType === TEXT_NODE) {
        const data = (node as Text).data;
        let chars = proseLength(data);
        if (chars > 0) {
          const holder = holders[depth - 1] as number;
          const record = records[holder] ?? this.openRecord(holder);
          if (!asking && node === matchFrom) asking = true;
          if (asking) {
            const answer = matches(data);
            if (answer !== false) {
              matched.push(node as Text);
              found.push(answer);
              matchedRecords.push(record);
            }
          }
          // Other scripts' commas and the ideographic full stop are looked for only in text whose
          // middle character is beyond Latin, Greek and Cyrillic; other text is searched as ''
          // (answered at once). Straight-line code on purpose: a branch taken only by the first
          // Chinese paragraph would throw V8's optimised walk away there (measured 0.90 on the
          // 2 MB page, whose paragraphs are 2% Chinese, with the branch gone).
          const wideText = data.charCodeAt(data.length >> 1) >= BEYOND_EUROPEAN ? data : '';
          const wide = occurrences(wideText, '\uff0c') + occurrences(wideText, '\u3001');
          const commas = occurrences(data, ',') + wide + occurrences(wideText, '\u060c');
          // Chinese and Japanese say in one character what English says in about three: weighed
          // by raw length their paragraphs would never look long enough to be a story.
          chars *= wide > 0 || wideText.indexOf('\u3002') !== -1 ? CJK_WEIGHT : 1;
          record.chars += chars;
          record.inlineChars += chars;
          if ((links[depth - 1] as number) > 0) record.linkChars += chars;
          record.inlineCommas += commas;
        }
        node = walker.nextNode();
      } else {
        const element = node as Element;
        const tag = element.localName;
        const attributed = element.hasAttributes();
        if (SKIPPED.has(tag) || (attributed && hiddenByAttribute(element))) {
          node = nextOutside(walker);
        } else {
          // Entering: the element is open at `depth` (depth > 0: the root was entered first).
          open[depth] = element;
          tags[depth] = tag;
          attributedAt[depth] = attributed;
          records[depth] = null;
          holders[depth] = INLINE_TEXT.has(tag) ? (holders[depth - 1] as number) : depth;
          const link = tag === 'a' && attributed && element.hasAttribute('href') ? 1 : 0;
          links[depth] = (links[depth - 1] as number) + link;
          depth++;
          node = walker.nextNode();
        }
      }
      if (++count % WALK_CLOCK_EVERY === 0 && this.now() >= deadline) {
        this.next = node;
        this.depth = depth;
        if (asking) this.matchFrom = null;
        return false;
      }
    }
    this.depth = depth;
    if (asking) this.matchFrom = null;
    return true;
  }

  /**
   * Between two slices the page removed the node the walk stood on or was to read next: the walk
   * cannot tell which of its parent's children it has read.
   */
  private lostItsPlace(): boolean {
    const next = this.next;
    if (next === undefined) return false;
    const connected = this.root.isConnected;
    return (
      this.walker.currentNode.isConnected !== connected ||
      (next !== null && next.isConnected !== connected)
    );
  }

  /** Back to the root, with nothing read. */
  private restart(): void {
    this.walker.currentNode = this.root;
    this.next = undefined;
    this.depth = 1;
    this.records.length = 0;
    this.matched.length = 0;
    this.found.length = 0;
    this.matchedRecords.length = 0;
    this.openRecords[0] = this.newRecord(
      this.root,
      this.openTags[0] as string,
      this.openAttributed[0] as boolean,
      null,
      this.openLinks[0] === 1,
    );
  }

  /** The root is open at depth 0, holding its own text (the walk enters the rest in place). */
  private enterRoot(element: Element, tag: string, attributed: boolean): void {
    this.depth = 1;
    this.openElements[0] = element;
    this.openTags[0] = tag;
    this.openAttributed[0] = attributed;
    this.openHolders[0] = 0;
    this.openLinks[0] = tag === 'a' && attributed && element.hasAttribute('href') ? 1 : 0;
  }

  /** The record of the open element at `depth`, made with those of the open elements above it. */
  private openRecord(depth: number): Tally {
    const records = this.openRecords;
    let known = depth;
    while (known > 0 && records[known] === null) known--;
    let parent = records[known] as Tally;
    for (let i = known + 1; i <= depth; i++) {
      parent = this.newRecord(
        this.openElements[i] as Element,
        this.openTags[i] as string,
        this.openAttributed[i] as boolean,
        parent,
        (this.openLinks[i] as number) > 0,
      );
      records[i] = parent;
    }
    return parent;
  }

  private newRecord(
    element: Element,
    tag: string,
    attributed: boolean,
    parent: Tally | null,
    inLink: boolean,
  ): Tally {
    const record: Tally = {
      index: this.records.length,
      element,
      parent,
      tag,
      attributed,
      inLink,
      hasBlockChild: false,
      chars: 0,
      linkChars: 0,
      inlineChars: 0,
      inlineCommas: 0,
      notStory: false,
      social: false,
      hint: 'none',
      scored: false,
      score: FRACTIONAL_ZERO,
      proseChars: FRACTIONAL_ZERO,
      prose: FRACTIONAL_ZERO,
    };
    if (parent !== null && BLOCKS.has(tag)) parent.hasBlockChild = true;
    this.records.push(record);
    return record;
  }

  /** Children's totals into their parents: records come parents first, so backwards is bottom-up. */
  private totals(deadline: number): boolean {
    const records = this.records;
    while (this.cursor < records.length) {
      const record = records[records.length - 1 - this.cursor++] as Tally;
      const parent = record.parent;
      if (parent !== null) {
        parent.chars += record.chars;
        parent.linkChars += record.linkChars;
        if (!BLOCKS.has(record.tag)) {
          parent.inlineChars += record.inlineChars;
          parent.inlineCommas += record.inlineCommas;
        }
      }
      if (this.cursor % CLOCK_EVERY === 0 && this.now() >= deadline) return false;
    }
    return true;
  }

  /** What is not story by tag, role or name, inherited downwards (records come parents first). */
  private natures(deadline: number): boolean {
    const records = this.records;
    const root = records[0];
    while (this.cursor < records.length) {
      const record = records[this.cursor++] as Tally;
      const parent = record.parent;
      if (parent?.notStory) {
        record.notStory = true;
        // A share bar inside a post footer is still a share bar (left out on any page).
        record.social =
          parent.social || this.isSocialElement(record.element, record.tag, record.attributed);
      } else if (record !== root) {
        if (record.attributed) record.hint = this.hintOf(record.element);
        const nature = this.natureOf(
          record.element,
          record.tag,
          record.attributed,
          record.hint,
          record.chars,
        );
        record.notStory = nature !== STORY;
        record.social = nature === SOCIAL;
      }
      if (record.social && !(parent?.social ?? false)) this.social.add(record.element);
      if (this.cursor % CLOCK_EVERY === 0 && this.now() >= deadline) return false;
    }
    return true;
  }

  /** An element's own nature, its parent being story; `chars` its prose (0 when not counted). */
  private natureOf(
    element: Element,
    tag: string,
    attributed: boolean,
    hint: StoryHint,
    chars: number,
  ): Nature {
    const role = attributed ? element.getAttribute('role') : null;
    if (NOT_STORY_TAGS.has(tag) || (role !== null && NOT_STORY_ROLES.has(role))) return NOT_STORY;
    // A wrapper holding most of the page names the page ("has-comments"), not itself.
    const rootChars = this.records[0]?.chars ?? 0;
    if ((hint === 'decisive' || hint === 'weak') && chars < rootChars * MAX_HINTED_SHARE) {
      return hint === 'decisive' && isSocialName(element) ? SOCIAL : NOT_STORY;
    }
    if (attributed && tag === 'a' && isShareLink(element)) return SOCIAL;
    return STORY;
  }

  /**
   * The inline elements between a matched text and the record its text counts for (links, named
   * spans) have no record: they are judged here, for matched text only. Those not story go to
   * `notStory` (with the record they are in), share and social ones to `social` too.
   */
  private judgeInlinePath(
    text: Text,
    holder: Tally,
    notStory: { element: Element; holder: Tally }[],
    social: Set<Element>,
  ): void {
    const path: Element[] = [];
    for (let e = text.parentElement; e !== null && e !== holder.element; e = e.parentElement) {
      path.push(e);
    }
    let isNotStory = holder.notStory;
    let isSocial = holder.social;
    for (let i = path.length - 1; i >= 0; i--) {
      const element = path[i] as Element;
      const tag = element.localName;
      const attributed = element.hasAttributes();
      if (isNotStory) {
        if (!isSocial && this.isSocialElement(element, tag, attributed)) {
          isSocial = true;
          social.add(element);
        }
        continue;
      }
      const hint = attributed ? this.hintOf(element) : 'none';
      const nature = this.natureOf(element, tag, attributed, hint, 0);
      if (nature === STORY) continue;
      isNotStory = true;
      notStory.push({ element, holder });
      if (nature === SOCIAL) {
        isSocial = true;
        social.add(element);
      }
    }
  }

  /** Each paragraph's points to its ancestors. */
  private scores(deadline: number): boolean {
    const records = this.records;
    while (this.cursor < records.length) {
      const record = records[this.cursor++] as Tally;
      const chars = record.inlineChars;
      if (
        chars >= MIN_PARAGRAPH_CHARS &&
        !record.notStory &&
        !record.inLink &&
        PARAGRAPHS.has(record.tag)
      ) {
        const points = 1 + (record.inlineCommas + 1) + Math.min(Math.floor(chars / 100), 3);
        const prose = chars > LONG_PARAGRAPH_CHARS ? Math.sqrt(chars - LONG_PARAGRAPH_CHARS) : 0;
        // A block of only text is a paragraph of its parent; the runs of text between the blocks
        // of a container are a paragraph inside it (as if wrapped in a <p>).
        let ancestor = record.hasBlockChild ? record : record.parent;
        for (let level = 0; level < SCORE_LEVELS && ancestor !== null; level++) {
          if (!ancestor.scored) {
            ancestor.scored = true;
            ancestor.score = this.prior(ancestor);
            this.candidates.push(ancestor);
          }
          ancestor.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
          ancestor.proseChars += chars;
          ancestor.prose += prose;
          ancestor = ancestor.parent;
        }
      }
      if (this.cursor % CLOCK_EVERY === 0 && this.now() >= deadline) return false;
    }
    return true;
  }

  private isSocialElement(element: Element, tag: string, attributed: boolean): boolean {
    if (!attributed) return false;
    if (tag === 'a' && isShareLink(element)) return true;
    return this.hintOf(element) === 'decisive' && isSocialName(element);
  }

  private hintOf(element: Element): StoryHint {
    const className = element.getAttribute('class');
    const id = element.getAttribute('id');
    const key = id === null ? (className ?? '') : `${className ?? ''}#${id}`;
    let hint = this.hints.get(key);
    if (hint === undefined) {
      hint = storyHint(className, id);
      this.hints.set(key, hint);
    }
    return hint;
  }

  private prior(record: Tally): number {
    const hint = record.hint;
    const byName = hint === 'story' ? NAME_WEIGHT : hint === 'weak' ? -NAME_WEIGHT : 0;
    return (TAG_PRIOR.get(record.tag) ?? 0) + byName;
  }

  /**
   * The story's containers, or false when the page has none. Share and social elements on the
   * paths of matched text are added to `social` either way.
   */
  private choose(): boolean {
    this.matched.forEach((text, i) => {
      this.judgeInlinePath(text, this.matchedRecords[i] as Tally, this.inlineNotStory, this.social);
    });
    let best: Tally | null = null;
    let bestScore = 0;
    const ranked: { record: Tally; score: number }[] = [];
    for (const candidate of this.candidates) {
      if (candidate.notStory) continue;
      const score = finalScore(candidate);
      ranked.push({ record: candidate, score });
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best === null) return false;
    let top = this.climb(best, bestScore, ranked);
    // A container that is its parent's only child: the parent, so its siblings are the story's.
    while (top.parent !== null && top.parent.parent !== null && onlyChild(top)) top = top.parent;
    if (
      top.proseChars < MIN_STORY_CHARS ||
      top.prose < MIN_STORY_PROSE ||
      finalScore(top) < MIN_STORY_SCORE ||
      linkDensity(top) > MAX_STORY_LINK_DENSITY
    ) {
      return false;
    }
    const roots = this.withSiblings(top);
    const headline = this.headlineBefore(roots[0] as Tally);
    if (headline !== null) roots.unshift(headline);
    this.storyRoots = roots;
    this.inStory = new Uint8Array(this.records.length);
    for (const root of roots) this.inStory[root.index] = 1;
    return true;
  }

  /**
   * What is not story inside the story: records come parents first, so one pass (in slices)
   * tells each whether it lies in the story and keeps the outermost of what is not.
   */
  private exclude(deadline: number): boolean {
    const records = this.records;
    const inStory = this.inStory as Uint8Array;
    while (this.cursor < records.length) {
      const record = records[this.cursor++] as Tally;
      const parent = record.parent;
      if (parent !== null) {
        if (inStory[parent.index] === 1) inStory[record.index] = 1;
        // notStory is inherited: the outermost is the one whose parent is story.
        if (
          inStory[record.index] === 1 &&
          !parent.notStory &&
          (record.notStory || isLinkList(record))
        ) {
          this.notStory.add(record.element);
        }
      }
      if (this.cursor % CLOCK_EVERY === 0 && this.now() >= deadline) return false;
    }
    for (const { element, holder } of this.inlineNotStory) {
      if (!holder.notStory && inStory[holder.index] === 1) this.notStory.add(element);
    }
    return true;
  }

  private storyVerdict(): StoryVerdict {
    const roots = this.storyRoots;
    return {
      roots: roots.map((record) => record.element),
      notStory: this.notStory,
      social: this.social,
      storyChars: roots.reduce((sum, record) => sum + record.proseChars, 0),
    };
  }

  /**
   * Up from the best candidate while its parent scores better (within reach), or when three or
   * more nearly-as-good candidates share an ancestor: the story is split over them.
   */
  private climb(
    best: Tally,
    bestScore: number,
    ranked: readonly { record: Tally; score: number }[],
  ): Tally {
    const close = ranked
      .filter(({ record, score }) => record !== best && score >= bestScore * 0.75)
      .sort((a, b) => b.score - a.score)
      .slice(0, 4)
      .map(({ record }) => record);
    if (close.length >= 3) {
      for (let ancestor = best.parent; ancestor !== null; ancestor = ancestor.parent) {
        if (ancestor.parent === null) break;
        const sharing = close.filter((record) => isAncestor(ancestor, record)).length;
        if (sharing >= 3) return ancestor;
      }
    }
    const top = best;
    let last = bestScore;
    const floor = bestScore / 3;
    for (
      let parent = top.parent;
      parent !== null && parent.parent !== null;
      parent = parent.parent
    ) {
      if (!parent.scored || parent.notStory) continue;
      const score = finalScore(parent);
      if (score < floor) break;
      if (score > last) return parent;
      last = score;
    }
    return top;
  }

  /** The candidate with the siblings that belong to it: scored ones, prose, headings, figures. */
  private withSiblings(top: Tally): Tally[] {
    const parentElement = top.element.parentElement;
    if (top.parent === null || parentElement === null) return [top];
    const threshold = Math.max(10, finalScore(top) * 0.2);
    const topClass = top.element.getAttribute('class');
    const siblings: { record: Tally | undefined; element: Element }[] = [];
    const recordOf = new Map<Element, Tally>();
    for (const record of this.records)
      if (record.parent === top.parent) recordOf.set(record.element, record);
    for (const element of parentElement.children) {
      siblings.push({ record: recordOf.get(element), element });
    }
    const joins = siblings.map(({ record }) => {
      if (record === undefined || record.notStory) return false;
      if (record === top) return true;
      const bonus =
        topClass && record.element.getAttribute('class') === topClass ? finalScore(top) * 0.2 : 0;
      if (record.scored && finalScore(record) + bonus >= threshold) return true;
      if (record.tag === 'p') {
        const density = linkDensity(record);
        if (record.chars > 80 && density < 0.25) return true;
        return (
          record.chars > 0 && density === 0 && /\.( |$)/.test(record.element.textContent ?? '')
        );
      }
      return false;
    });
    const first = joins.indexOf(true);
    const last = joins.lastIndexOf(true);
    const roots: Tally[] = [];
    for (let i = 0; i < siblings.length; i++) {
      const record = siblings[i]?.record;
      if (record === undefined) continue;
      // Headings and figures between the story's parts, or just before it, are its own.
      const furniture =
        !record.notStory && STORY_FURNITURE.has(record.tag) && i >= first - 1 && i <= last;
      if (joins[i] || furniture) roots.push(record);
    }
    return roots;
  }

  /** The last `h1` before the story, when it is not inside something that is not story. */
  private headlineBefore(first: Tally): Tally | null {
    for (let i = first.index - 1; i >= 0; i--) {
      const record = this.records[i] as Tally;
      if (record.tag !== 'h1' || record.chars === 0) continue;
      if (record.notStory || isAncestor(record, first)) return null;
      return record;
    }
    return null;
  }
}

const NEXT_PHASE: Record<Phase, Phase> = {
  walk: 'totals',
  totals: 'natures',
  natures: 'scores',
  scores: 'choose',
  choose: 'exclude',
  exclude: 'done',
  done: 'done',
};

/**
 * Decides in one go, every text counting as matched (tests, and callers that do not need to
 * yield): every inline element with text is judged too.
 */
export function detectStory(root: Element, now: () => number = () => 0): StoryVerdict {
  const detector = new StoryDetector(root, now, () => true);
  detector.step(Number.POSITIVE_INFINITY);
  return detector.verdict();
}

/** The node after the walker's current one and all of its descendants (null at the end). */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling !== null) return sibling;
    if (walker.parentNode() === null) return null;
  }
}

function finalScore(record: Tally): number {
  return record.score * (1 - linkDensity(record));
}

function linkDensity(record: Tally): number {
  return record.chars > 0 ? record.linkChars / record.chars : 0;
}

function isLinkList(record: Tally): boolean {
  return (
    LINK_LIST_TAGS.has(record.tag) &&
    record.chars > 0 &&
    record.chars <= LINK_LIST_MAX_CHARS &&
    linkDensity(record) > LINK_LIST_DENSITY
  );
}

function isAncestor(ancestor: Tally, record: Tally): boolean {
  for (let r = record.parent; r !== null; r = r.parent) if (r === ancestor) return true;
  return false;
}

function onlyChild(record: Tally): boolean {
  const parent = record.element.parentElement;
  return parent !== null && parent.children.length === 1;
}

/** Of an element that has attributes. */
function hiddenByAttribute(element: Element): boolean {
  return element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';
}

const SOCIAL_NAME = /share|social|follow/i;

function isSocialName(element: Element): boolean {
  return SOCIAL_NAME.test(`${element.getAttribute('class') ?? ''} ${element.id}`);
}

/** Share endpoints and "share" labels: a link that offers to share the page. */
const SHARE_HREF =
  /\/intent\/(?:tweet|post)|\/share(?:r|article)?(?:\.php)?(?:[/?#]|$)|\/submit\?|[?&]share=/i;
const SHARE_LABEL = /^\s*(?:share|tweet|post)\b/i;

function isShareLink(element: Element): boolean {
  if (!element.hasAttributes()) return false;
  const href = element.getAttribute('href');
  if (href !== null && SHARE_HREF.test(href)) return true;
  const label = element.getAttribute('aria-label') ?? element.getAttribute('title');
  return label !== null && SHARE_LABEL.test(label);
}

/** Characters of a text node that count as prose: whitespace-only nodes count nothing. */
function proseLength(data: string): number {
  const length = data.length;
  if (length === 0) return 0;
  // Between tags a node is usually a newline and indentation: check its ends before the rest.
  if (data.charCodeAt(0) > SPACE_MAX || data.charCodeAt(length - 1) > SPACE_MAX) return length;
  return data.trim().length;
}

/**
 * How often `character` occurs (indexOf: native, no allocation; a character above U+00FF is
 * answered at once in Latin-1 text).
 */
function occurrences(data: string, character: string): number {
  let count = 0;
  for (let i = data.indexOf(character); i !== -1; i = data.indexOf(character, i + 1)) count++;
  return count;
}
