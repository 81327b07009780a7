/**
 * Finds mentions in the page's text and keeps the store up to date as the page changes.
 *
 * - A full scan reads the page once: the story detector's walk (story-detector.ts, in slices like
 *   the rest) also matches each text node and keeps those with a hit, with their matches. Once the
 *   story is decided, only those nodes are visited: their place decides whether their matches
 *   are marked (the story, or the whole body when there is none). Walking or matching the page a
 *   second time would cost as much as the first.
 * - Added subtrees are walked with one TreeWalker over text nodes with no filter callback (a
 *   callback makes the walk 7-10x slower). The cheap question comes first: the matcher's `test`
 *   on the node's text; only text that contains a mention pays for the region check (memoised per
 *   element).
 * - Work runs in slices of SLICE_MS with a yield between them, from one queue: full scans and the
 *   mutation batches share it, so there is never more than one slice of ours in a task.
 * - Scrolled down on load (a restored position, a #fragment link), the matched text from the
 *   viewport on goes first, then the text above it.
 * - A full rescan never empties the store first: marks stay up while it runs, and at its end the
 *   nodes it did not find again are dropped.
 */

import { isUiHost } from '../own-hosts';
import type { Match, Matcher } from './matcher';
import type { Mention, MentionStore } from './mention-store';
import { isFollowLabel } from './platform-links';
import type { LinkedPlatform } from './platform-matcher';
import { isOwnNameChrome } from './platform-pages';
import { createRegionMemo, type ScanMode, UI_HOST_TAG } from './scan-regions';
import { composedContains, composedParent, openRootsIn } from './shadow-trees';
import {
  detectStory,
  MIN_STORY_CHARS,
  NO_STORY,
  StoryDetector,
  type StoryVerdict,
  UNDECIDED,
} from './story-detector';
import { MAX_MARKS_PER_SLICE, SLICE_MS } from './yield-to-page';

/** More added nodes than this in one batch: one full rescan is cheaper than following them. */
export const HUGE_BATCH = 1_000;

/** Text shorter than the shortest alias (two Chinese characters) cannot hold a mention. */
const MIN_TEXT = 2;

/** What the matcher finds in text its quick test turned down. */
const NO_MATCHES: readonly Match[] = [];

/** How many nodes between two looks at the clock. */
const CLOCK_EVERY = 16;

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

interface Walk {
  kind: 'walk';
  root: Node;
  walker: TreeWalker | null;
  /** Content the page added (not a re-attributed subtree). */
  added?: boolean;
}

/** What the story detector's walk found in one text node: its text then, and the matches. */
interface FoundText {
  data: string;
  matches: readonly Match[];
}

/** A full scan's text nodes with a hit, as the story detector's walk found them. */
interface MatchedTexts {
  kind: 'matched';
  nodes: readonly Text[];
  found: readonly FoundText[];
  /** The matcher that found them: a new one makes its matches stale. */
  matcher: Matcher;
  /** Visited from `start` to the end, then from the top to `start` (the viewport first). */
  start: number;
  /** How many of `nodes` are done. */
  done: number;
  /**
   * The page's platform links, in document order, marked between the matched texts in document
   * order when the reading starts at the top: the store then appends every node it is given
   * instead of searching for its place (a thousand links on a long read cost 12k
   * compareDocumentPosition calls that way).
   */
  links: readonly PlatformLink[];
  linksDone: number;
}

interface TextItem {
  kind: 'text';
  node: Text;
  /** Added by the page (maybe moved from elsewhere), not edited in place. */
  added?: boolean;
}

interface FinishFullScan {
  kind: 'finish';
}

/** A link whose host is a blocked platform's: its text is marked like a mention of it. */
interface PlatformLink {
  anchor: Element;
  platform: LinkedPlatform;
}

/** A full scan's platform links, marked once the story is decided. */
interface PlatformLinks {
  kind: 'links';
  links: readonly PlatformLink[];
  done: number;
}

/** The first step of a full scan: which part of the page is the story. */
interface DetectStory {
  kind: 'detect';
  body: HTMLElement;
  /**
   * First a bare walk looks for one mention: a page without any (most pages) is not worth
   * scoring, and costs no more than matching its text. Null once one was found.
   */
  probe: TreeWalker | null;
  /**
   * When the light DOM showed no mention: the page's open shadow roots, probed one after
   * another (`shadowProbe` on the current one); null until then.
   */
  shadowRoots: ShadowRoot[] | null;
  shadowProbe: TreeWalker | null;
  /** Made when the probe found a mention: reads the page whole, matching as it goes. */
  detector: StoryDetector<FoundText> | null;
  /** The page's links to blocked platforms, read once the probe is done. */
  links: readonly PlatformLink[];
}

type Work = Walk | MatchedTexts | PlatformLinks | TextItem | FinishFullScan | DetectStory;

/**
 * Added content outside the story (or on a page without one) that holds a story of its own makes
 * the scanner decide again (a single-page app rendering its article); smaller additions are not
 * worth asking. Inside the story, growth by half of what it held does too (the page replaced it).
 */
const REDECIDE_OUTSIDE_CHARS = MIN_STORY_CHARS;
const REDECIDE_INSIDE_SHARE = 0.5;

export interface ScannerEnvironment {
  document: Document;
  store: MentionStore;
  yieldToPage(): Promise<void>;
  now?(): number;
  /**
   * Told of each open shadow root the scan reads, so that changes inside it are followed (the
   * page's MutationObserver sees none of them). May be told of a root more than once.
   */
  observeRoot?(root: ShadowRoot): void;
  /** Where to begin on a scrolled page: the node at the top of the viewport, or null. */
  viewportAnchor?(): Node | null;
  /**
   * Ids of the platforms whose own site this page is (platform-pages.ts, `platformsOfHost`):
   * their names are marked only in the story's prose.
   */
  ownPlatforms?: ReadonlySet<string>;
}

export class Scanner {
  private readonly regions = createRegionMemo();
  private mode: ScanMode = 'body';
  private story: StoryVerdict = NO_STORY;
  private queue: Work[] = [];
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Nodes with mentions found by the current full scan; null when none is running. */
  private confirmed: Set<Text> | null = null;
  /** Text of platform links marked so far, so an edit or a re-walk keeps the link's mark. */
  private linkTexts = new WeakMap<Text, LinkedPlatform>();
  private readonly now: () => number;

  constructor(
    private matcher: Matcher,
    private readonly env: ScannerEnvironment,
  ) {
    this.now = env.now ?? (() => performance.now());
  }

  /** The story's containers as last decided (none: the page has no story, or is undecided). */
  storyRoots(): readonly Element[] {
    return this.story.roots;
  }

  setMatcher(matcher: Matcher): void {
    this.matcher = matcher;
  }

  /** Reads the whole page again (first run, new matcher, SPA navigation, a huge batch). */
  fullScan(): Promise<void> {
    const { document, store } = this.env;
    // The probe asks the regions without the last story's verdict.
    this.story = NO_STORY;
    this.mode = this.regions.setStory(NO_STORY);
    store.dropDisconnected();
    this.confirmed = new Set();
    const body = document.body;
    // A page in design mode is one big editor: nothing in it is read.
    const readable = document.designMode !== 'on' && body !== null;
    // Pending incremental work is covered by the full scan.
    this.queue = readable
      ? [
          {
            kind: 'detect',
            body,
            probe: document.createTreeWalker(body, SHOW_TEXT),
            shadowRoots: null,
            shadowProbe: null,
            detector: null,
            links: [],
          },
        ]
      : [{ kind: 'finish' }];
    return this.run();
  }

  /** The detect step: the probe, then the detector; true when the story is decided. */
  private detect(item: DetectStory, deadline: number): boolean {
    if (item.probe !== null) {
      let found = this.probeForMention(item.probe, deadline);
      if (found === 'paused') return false;
      // Nothing in the light DOM: a web component's story may still be in a shadow root. The
      // detector's walk reads them in place, asking every text there (matchFrom null).
      if (found === 'none') {
        const inShadow = this.probeShadowRoots(item, deadline);
        if (inShadow === 'paused') return false;
        if (inShadow !== 'none') found = 'lost';
      }
      item.probe = null;
      // Read before the detector matches anything: a link to x.com says which X the page means.
      item.links = this.platformLinksIn(item.body);
      // A page whose only mentions are links to platforms is still read, when a story could
      // hold one of them (not the site's footer, its navigation or its share bar).
      if (found === 'none' && !item.links.some((link) => this.regions.mayBeRead(link.anchor))) {
        this.storyDecided(UNDECIDED, [], [], []);
        return true;
      }
      // The matcher is read when the detector calls it: a new matcher comes with a new full scan.
      // Matching in full here, not just testing, spares the text with a hit a second reading.
      const matches = (data: string): FoundText | false => {
        if (data.length < MIN_TEXT) return false;
        const found = this.matcher.findAll(data);
        return found.length > 0 ? { data, matches: found } : false;
      };
      // The text before the probe's mention was tested already: the detector starts asking there.
      item.detector = new StoryDetector(
        item.body,
        this.now,
        matches,
        found === 'lost' || found === 'none' ? null : found,
      );
      if (this.sliceIsOver(deadline)) return false;
    }
    const detector = item.detector as StoryDetector<FoundText>;
    if (!detector.step(deadline)) return false;
    for (const root of detector.shadowRoots()) this.env.observeRoot?.(root);
    this.storyDecided(
      detector.verdict(),
      detector.matchedTexts(),
      detector.matchedFound(),
      item.links,
    );
    return true;
  }

  /** The links under `root` (and `root` itself) whose host is an enabled blocked platform's. */
  private platformLinksIn(root: Element): PlatformLink[] {
    const linked = this.matcher.linkedPlatform;
    if (linked === undefined) return [];
    const links: PlatformLink[] = [];
    // Only absolute addresses can go to another host: the native query leaves the page's own
    // relative links (most of a news page's) out of the loop.
    const anchors = root.querySelectorAll('a[href^="http" i]');
    // On the platform's own pages (a Wikipedia article, a YouTube page) its links are the site's
    // navigation, not a story pointing elsewhere.
    const document = this.env.document;
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
    const own = [document.location?.href ?? '', canonical ?? ''].map((url) => linked(url)?.id);
    const consider = (anchor: Element) => {
      const platform = linked(anchor.getAttribute('href') ?? '');
      if (platform === undefined || own.includes(platform.id)) return;
      links.push({ anchor, platform });
      this.matcher.notePlatformLink?.(platform.id);
    };
    if (root.localName === 'a' && root.hasAttribute('href')) consider(root);
    for (const anchor of anchors) consider(anchor);
    return links;
  }

  /**
   * Marks a platform link's text as a mention of the platform, where the story reads it: each of
   * its text nodes, trimmed, unless the text names a term itself ("YouTube"), which then wins.
   */
  private markPlatformLink({ anchor, platform }: PlatformLink): void {
    if (!anchor.isConnected || !this.regions.isScanned(anchor, this.mode)) return;
    if (isFollowLabel(anchor.textContent ?? '')) return;
    const walker = this.env.document.createTreeWalker(anchor, SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node as Text;
      const parent = text.parentElement;
      if (parent === null || !this.regions.isScanned(parent, this.mode)) continue;
      // Known even when its own words are marked: an edit that removes them leaves the link's.
      this.linkTexts.set(text, platform);
      if (this.confirmed?.has(text)) continue;
      const found = this.matcher.findAll(text.data);
      if (found.length > 0) continue; // marked by its own words when the walk got to it
      const mentions = this.linkMentions(text);
      if (mentions.length === 0) continue;
      this.env.store.setNode(text, mentions);
      this.confirmed?.add(text);
    }
  }

  /** The mark of a platform link's text node, if it is one: its text without the spaces around. */
  private linkMentions(node: Text): Mention[] {
    const platform = this.linkTexts.get(node);
    if (platform === undefined) return [];
    const data = node.data;
    const start = data.search(/\S/);
    if (start < 0) return [];
    const end = data.trimEnd().length;
    return [{ node, start, end, id: platform.id, category: platform.category }];
  }

  /**
   * Whether some open shadow root of the page (nested ones too) holds a mention a story could
   * read. Only asked when the light DOM holds none; the roots found are observed either way.
   */
  private probeShadowRoots(item: DetectStory, deadline: number): Text | 'none' | 'paused' | 'lost' {
    if (item.shadowRoots === null) {
      item.shadowRoots = openRootsIn(item.body);
      for (const root of item.shadowRoots) this.env.observeRoot?.(root);
    }
    const roots = item.shadowRoots;
    while (roots.length > 0) {
      item.shadowProbe ??= this.env.document.createTreeWalker(roots[0] as ShadowRoot, SHOW_TEXT);
      const found = this.probeForMention(item.shadowProbe, deadline);
      if (found === 'paused' || found !== 'none') return found;
      roots.shift();
      item.shadowProbe = null;
    }
    return 'none';
  }

  /** The first mention some story could read, or why there is none yet. */
  private probeForMention(walker: TreeWalker, deadline: number): Text | 'none' | 'paused' | 'lost' {
    // The page removed where the probe stood: the detector reads the page whole instead.
    if (!walker.currentNode.isConnected) return 'lost';
    const test = this.matcher.test;
    let count = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const data = (node as Text).data;
      if (data.length >= MIN_TEXT && test(data)) {
        const parent = composedParent(node);
        if (parent !== null && this.regions.mayBeRead(parent)) return node as Text;
      }
      if (++count % CLOCK_EVERY === 0 && this.sliceIsOver(deadline)) return 'paused';
    }
    return 'none';
  }

  /** The story is decided: read the matched text (the viewport's part first). */
  private storyDecided(
    verdict: StoryVerdict,
    matched: readonly Text[],
    found: readonly FoundText[],
    links: readonly PlatformLink[],
  ): void {
    // The page removed the story while it was being read (a client render replacing the served
    // one): its removal came in a batch before there was a story to miss. Read the page again.
    if (verdict.roots.some((root) => !root.isConnected)) {
      void this.fullScan();
      return;
    }
    this.story = verdict;
    this.mode = this.regions.setStory(verdict);
    const anchor = matched.length > 0 ? (this.env.viewportAnchor?.() ?? null) : null;
    const start = anchor === null ? 0 : firstAtOrAfter(matched, anchor);
    const readLinks = verdict !== UNDECIDED;
    const inOrder = start === 0 && readLinks;
    const work: Work[] = [
      {
        kind: 'matched',
        nodes: matched,
        found,
        matcher: this.matcher,
        start,
        done: 0,
        links: inOrder ? links : [],
        linksDone: 0,
      },
      // Scrolled: after the matched text. A link's own words ("YouTube") are marked as themselves.
      ...(links.length > 0 && readLinks && !inOrder
        ? [{ kind: 'links', links, done: 0 } satisfies PlatformLinks]
        : []),
      { kind: 'finish' },
    ];
    // In place of the detect item, ahead of incremental work queued meanwhile.
    this.queue.splice(1, 0, ...work);
  }

  /** Takes one batch of mutation records (already buffered outside the observer callback). */
  handleMutations(records: readonly MutationRecord[]): Promise<void> {
    let added = 0;
    let removed = false;
    let reattributed = false;
    const work: Work[] = [];
    for (const record of records) {
      if (isOurs(record.target)) continue;
      if (record.type === 'characterData') {
        if (record.target.nodeType === TEXT_NODE) {
          work.push({ kind: 'text', node: record.target as Text });
        }
      } else if (record.type === 'childList') {
        // Our own card host coming and going (every card in stealth mode) moves nothing of the page.
        for (const node of record.removedNodes) if (!isOurs(node)) removed = true;
        for (const node of record.addedNodes) {
          added++;
          if (node.nodeType === TEXT_NODE) {
            work.push({ kind: 'text', node: node as Text, added: true });
          } else if (node.nodeType === ELEMENT_NODE && !isOurs(node)) {
            work.push({ kind: 'walk', root: node, walker: null, added: true });
          }
        }
      } else if (record.type === 'attributes' && record.target.nodeType === ELEMENT_NODE) {
        reattributed = true;
        work.push({ kind: 'walk', root: record.target, walker: null });
      }
    }
    if (added > HUGE_BATCH || this.storyMayHaveChanged(work)) {
      // The added subtrees are not walked: known text moved in them is placed again all at once.
      if (removed && added > 0) this.env.store.noteReordered();
      return this.fullScan();
    }
    this.addShadowWalks(work);
    if (work.length === 0 && !removed) return Promise.resolve();
    // Moved or re-attributed elements may now be inside or outside a skipped region; added ones
    // have no memo yet and edited text changes no region.
    if (removed || reattributed) this.regions.reset();
    if (removed) this.env.store.dropDisconnected();
    // A re-attributed element is walked again: text now in a skipped region fails the region check
    // and loses its marks there, the rest keeps the very same mentions (nothing is repainted).
    this.queue.push(...work);
    return this.run();
  }

  /**
   * A TreeWalker stays in one tree: the open shadow roots inside walked content (a component the
   * page added, with its root attached on creation) get walks of their own, and are observed.
   */
  private addShadowWalks(work: Work[]): void {
    const length = work.length;
    for (let i = 0; i < length; i++) {
      const item = work[i] as Work;
      if (item.kind !== 'walk' || item.root.nodeType !== ELEMENT_NODE) continue;
      for (const root of openRootsIn(item.root as Element)) {
        this.env.observeRoot?.(root);
        work.push({ kind: 'walk', root, walker: null, added: item.added });
      }
    }
  }

  /** Stops all work; the store is left to its owner. */
  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.confirmed = null;
  }

  /**
   * Whether the story must be decided again: one of its containers left the page, content that
   * holds a story of its own was added outside it (a story appearing on a page that had none, an
   * SPA's next article), or the story grew by half.
   */
  private storyMayHaveChanged(work: readonly Work[]): boolean {
    // Undecided: decided when the page first shows a mention (scanMatch), not before.
    if (this.story === UNDECIDED) return false;
    const roots = this.story.roots;
    if (roots.some((root) => !root.isConnected)) return true;
    let inside = 0;
    for (const item of work) {
      // Attribute changes re-read a subtree already there; only added content counts.
      if (item.kind !== 'walk' || !item.added || item.root.nodeType !== ELEMENT_NODE) continue;
      const root = item.root as Element;
      const chars = composedTextLength(root);
      if (roots.some((story) => composedContains(story, root))) inside += chars;
      else if (chars >= REDECIDE_OUTSIDE_CHARS && detectStory(root).roots.length > 0) return true;
    }
    return roots.length > 0 && inside >= this.story.storyChars * REDECIDE_INSIDE_SHARE;
  }

  /** Resolves when all queued work is done (or the scanner stopped). */
  private run(): Promise<void> {
    // One runner at a time; work queued meanwhile is picked up by the running one.
    if (this.stopped) return Promise.resolve();
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    const { store } = this.env;
    let deadline = this.now() + SLICE_MS;
    while (this.queue.length > 0 && !this.stopped) {
      const item = this.queue[0] as Work;
      const done = this.advance(item, deadline);
      if (done && this.queue[0] === item) this.queue.shift();
      if (this.sliceIsOver(deadline) && this.queue.length > 0) {
        store.commit();
        await this.env.yieldToPage();
        deadline = this.now() + SLICE_MS;
      }
    }
    if (!this.stopped) store.commit();
  }

  private sliceIsOver(deadline: number): boolean {
    return this.now() >= deadline || this.env.store.pendingChanges() >= MAX_MARKS_PER_SLICE;
  }

  /** Does some of `item` before `deadline`; true when the item is finished. */
  private advance(item: Work, deadline: number): boolean {
    if (item.kind === 'text') {
      if (!item.node.isConnected) return true;
      if (item.added) this.env.store.noteMoved(item.node);
      this.scanText(item.node);
      return true;
    }
    if (item.kind === 'finish') {
      this.finishFullScan();
      return true;
    }
    if (item.kind === 'detect') return this.detect(item, deadline);
    if (item.kind === 'matched') return this.readMatched(item, deadline);
    if (item.kind === 'links') return this.readLinks(item, deadline);
    return this.walk(item, deadline);
  }

  private readMatched(item: MatchedTexts, deadline: number): boolean {
    const { nodes, found, start, links } = item;
    const current = item.matcher === this.matcher;
    const length = nodes.length;
    while (item.done < length) {
      const index = (start + item.done++) % length;
      const node = nodes[index] as Text;
      // The links before this text (or around it) go first; `start` is 0 when there are any.
      while (item.linksDone < links.length) {
        const link = links[item.linksDone] as PlatformLink;
        if ((link.anchor.compareDocumentPosition(node) & (FOLLOWING | CONTAINED_BY)) === 0) break;
        item.linksDone++;
        this.markPlatformLink(link);
      }
      // Removed meanwhile: its removal is in a mutation batch of its own. Edited: so is the edit.
      if (node.isConnected) {
        const data = node.data;
        const seen = found[index];
        this.scanMatch(node, data, current && seen?.data === data ? seen.matches : undefined);
      }
      if (item.done % CLOCK_EVERY === 0 && this.sliceIsOver(deadline)) return false;
    }
    while (item.linksDone < links.length) {
      this.markPlatformLink(links[item.linksDone++] as PlatformLink);
      if (item.linksDone % CLOCK_EVERY === 0 && this.sliceIsOver(deadline)) return false;
    }
    return true;
  }

  private readLinks(item: PlatformLinks, deadline: number): boolean {
    while (item.done < item.links.length) {
      this.markPlatformLink(item.links[item.done++] as PlatformLink);
      if (item.done % CLOCK_EVERY === 0 && this.sliceIsOver(deadline)) return false;
    }
    return true;
  }

  private walk(item: Walk, deadline: number): boolean {
    if (!item.root.isConnected) return true;
    let walker = item.walker;
    if (walker !== null && !walker.currentNode.isConnected) {
      // The page removed the node we stopped at; walking on from it would end the walk early.
      walker = null;
    }
    if (walker === null) {
      walker = this.env.document.createTreeWalker(item.root, SHOW_TEXT);
      item.walker = walker;
    }
    // The per-node path stays in this one loop: V8 speeds a hot loop up in place long before the
    // small functions it would call get their turn.
    const { store } = this.env;
    const test = this.matcher.test;
    // A node can only be known to the store from an earlier walk: a walk meets each node once.
    const known = store.nodeCount() > 0;
    let count = 0;
    // Known text in an added subtree was moved there: the store places it again.
    const moved = known && item.added === true;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const data = (node as Text).data;
      if (data.length >= MIN_TEXT && test(data)) {
        if (moved) store.noteMoved(node as Text);
        this.scanMatch(node as Text, data);
        // The page's first mention started a full scan in place of this walk.
        if (this.queue[0] !== item) return true;
      } else if (known && store.has(node as Text)) {
        if (moved) store.noteMoved(node as Text);
        // A link's text keeps the link's mark where it is read (no words of its own to match).
        this.scanMatch(node as Text, data, NO_MATCHES);
      }
      if (++count % CLOCK_EVERY === 0 && this.sliceIsOver(deadline)) return false;
    }
    // Links the page added (a story rendered late, an embed): marked like those of a full scan.
    if (item.added && item.root.nodeType === ELEMENT_NODE && this.story !== UNDECIDED) {
      for (const link of this.platformLinksIn(item.root as Element)) this.markPlatformLink(link);
    }
    return true;
  }

  private finishFullScan(): void {
    const confirmed = this.confirmed;
    this.confirmed = null;
    if (confirmed !== null) this.env.store.retain((node) => confirmed.has(node));
  }

  private scanText(node: Text): void {
    const data = node.data;
    if (data.length >= MIN_TEXT && this.matcher.test(data)) this.scanMatch(node, data);
    // A link's text without words of its own: the link's mark, where it is read.
    else if (this.env.store.has(node) || this.linkTexts.has(node)) {
      this.scanMatch(node, data, NO_MATCHES);
    }
  }

  /**
   * Text the matcher's quick test accepted: where it is decides whether it is read. `matches`:
   * what the matcher found in `data` already, if it was asked.
   */
  private scanMatch(node: Text, data: string, matches?: readonly Match[]): void {
    const { store } = this.env;
    const parent = composedParent(node);
    if (this.story === UNDECIDED) {
      // A page without mentions was never scored; its first one (added later) is worth it, where
      // some story could read it (as the full scan's probe asks). The full scan reads it again.
      if (parent !== null && this.regions.mayBeRead(parent)) void this.fullScan();
      return;
    }
    if (parent === null || !this.regions.isScanned(parent, this.mode)) {
      if (store.has(node)) store.setNode(node, []);
      return;
    }
    let found = matches ?? this.matcher.findAll(data);
    const own = this.env.ownPlatforms;
    if (own !== undefined && own.size > 0 && found.some((match) => own.has(match.id))) {
      // On the platform's own site its name is the site's chrome, except in the story's prose.
      if (isOwnNameChrome(parent, this.mode === 'story')) {
        found = found.filter((match) => !own.has(match.id));
      }
    }
    const mentions: Mention[] =
      found.length > 0
        ? found.map(({ start, end, id, category }) => ({ node, start, end, id, category }))
        : this.linkMentions(node);
    store.setNode(node, mentions);
    if (mentions.length > 0) this.confirmed?.add(node);
  }
}

/** The characters of added content, with those of the open shadow roots it shows. */
function composedTextLength(root: Element): number {
  let chars = root.textContent?.length ?? 0;
  for (const shadow of openRootsIn(root)) chars += shadow.textContent?.length ?? 0;
  return chars;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/** Index of the first of `nodes` (in document order) at or after `anchor`; 0 when none is. */
function firstAtOrAfter(nodes: readonly Text[], anchor: Node): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const node = nodes[middle] as Text;
    const atOrAfter =
      node === anchor || (anchor.compareDocumentPosition(node) & (FOLLOWING | CONTAINED_BY)) !== 0;
    if (atOrAfter) high = middle;
    else low = middle + 1;
  }
  return low === nodes.length ? 0 : low;
}

/**
 * Our card host: it has no children in the page's DOM (the card is in its shadow root, which the
 * observer does not see), so the node itself is all there is to check. A stealth host has a random
 * name; the registry knows it.
 */
function isOurs(node: Node): boolean {
  return isUiHost(node) || (node as Partial<Element>).localName === UI_HOST_TAG;
}
