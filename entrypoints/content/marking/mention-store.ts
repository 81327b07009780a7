/**
 * Every mention found on the page, by text node. The scanner writes it; the highlight painter, the
 * badge, the popup's list, "reveal" and the hover card read it.
 *
 * Text nodes are kept in document order incrementally (a full scan appends in walk order; a node
 * added later is placed by binary search with compareDocumentPosition), so reading the mentions
 * in order never sorts the whole page again.
 */
import type { CategoryId } from '../../../common/glossary-types';
import type { MarkMode } from '../../../common/settings';

export interface Mention {
  node: Text;
  /** UTF-16 offsets in `node.data`; `end` is exclusive. */
  start: number;
  end: number;
  id: string;
  category: CategoryId;
}

/** The same place in the page (a rescan makes new Mention objects for unchanged text). */
export function samePlace(a: Mention, b: Mention): boolean {
  return a.node === b.node && a.start === b.start;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

function follows(a: Node, b: Node): boolean {
  return (b.compareDocumentPosition(a) & FOLLOWING) !== 0;
}

export class MentionStore {
  private readonly byNode = new Map<Text, Mention[]>();
  /** Nodes of `byNode` in document order; may hold dropped nodes until `compact`. */
  private order: Text[] = [];
  private hasDropped = false;
  /** Known nodes the page moved: their place in `order` is stale until `compact`. */
  private readonly moved = new Set<Text>();
  private reordered = false;
  private mode: MarkMode = 'all';
  private cachedAll: Mention[] | null = null;
  private cachedMarked: Set<Mention> | null = null;
  private cachedMarkedList: Mention[] | null = null;
  private count = 0;
  private dirty = false;
  /** Mentions added and removed since the last `takeChanges`, for painting only the difference. */
  private added = new Set<Mention>();
  private removed = new Set<Mention>();
  private readonly listeners = new Set<() => void>();

  /** Replaces the mentions of `node` (none: forget the node). */
  setNode(node: Text, mentions: Mention[]): void {
    const previous = this.byNode.get(node);
    if (mentions.length === 0) {
      if (previous === undefined) return;
      this.byNode.delete(node);
      this.count -= previous.length;
      this.hasDropped = true;
      this.noteRemoved(previous);
      this.changed();
      return;
    }
    if (previous !== undefined && sameMentions(previous, mentions)) return;
    if (previous !== undefined) this.noteRemoved(previous);
    for (const mention of mentions) this.added.add(mention);
    this.byNode.set(node, mentions);
    this.count += mentions.length - (previous?.length ?? 0);
    if (previous === undefined) this.insertInOrder(node);
    this.changed();
  }

  /**
   * The page moved `node` (it was in an added subtree): its mentions stand, their place in the
   * document order is found again at the next read.
   */
  noteMoved(node: Text): void {
    if (!this.byNode.has(node)) return;
    this.moved.add(node);
    this.changed();
  }

  /** The page moved nodes nobody followed one by one: the whole order is found again at the next read. */
  noteReordered(): void {
    if (this.byNode.size === 0) return;
    this.reordered = true;
    this.changed();
  }

  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** Text nodes holding mentions. */
  nodeCount(): number {
    return this.byNode.size;
  }

  /** Drops the mentions of nodes no longer in the document. Returns how many nodes were dropped. */
  dropDisconnected(): number {
    let dropped = 0;
    for (const node of this.byNode.keys()) {
      if (!node.isConnected) {
        this.setNode(node, []);
        dropped++;
      }
    }
    return dropped;
  }

  /** Keeps only the nodes `keep` accepts (after a full scan: those it found again). */
  retain(keep: (node: Text) => boolean): void {
    for (const node of this.byNode.keys()) {
      if (!keep(node)) this.setNode(node, []);
    }
  }

  clear(): void {
    if (this.byNode.size === 0) return;
    for (const list of this.byNode.values()) this.noteRemoved(list);
    this.byNode.clear();
    this.order = [];
    this.hasDropped = false;
    this.moved.clear();
    this.reordered = false;
    this.count = 0;
    this.changed();
  }

  setMarkMode(mode: MarkMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.cachedMarked = null;
    this.cachedMarkedList = null;
    this.dirty = true;
  }

  /** All mentions in document order. */
  all(): readonly Mention[] {
    if (this.cachedAll === null) {
      this.compact();
      const list: Mention[] = [];
      for (const node of this.order) {
        for (const mention of this.byNode.get(node) ?? []) list.push(mention);
      }
      this.cachedAll = list;
    }
    return this.cachedAll;
  }

  /** The mentions shown as marks: all, or only the first of each term in 'first' mode. */
  marked(): readonly Mention[] {
    if (this.cachedMarkedList === null) {
      if (this.mode === 'all') {
        this.cachedMarkedList = this.all() as Mention[];
      } else {
        const seen = new Set<string>();
        this.cachedMarkedList = this.all().filter((mention) => {
          if (seen.has(mention.id)) return false;
          seen.add(mention.id);
          return true;
        });
      }
    }
    return this.cachedMarkedList;
  }

  isMarked(mention: Mention): boolean {
    if (this.mode === 'all') return this.byNode.get(mention.node)?.includes(mention) ?? false;
    this.cachedMarked ??= new Set(this.marked());
    return this.cachedMarked.has(mention);
  }

  /**
   * The marked mention at a caret position (from caretPositionFromPoint): one that contains
   * `offset`, or else one that ends there (the caret lands after the last letter when the pointer
   * is over that letter's right half).
   */
  at(node: Node, offset: number): Mention | undefined {
    const list = this.byNode.get(node as Text);
    if (list === undefined) return undefined;
    let endingHere: Mention | undefined;
    for (const mention of list) {
      if (!this.isMarked(mention)) continue;
      if (mention.start <= offset && offset < mention.end) return mention;
      if (offset === mention.end) endingHere ??= mention;
    }
    return endingHere;
  }

  total(): number {
    return this.count;
  }

  /** Called once per batch of changes (see `commit`), not per node. */
  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** How many mentions were added or removed since the last `takeChanges`. */
  pendingChanges(): number {
    return this.added.size + this.removed.size;
  }

  /**
   * Mentions added and removed since the last call. Painting the difference keeps a batch's cost
   * proportional to what changed, not to the page's thousands of marks.
   */
  takeChanges(): { added: Mention[]; removed: Mention[] } {
    const changes = { added: [...this.added], removed: [...this.removed] };
    this.added.clear();
    this.removed.clear();
    return changes;
  }

  /** Tells listeners about the changes since the last commit, if any. */
  commit(): void {
    if (!this.dirty) return;
    this.dirty = false;
    for (const cb of [...this.listeners]) cb();
  }

  private noteRemoved(list: readonly Mention[]): void {
    for (const mention of list) {
      // Added and removed within one batch: never painted, nothing to undo.
      if (!this.added.delete(mention)) this.removed.add(mention);
    }
  }

  private changed(): void {
    this.cachedAll = null;
    this.cachedMarked = null;
    this.cachedMarkedList = null;
    this.dirty = true;
  }

  private compact(): void {
    if (this.reordered) {
      this.reordered = false;
      this.moved.clear();
      this.hasDropped = false;
      // Detached nodes (dropped with the next batch) go last: they have no place to compare.
      // From `order`, not `byNode`: a node being added now is placed by `insertInOrder` after.
      const nodes = this.order.filter((node) => this.byNode.has(node));
      const connected = nodes.filter((node) => node.isConnected);
      connected.sort((a, b) => (follows(a, b) ? 1 : follows(b, a) ? -1 : 0));
      this.order = [...connected, ...nodes.filter((node) => !node.isConnected)];
      return;
    }
    if (!this.hasDropped && this.moved.size === 0) return;
    const moved = this.moved;
    this.order = this.order.filter((node) => this.byNode.has(node) && !moved.has(node));
    this.hasDropped = false;
    // The others kept their order among themselves: each moved one is placed among them.
    const replace = [...moved].filter((node) => this.byNode.has(node));
    moved.clear();
    for (const node of replace) {
      // Removed again since: no place to find, and dropped with the next batch.
      if (node.isConnected) this.insertInOrder(node);
      else this.order.push(node);
    }
  }

  private insertInOrder(node: Text): void {
    // Dropped nodes may be detached; comparing with them would give an arbitrary order.
    this.compact();
    const order = this.order;
    const last = order[order.length - 1];
    if (last === undefined || follows(node, last)) {
      order.push(node);
      return;
    }
    let low = 0;
    let high = order.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (follows(node, order[mid] as Text)) low = mid + 1;
      else high = mid;
    }
    order.splice(low, 0, node);
  }
}

function sameMentions(a: readonly Mention[], b: readonly Mention[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Mention;
    const y = b[i] as Mention;
    if (x.start !== y.start || x.end !== y.end || x.id !== y.id) return false;
  }
  return true;
}
