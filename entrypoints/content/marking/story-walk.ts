/**
 * The story detector's one read of the page: elements and text in document order, resumable
 * between slices. Each text node's length, commas and whether it sits in a link go to the record
 * of the nearest open element that is not inline (story-records.ts); the same walk asks the
 * matcher of each text and keeps those it accepts, so the scan never walks the page again.
 *
 * This loop runs once per node of the page, much of it before V8 has optimised it, so its shape
 * is part of its cost: everything it does per node is written out in the one function `walk`
 * (no helper per node, no branch met only late). The comments at each such place say what was
 * measured.
 */

import { isUiHost } from '../own-hosts';
import { newRecord, type Tally } from './story-records';

/**
 * How many times the walk starts again when the page pulled the ground from under it; after that
 * it keeps what it read (the scanner follows the page's changes anyway).
 */
const MAX_RESTARTS = 3;
/**
 * How many nodes the walk reads between two looks at the clock: each text costs a matcher test,
 * and with a reader's thousands of own spellings 256 of them took 18 ms.
 */
const WALK_CLOCK_EVERY = 32;

const SHOW_ELEMENT = 1; // NodeFilter.SHOW_ELEMENT
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Arabic, Chinese and Japanese commas, and the ideographic full stop. */
const BEYOND_EUROPEAN = 0x0600;
/** How much a character of Chinese or Japanese text weighs against one of English. */
const CJK_WEIGHT = 2;
const SPACE_MAX = 32;

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

/**
 * Walks one root in slices: `walk(deadline)` reads until the deadline and says whether it reached
 * the end. A page that changes meanwhile is read as it is when the walk passes.
 */
export class StoryWalk<Found = true> {
  private walker: TreeWalker;
  /**
   * The shadow roots the walk is inside of, innermost last (see `enterShadow`): a TreeWalker
   * stays in one tree, so each open root gets a walker of its own.
   */
  private readonly shadows: ShadowFrame[] = [];
  /** Every open shadow root the walk entered (the scanner observes them). */
  readonly shadowRoots: ShadowRoot[] = [];
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
  /**
   * The elements hidden by attribute (`hidden`, `aria-hidden="true"`), read by one native query
   * when the walk starts: asking each element with attributes for two of them was 40 ms of the
   * long-story bench page's 380. An element hidden between two slices is caught by the
   * scanner's region check, which reads the attributes of the few elements holding a mention.
   */
  private hidden: Set<Element>;
  /** One per element text arrived below, in document order, parents first. */
  readonly records: Tally[] = [];
  /** The text nodes `matches` accepted, in document order. */
  readonly matched: Text[] = [];
  /** What `matches` answered for each matched text. */
  readonly found: Found[] = [];
  /** The record of each matched text's element. */
  readonly matchedRecords: Tally[] = [];

  /**
   * `matches` is asked of every text node the walk reads as prose; those it accepts (anything but
   * false) are kept in `matched` with its answer in `found`. `matchFrom`: the first text
   * `matches` can accept, when the caller already knows it; the text before it is not asked.
   */
  constructor(
    private readonly root: Element,
    private readonly now: () => number,
    private readonly matches: (text: string) => Found | false,
    private matchFrom: Text | null = null,
  ) {
    const document = root.ownerDocument;
    this.walker = document.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
    this.hidden = hiddenBelow(root);
    const tag = root.localName;
    const attributed = root.hasAttributes();
    const unread = SKIPPED.has(tag) || (attributed && hiddenByAttribute(root));
    this.enterRoot(root, tag, attributed);
    this.openRecords[0] = newRecord(
      this.records,
      root,
      tag,
      attributed,
      null,
      this.openLinks[0] === 1,
    );
    if (unread) this.next = null;
  }

  /**
   * Elements and text in document order (`nextNode`, five times cheaper than stepping by hand
   * with `firstChild` and `nextSibling`), with a stack of the open elements: a node's parent is
   * found by closing those it is not in, with no lookup. Skipped subtrees (scripts, styles, SVG,
   * hidden) are stepped over without entering them. A record is made only when text first
   * arrives below an element. True when the walk reached the end.
   */
  walk(deadline: number): boolean {
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
    // are read into locals once per slice and entering an element is written out in place
    // (together with reading class and id names by RegExp: 2 MB page 0.94, long-story page
    // 0.95-1.06, interleaved against the tree before).
    let walker = this.walker;
    const {
      matches,
      openElements: open,
      openTags: tags,
      openAttributed: attributedAt,
      openRecords: records,
      openHolders: holders,
      openLinks: links,
      hidden,
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
    for (;;) {
      if (node === null) {
        // The end of a shadow root: back to its host's walker (never met on pages without one).
        if (this.shadows.length === 0) break;
        depth = this.leaveShadow();
        walker = this.walker;
        node = this.afterShadow();
        continue;
      }
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
        if (SKIPPED.has(tag) || (attributed && hidden.has(element))) {
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
          // An open shadow root is what the reader sees of its host: read in the host's place,
          // as the host's content (issue #24). One getter per element entered; skipped subtrees
          // never pay it.
          if (element.shadowRoot === null || isUiHost(element)) node = walker.nextNode();
          else {
            walker = this.enterShadow(element, element.shadowRoot, depth - 1);
            node = walker.nextNode();
            // The caller's probe did not read shadow trees: from here on every text is asked.
            asking = true;
          }
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
   * From the host at `hostDepth` into its open shadow root: the root takes the host's place in
   * the stack of open elements, so the root's children find their parent there; records are
   * still made for the host (`elementOf`).
   */
  private enterShadow(host: Element, root: ShadowRoot, hostDepth: number): TreeWalker {
    this.shadows.push({ outer: this.walker, host, hostDepth });
    this.shadowRoots.push(root);
    // The query at the start stayed outside shadow trees: this root's hidden elements join it.
    for (const element of hiddenBelow(root)) this.hidden.add(element);
    this.openElements[hostDepth] = root as unknown as Element;
    this.walker = host.ownerDocument.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
    return this.walker;
  }

  /** Back from a shadow root to its host's walker; the depth just inside the host. */
  private leaveShadow(): number {
    const frame = this.shadows.pop() as ShadowFrame;
    this.walker = frame.outer;
    this.openElements[frame.hostDepth] = frame.host;
    return frame.hostDepth + 1;
  }

  /**
   * After a host's shadow root, its own children: shown only where a slot takes them. A host
   * none of whose children is slotted (a component that renders from data and keeps its light
   * children as a fallback, or ignores them) is stepped over whole, so hidden text is not read
   * twice. When some are slotted, all are read: slots only reorder what the reader sees.
   */
  private afterShadow(): Node | null {
    const walker = this.walker;
    const host = walker.currentNode;
    for (let child = host.firstChild; child !== null; child = child.nextSibling) {
      // undefined where the DOM has no slots API (happy-dom): read, as before shadow roots.
      if ((child as Element | Text).assignedSlot !== null) return walker.nextNode();
    }
    return nextOutside(walker);
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
    while (this.shadows.length > 0) this.leaveShadow();
    this.walker.currentNode = this.root;
    this.hidden = hiddenBelow(this.root);
    this.next = undefined;
    this.depth = 1;
    this.records.length = 0;
    this.matched.length = 0;
    this.found.length = 0;
    this.matchedRecords.length = 0;
    this.openRecords[0] = newRecord(
      this.records,
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
      parent = newRecord(
        this.records,
        elementOf(this.openElements[i] as Element | ShadowRoot),
        this.openTags[i] as string,
        this.openAttributed[i] as boolean,
        parent,
        (this.openLinks[i] as number) > 0,
      );
      records[i] = parent;
    }
    return parent;
  }
}

/** A shadow root being read, and where the walk was in its host's tree. */
interface ShadowFrame {
  outer: TreeWalker;
  host: Element;
  hostDepth: number;
}

/** The element a record is made for: a shadow root open in the stack stands for its host. */
function elementOf(open: Element | ShadowRoot): Element {
  return open.nodeType === DOCUMENT_FRAGMENT_NODE ? (open as ShadowRoot).host : (open as Element);
}

/** The node after the walker's current one and all of its descendants (null at the end). */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling !== null) return sibling;
    if (walker.parentNode() === null) return null;
  }
}

const HIDDEN_SELECTOR = '[hidden], [aria-hidden="true"]';

/** The descendants of `root` hidden by attribute (see `hiddenByAttribute`). */
function hiddenBelow(root: Element | ShadowRoot): Set<Element> {
  return new Set(root.querySelectorAll(HIDDEN_SELECTOR));
}

/** Of an element that has attributes. */
function hiddenByAttribute(element: Element): boolean {
  return element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';
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
