/**
 * Finds mentions in the page's text and keeps the store up to date as the page changes.
 *
 * - One TreeWalker over text nodes with no filter callback (a callback makes the walk 7-10x
 *   slower). The cheap question comes first: the matcher's `test` on the node's text; only text
 *   that contains a mention pays for the region check (memoised per element).
 * - Work runs in slices of SLICE_MS with a yield between them, from one queue: full scans and the
 *   mutation batches share it, so there is never more than one slice of ours in a task.
 * - Scrolled down on load (a restored position, a #fragment link), the text around the viewport
 *   goes first and the walk from the top skips it later.
 * - A full rescan never empties the store first: marks stay up while it runs, and at its end the
 *   nodes it did not find again are dropped.
 */

import { isUiHost } from '../own-hosts';
import type { Matcher } from './matcher';
import type { Mention, MentionStore } from './mention-store';
import {
  createRegionMemo,
  findLandmarks,
  LANDMARK_SELECTOR,
  MIN_LANDMARK_TEXT,
  type ScanMode,
  UI_HOST_TAG,
} from './scan-regions';
import { MAX_MARKS_PER_SLICE, SLICE_MS } from './yield-to-page';

/** More added nodes than this in one batch: one full rescan is cheaper than following them. */
export const HUGE_BATCH = 1_000;

/** Text shorter than the shortest alias (two Chinese characters) cannot hold a mention. */
const MIN_TEXT = 2;

/** How many nodes between two looks at the clock. */
const CLOCK_EVERY = 16;

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

interface Walk {
  kind: 'walk';
  root: Node;
  walker: TreeWalker | null;
  /** Start after this node instead of at the root (the viewport pass). */
  from?: Node;
  /** The viewport pass: stops after one slice and tells the full walk what it covered. */
  viewport?: { first: Text | null; last: Text | null };
  /** Part of a full scan: skips what the viewport pass read. */
  full: boolean;
}

interface TextItem {
  kind: 'text';
  node: Text;
}

interface FinishFullScan {
  kind: 'finish';
}

type Work = Walk | TextItem | FinishFullScan;

export interface ScannerEnvironment {
  document: Document;
  store: MentionStore;
  yieldToPage(): Promise<void>;
  now?(): number;
  /** Where to begin on a scrolled page: the node at the top of the viewport, or null. */
  viewportAnchor?(): Node | null;
}

export class Scanner {
  private readonly regions = createRegionMemo();
  private mode: ScanMode = 'body';
  /** The page had no article/main at the last full scan (not a fallback from tiny ones). */
  private noLandmarks = true;
  private queue: Work[] = [];
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Nodes with mentions found by the current full scan; null when none is running. */
  private confirmed: Set<Text> | null = null;
  private landmarkChars = 0;
  private skip: { first: Text; last: Text } | null = null;
  private readonly now: () => number;

  constructor(
    private matcher: Matcher,
    private readonly env: ScannerEnvironment,
  ) {
    this.now = env.now ?? (() => performance.now());
  }

  setMatcher(matcher: Matcher): void {
    this.matcher = matcher;
  }

  /** Reads the whole page again (first run, new matcher, SPA navigation, a huge batch). */
  fullScan(): Promise<void> {
    const { document, store } = this.env;
    this.regions.reset();
    store.dropDisconnected();
    this.confirmed = new Set();
    this.skip = null;
    this.landmarkChars = 0;
    const body = document.body;
    const landmarks = findLandmarks(document);
    this.noLandmarks = landmarks.length === 0;
    this.mode = this.noLandmarks ? 'body' : 'landmarks';
    // A page in design mode is one big editor: nothing in it is read.
    const readable = document.designMode !== 'on' && body !== null;
    const roots: Node[] = !readable ? [] : this.noLandmarks ? [body] : landmarks;
    if (!readable) this.landmarkChars = Number.POSITIVE_INFINITY;
    const work: Work[] = [];
    const anchor = roots.length > 0 ? (this.env.viewportAnchor?.() ?? null) : null;
    const anchorRoot = anchor ? roots.find((root) => root.contains(anchor)) : undefined;
    if (anchor && anchorRoot) {
      work.push({
        kind: 'walk',
        root: anchorRoot,
        walker: null,
        from: anchor,
        viewport: { first: null, last: null },
        full: false,
      });
    }
    for (const root of roots) work.push({ kind: 'walk', root, walker: null, full: true });
    work.push({ kind: 'finish' });
    // Pending incremental work is covered by the full scan.
    this.queue = work;
    return this.run();
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
          if (node.nodeType === TEXT_NODE) work.push({ kind: 'text', node: node as Text });
          else if (node.nodeType === ELEMENT_NODE && !isOurs(node)) {
            work.push({ kind: 'walk', root: node, walker: null, full: false });
          }
        }
      } else if (record.type === 'attributes' && record.target.nodeType === ELEMENT_NODE) {
        reattributed = true;
        work.push({ kind: 'walk', root: record.target, walker: null, full: false });
      }
    }
    if (added > HUGE_BATCH || this.landmarkAppeared(work)) return this.fullScan();
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

  /** Stops all work; the store is left to its owner. */
  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.confirmed = null;
  }

  private landmarkAppeared(work: readonly Work[]): boolean {
    if (!this.noLandmarks) return false;
    return work.some(
      (item) =>
        item.kind === 'walk' &&
        item.root.nodeType === ELEMENT_NODE &&
        ((item.root as Element).matches(LANDMARK_SELECTOR) ||
          (item.root as Element).querySelector(LANDMARK_SELECTOR) !== null),
    );
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
      if (item.node.isConnected) this.scanText(item.node);
      return true;
    }
    if (item.kind === 'finish') {
      this.finishFullScan();
      return true;
    }
    return this.walk(item, deadline);
  }

  private walk(item: Walk, deadline: number): boolean {
    if (!item.root.isConnected) return true;
    let walker = item.walker;
    if (walker !== null && !walker.currentNode.isConnected) {
      // The page removed the node we stopped at; walking on from it would end the walk early.
      walker = null;
      item.from = undefined;
    }
    if (walker === null) {
      walker = this.env.document.createTreeWalker(item.root, SHOW_TEXT);
      item.walker = walker;
      if (item.from?.isConnected) {
        walker.currentNode = item.from;
        if (item.from.nodeType === TEXT_NODE) this.visit(item, item.from as Text);
      }
    }
    // The per-node path stays in this one loop: most pages are scanned once, cold, and V8 speeds
    // a hot loop up in place long before the small functions it would call get their turn.
    const { store } = this.env;
    const test = this.matcher.test;
    const skip = item.full ? this.skip : null;
    const viewport = item.viewport;
    // A node can only be known to the store from an earlier walk: a walk meets each node once.
    const known = store.nodeCount() > 0;
    let chars = 0;
    let count = 0;
    let finished = true;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (skip !== null && node === skip.first && skip.last.isConnected) {
        walker.currentNode = skip.last;
        continue;
      }
      const data = (node as Text).data;
      chars += data.length;
      if (viewport !== undefined) this.noteViewport(viewport, node as Text);
      if (data.length >= MIN_TEXT && test(data)) this.scanMatch(node as Text, data);
      else if (known && store.has(node as Text)) store.setNode(node as Text, []);
      if (++count % CLOCK_EVERY === 0 && this.sliceIsOver(deadline)) {
        // The viewport pass is one slice long; the full walk resumes here after a yield.
        finished = viewport !== undefined;
        break;
      }
    }
    if (countsText(item)) this.landmarkChars += chars;
    return finished;
  }

  /** One node outside the walk's loop (where it starts from), as the loop handles each. */
  private visit(item: Walk, node: Text): void {
    if (countsText(item)) this.landmarkChars += node.data.length;
    if (item.viewport) this.noteViewport(item.viewport, node);
    this.scanText(node);
  }

  private noteViewport(viewport: { first: Text | null; last: Text | null }, node: Text): void {
    viewport.first ??= node;
    viewport.last = node;
    if (this.skip === null || this.skip.first === viewport.first) {
      this.skip = { first: viewport.first, last: node };
    }
  }

  private finishFullScan(): void {
    if (this.mode === 'landmarks' && this.landmarkChars < MIN_LANDMARK_TEXT) {
      const body = this.env.document.body;
      if (body !== null) {
        // Landmarks too small to be the story: read the whole body (chrome rules still apply).
        this.mode = 'body';
        this.landmarkChars = Number.POSITIVE_INFINITY;
        this.skip = null;
        this.queue.splice(
          1,
          0,
          { kind: 'walk', root: body, walker: null, full: true },
          {
            kind: 'finish',
          },
        );
        return;
      }
    }
    const confirmed = this.confirmed;
    this.confirmed = null;
    this.skip = null;
    if (confirmed !== null) this.env.store.retain((node) => confirmed.has(node));
  }

  private scanText(node: Text): void {
    const data = node.data;
    if (data.length >= MIN_TEXT && this.matcher.test(data)) this.scanMatch(node, data);
    else if (this.env.store.has(node)) this.env.store.setNode(node, []);
  }

  /** Text the matcher's quick test accepted: where it is decides whether it is read. */
  private scanMatch(node: Text, data: string): void {
    const { store } = this.env;
    const parent = node.parentElement;
    if (parent === null || !this.regions.isScanned(parent, this.mode)) {
      if (store.has(node)) store.setNode(node, []);
      return;
    }
    const mentions: Mention[] = this.matcher
      .findAll(data)
      .map(({ start, end, id, category }) => ({ node, start, end, id, category }));
    store.setNode(node, mentions);
    if (mentions.length > 0) this.confirmed?.add(node);
  }
}

/**
 * Whether a walk's characters count toward the landmark fallback: a full scan's, and the viewport
 * pass's, whose text the full walk then skips.
 */
function countsText(item: Walk): boolean {
  return item.full || item.viewport !== undefined;
}

/**
 * Our card host: it has no children in the page's DOM (the card is in its shadow root, which the
 * observer does not see), so the node itself is all there is to check. A stealth host has a random
 * name; the registry knows it.
 */
function isOurs(node: Node): boolean {
  return isUiHost(node) || (node as Partial<Element>).localName === UI_HOST_TAG;
}
