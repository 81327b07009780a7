/**
 * Turns the store's marked mentions into CSS Custom Highlights: one Highlight per category,
 * registered only while it has ranges, so a page without mentions (and a stealth or "no marks"
 * session) leaves `CSS.highlights` exactly as the page had it.
 *
 * StaticRange, not Range: a live Range costs the browser work on every DOM change of the page,
 * and the scanner rescans changed text anyway, replacing its mentions (and so their ranges).
 */
import type { CategoryId } from '../../../common/glossary-types';
import { highlightName, type VisibleMarkStyle } from '../../../common/highlight-names';
import type { MarkStyle } from '../../../common/settings';
import type { Mention } from './mention-store';

export interface HighlightSet {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  readonly size: number;
}

export interface PainterEnvironment<H extends HighlightSet> {
  registry: { set(name: string, highlight: H): unknown; delete(name: string): boolean };
  createHighlight(): H;
  createRange(mention: Mention): AbstractRange;
}

export function browserPainterEnvironment(): PainterEnvironment<Highlight> {
  return {
    // Read when the first mark is painted: the first `CSS.highlights` of a document costs ~0.07 ms
    // in Chromium (it creates the registry), which a page without mentions never needs to pay.
    get registry() {
      return CSS.highlights;
    },
    createHighlight: () => new Highlight(),
    createRange: ({ node, start, end }) =>
      new StaticRange({
        startContainer: node,
        startOffset: start,
        endContainer: node,
        endOffset: end,
      }),
  };
}

export class HighlightPainter<H extends HighlightSet> {
  private readonly ranges = new WeakMap<Mention, AbstractRange>();
  private readonly highlights = new Map<CategoryId, H>();
  private readonly registered = new Set<CategoryId>();
  private painted = new Set<Mention>();
  private style: VisibleMarkStyle | null = null;

  /** `token`: the session's name prefix (`common/highlight-names.ts`). */
  constructor(
    private readonly env: PainterEnvironment<H>,
    private readonly token: string,
  ) {}

  /** Makes the registered highlights show exactly `mentions`, drawn in `style`. */
  paint(mentions: readonly Mention[], style: MarkStyle, stealth: boolean): void {
    if (!this.setStyle(style, stealth)) return;
    const next = new Set(mentions);
    const removed: Mention[] = [];
    for (const mention of this.painted) if (!next.has(mention)) removed.push(mention);
    const added = mentions.filter((mention) => !this.painted.has(mention));
    this.applyChanges(added, removed);
  }

  /**
   * Adds and removes marks without looking at the others: what a mutation batch or a scan slice
   * costs then depends on what changed, not on how many marks the page has. `all` is read only
   * when the style changed and everything must be drawn again.
   */
  paintChanges(
    changes: { added: readonly Mention[]; removed: readonly Mention[] },
    all: () => readonly Mention[],
    style: MarkStyle,
    stealth: boolean,
  ): void {
    const before = this.style;
    if (!this.setStyle(style, stealth)) return;
    if (this.style !== before) this.paint(all(), style, stealth);
    else this.applyChanges(changes.added, changes.removed);
  }

  /** False when nothing is to be drawn (stealth, or marks turned off). */
  private setStyle(style: MarkStyle, stealth: boolean): boolean {
    const visible: VisibleMarkStyle | null = stealth || style === 'none' ? null : style;
    if (visible !== this.style) {
      this.clear();
      this.style = visible;
    }
    return visible !== null;
  }

  private applyChanges(added: readonly Mention[], removed: readonly Mention[]): void {
    const touched = new Set<CategoryId>();
    for (const mention of removed) {
      if (!this.painted.delete(mention)) continue;
      this.highlightFor(mention.category).delete(this.rangeFor(mention));
      touched.add(mention.category);
    }
    for (const mention of added) {
      if (this.painted.has(mention)) continue;
      this.painted.add(mention);
      this.highlightFor(mention.category).add(this.rangeFor(mention));
      touched.add(mention.category);
    }
    const style = this.style;
    if (style === null) return;
    for (const category of touched) {
      const highlight = this.highlightFor(category);
      const name = highlightName(this.token, category, style);
      if (highlight.size > 0 && !this.registered.has(category)) {
        this.env.registry.set(name, highlight);
        this.registered.add(category);
      } else if (highlight.size === 0 && this.registered.has(category)) {
        this.env.registry.delete(name);
        this.registered.delete(category);
      }
    }
  }

  /** Unregisters every highlight of ours. */
  clear(): void {
    if (this.style !== null) {
      for (const category of this.registered) {
        this.env.registry.delete(highlightName(this.token, category, this.style));
      }
    }
    this.registered.clear();
    this.highlights.clear();
    this.painted = new Set();
  }

  private highlightFor(category: CategoryId): H {
    let highlight = this.highlights.get(category);
    if (highlight === undefined) {
      highlight = this.env.createHighlight();
      this.highlights.set(category, highlight);
    }
    return highlight;
  }

  private rangeFor(mention: Mention): AbstractRange {
    let range = this.ranges.get(mention);
    if (range === undefined) {
      range = this.env.createRange(mention);
      this.ranges.set(mention, range);
    }
    return range;
  }
}
