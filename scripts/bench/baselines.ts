/**
 * The comparison runs: mark.js (injected separately as `window.Mark`, exactly the published
 * 8.11.1 build) and the floor, a bare text-node walk running the combined RegExp.
 */
import type { MarkJsTermCall } from './comparison-patterns';

interface MarkJsDoneOptions {
  done(marks: number): void;
}

interface MarkJs {
  markRegExp(regexp: RegExp, options: MarkJsDoneOptions): void;
  mark(terms: string[], options: MarkJsTermCall['options'] & MarkJsDoneOptions): void;
}

type MarkJsConstructor = new (context: Element) => MarkJs;

export interface TimedCount {
  ms: number;
  marks: number;
}

function markJs(): MarkJsConstructor {
  const Mark = (globalThis as { Mark?: MarkJsConstructor }).Mark;
  if (!Mark) throw new Error('mark.js is not loaded in this page');
  return Mark;
}

/** mark.js calls `done` synchronously at the end of its work; it never yields. */
export function runMarkRegExp(regexp: RegExp): TimedCount {
  const Mark = markJs();
  let marks = 0;
  const start = performance.now();
  new Mark(document.body).markRegExp(regexp, {
    done(total) {
      marks = total;
    },
  });
  return { ms: performance.now() - start, marks };
}

export function runMarkTerms(calls: readonly MarkJsTermCall[]): TimedCount {
  const Mark = markJs();
  let marks = 0;
  const start = performance.now();
  const instance = new Mark(document.body);
  for (const call of calls) {
    instance.mark(call.terms, {
      ...call.options,
      done(total) {
        marks += total;
      },
    });
  }
  return { ms: performance.now() - start, marks };
}

export interface FloorResult extends TimedCount {
  textNodes: number;
  chars: number;
}

/** Reads every text node and runs the RegExp over it; marks nothing. */
export function runFloor(regexp: RegExp): FloorResult {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  let marks = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    textNodes++;
    chars += text.length;
    regexp.lastIndex = 0;
    while (regexp.exec(text) !== null) marks++;
  }
  return { ms: performance.now() - start, marks, textNodes, chars };
}

export interface StructureFloorResult extends FloorResult {
  elements: number;
  /** Elements with any attribute: those whose class, id or role a detector goes on to read. */
  attributedElements: number;
  links: number;
  /** How often the walk moved on to a node with another parent. */
  parentChanges: number;
}

/**
 * The structure floor: what the least reading of a page's structure costs. Any detector that
 * decides which part of a page is the story (item 1 of #10) must know which element each text lies
 * in, so it visits elements as well as text: this walk reads each node's parent, each element's tag
 * and whether it has attributes, and runs the RegExp over each text, as the floor does. It keeps
 * nothing, scores nothing and marks nothing.
 */
export function runStructureFloor(regexp: RegExp): StructureFloorResult {
  const start = performance.now();
  const walker = document.createTreeWalker(
    document.body,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
  );
  let textNodes = 0;
  let chars = 0;
  let marks = 0;
  let elements = 0;
  let attributedElements = 0;
  let links = 0;
  let lastParent: Node | null = null;
  let parentChanges = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    // A detector follows where each node lies (ours keeps a stack of open elements by parent).
    const parent = node.parentNode;
    if (parent !== lastParent) {
      lastParent = parent;
      parentChanges++;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node as Text).data;
      textNodes++;
      chars += text.length;
      regexp.lastIndex = 0;
      while (regexp.exec(text) !== null) marks++;
    } else {
      // What a detector asks of every element: its tag, and whether it has names to read.
      elements++;
      if ((node as Element).localName === 'a') links++;
      if ((node as Element).hasAttributes()) attributedElements++;
    }
  }
  const ms = performance.now() - start;
  return { ms, marks, textNodes, chars, elements, attributedElements, links, parentChanges };
}
