import type { HighlightSet } from '../../../entrypoints/content/marking/highlight-painter';

/** A `Highlight` stand-in: happy-dom has no CSS Custom Highlight API. */
export class FakeHighlight implements HighlightSet {
  readonly ranges = new Set<AbstractRange>();
  add(range: AbstractRange) {
    this.ranges.add(range);
  }
  delete(range: AbstractRange) {
    return this.ranges.delete(range);
  }
  get size() {
    return this.ranges.size;
  }
}

/** A range over one text node, as the painter asks for (happy-dom has no StaticRange). */
export function fakeRange({ node, start, end }: { node: Text; start: number; end: number }) {
  return {
    startContainer: node,
    startOffset: start,
    endContainer: node,
    endOffset: end,
  } as unknown as AbstractRange;
}
