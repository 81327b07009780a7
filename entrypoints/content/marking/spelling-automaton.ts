/**
 * Finds many spellings in one pass over a text (Aho-Corasick), for a reader's own terms, which can
 * number thousands. A RegExp per few hundred spellings cost one more pass over the page each (the
 * tries this replaced: 5,000 spellings 3x the bundled glossary alone); this reads each character
 * once whatever the number of spellings. See docs/performance.md, "Your terms".
 *
 * Pure; no browser globals. Keys are the matcher's normalised spellings (one space per whitespace
 * run, ' for ’, - for the hyphens) and match what its patterns match:
 * - the text is read folded as it goes: a whitespace run is one space, ’ is ', U+2010/U+2011 are -,
 *   and a letter is its lower case (only where upper and lower are one code unit each, as the
 *   matcher's case classes do). Case rules are the caller's: it checks each span it is offered;
 * - a spelling whose first (last) character is a word character ([A-Za-z0-9_], JS `\b` without
 *   `u`) needs a non-word character or the text's edge before (after) it.
 *
 * `next` returns the leftmost span the caller accepts from a position, the longest there.
 */

const WORD = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_') {
  WORD[ch.charCodeAt(0)] = 1;
}

/** The code units JS `\s` matches (a unit test checks the list against the RegExp). */
export const WHITESPACE_UNITS: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

const isWordAt = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index);
  // NaN past either end: not a word character.
  return code < 128 && WORD[code] === 1;
};

/** Lower case of one code unit, where it is one code unit too; else the unit itself. */
function foldUnit(unit: string): string {
  const lower = unit.toLowerCase();
  return lower.length === 1 ? lower : unit;
}

/** The code units read as `folded`: itself and its upper case (one unit that folds back). */
function variantsOf(folded: string): number[] {
  if (folded === ' ') return [...WHITESPACE_UNITS];
  const units = [folded.charCodeAt(0)];
  if (folded === "'") units.push(0x2019);
  if (folded === '-') units.push(0x2010, 0x2011);
  const upper = folded.toUpperCase();
  if (upper.length === 1 && upper !== folded && foldUnit(upper) === folded) {
    units.push(upper.charCodeAt(0));
  }
  return units;
}

const NO_STATE = -1;
/**
 * At most this many entries (4 bytes each) of complete transition rows. States get a row
 * shallowest first: the text is read mostly in the shallow states, where a search of the children
 * cost ten comparisons per character. A large alphabet (thousands of Chinese spellings) would
 * otherwise make rows of thousands of entries for every state.
 */
const DENSE_BUDGET = 1 << 16;
const FIRST_IS_WORD = 1;
const LAST_IS_WORD = 2;
const HAS_SPACE = 4;

/**
 * Whether the caller takes a span the automaton found: false when its case rule does not accept
 * the text as written.
 */
export type AcceptSpan = (start: number, end: number) => boolean;

export interface Span {
  start: number;
  end: number;
}

/**
 * A transition's value: the target state shifted left once, its low bit set where a spelling ends
 * at the target or down its fail chain, so the scan learns both from one read.
 */
const target = (value: number): number => value >> 1;

export class SpellingAutomaton {
  /** Code unit → symbol; 0 for a unit no spelling contains. */
  private readonly symbolOf = new Int32Array(0x10000);
  /** Symbol of the folded space, or 0 when no spelling has one. */
  private readonly spaceSymbol: number;
  /** Complete rows of transition values (fail links already followed), one entry per symbol. */
  private readonly dense: Int32Array;
  /** States 0 to rows - 1 have a row in `dense`, `width` entries each. */
  private readonly rows: number;
  private readonly width: number;
  /** Transitions of the other states: `childCount` values from `childStart`. */
  private readonly childStart: Int32Array;
  private readonly childCount: Int32Array;
  private readonly childSymbol: Int32Array;
  private readonly childValue: Int32Array;
  private readonly fail: Int32Array;
  /** Normalised length of the spelling ending at a state; 0 where none does. */
  private readonly keyLength: Int32Array;
  /** The next state down the fail chain where a spelling ends, or NO_STATE. */
  private readonly outputLink: Int32Array;
  /** Per state: a space on its path (HAS_SPACE); where a spelling ends, its word ends. */
  private readonly flags: Uint8Array;
  /** Normalised length of a state's path from the root. */
  private readonly depth: Int32Array;

  constructor(keys: Iterable<string>) {
    // Symbols first, so that a trie edge can be one number: parent * width + symbol.
    const spellings: number[][] = [];
    const flagsOfKey: number[] = [];
    let symbols = 0;
    for (const key of keys) {
      if (key === '') continue;
      const path: number[] = [];
      for (let i = 0; i < key.length; i++) {
        const unit = foldUnit(key.charAt(i));
        let symbol = this.symbolOf[unit.charCodeAt(0)] ?? 0;
        if (symbol === 0) {
          symbol = ++symbols;
          for (const variant of variantsOf(unit)) {
            if (this.symbolOf[variant] === 0) this.symbolOf[variant] = symbol;
          }
        }
        path.push(symbol);
      }
      spellings.push(path);
      flagsOfKey.push(
        (isWordAt(key, 0) ? FIRST_IS_WORD : 0) | (isWordAt(key, key.length - 1) ? LAST_IS_WORD : 0),
      );
    }
    const width = symbols + 1;
    this.width = width;
    this.spaceSymbol = this.symbolOf[0x20] ?? 0;

    // The trie, in plain arrays: one map of edges, and each node's children as a linked list.
    const edges = new Map<number, number>();
    const firstChild: number[] = [NO_STATE];
    const nextSibling: number[] = [NO_STATE];
    const symbolIn: number[] = [0];
    const keyLength: number[] = [0];
    const flags: number[] = [0];
    const depth: number[] = [0];
    spellings.forEach((path, k) => {
      let state = 0;
      for (let i = 0; i < path.length; i++) {
        const symbol = path[i] ?? 0;
        const edge = state * width + symbol;
        const next = edges.get(edge);
        if (next !== undefined) {
          state = next;
          continue;
        }
        const child = firstChild.length;
        edges.set(edge, child);
        firstChild.push(NO_STATE);
        nextSibling.push(firstChild[state] ?? NO_STATE);
        firstChild[state] = child;
        symbolIn.push(symbol);
        keyLength.push(0);
        flags.push(symbol === this.spaceSymbol ? HAS_SPACE : (flags[state] ?? 0) & HAS_SPACE);
        depth.push(i + 1);
        state = child;
      }
      keyLength[state] = path.length;
      flags[state] = (flags[state] ?? 0) | (flagsOfKey[k] ?? 0);
    });

    // Fail and output links breadth first: a state's fail link is its longest proper suffix that
    // is a trie path, found from its parent's.
    const states = firstChild.length;
    const fail = new Int32Array(states);
    const outputLink = new Int32Array(states).fill(NO_STATE);
    const order = new Int32Array(states);
    let queued = 1;
    for (let head = 0; head < queued; head++) {
      const state = order[head] ?? 0;
      const link = fail[state] ?? 0;
      if (state !== 0) {
        outputLink[state] = (keyLength[link] ?? 0) > 0 ? link : (outputLink[link] ?? NO_STATE);
      }
      for (let child = firstChild[state] ?? NO_STATE; child !== NO_STATE; ) {
        if (state !== 0) {
          const symbol = symbolIn[child] ?? 0;
          let back = link;
          while (back !== 0 && !edges.has(back * width + symbol)) back = fail[back] ?? 0;
          fail[child] = edges.get(back * width + symbol) ?? 0;
        }
        order[queued++] = child;
        child = nextSibling[child] ?? NO_STATE;
      }
    }

    // States are numbered again in breadth-first order, so that those with a complete row (the
    // shallowest) are 0 to rows - 1, and the scan tells them apart with one comparison.
    const idOf = new Int32Array(states);
    for (let id = 0; id < states; id++) idOf[order[id] ?? 0] = id;
    const transitionTo = (state: number): number =>
      ((idOf[state] ?? 0) << 1) |
      ((keyLength[state] ?? 0) > 0 || outputLink[state] !== NO_STATE ? 1 : 0);
    this.keyLength = new Int32Array(states);
    this.flags = new Uint8Array(states);
    this.depth = new Int32Array(states);
    this.fail = new Int32Array(states);
    this.outputLink = new Int32Array(states);
    this.childStart = new Int32Array(states);
    this.childCount = new Int32Array(states);
    this.childSymbol = new Int32Array(states - 1);
    this.childValue = new Int32Array(states - 1);
    this.rows = Math.max(1, Math.min(states, Math.floor(DENSE_BUDGET / width)));
    this.dense = new Int32Array(width * this.rows);
    let edge = 0;
    for (let id = 0; id < states; id++) {
      const state = order[id] ?? 0;
      this.keyLength[id] = keyLength[state] ?? 0;
      this.flags[id] = flags[state] ?? 0;
      this.depth[id] = depth[state] ?? 0;
      const link = idOf[fail[state] ?? 0] ?? 0;
      this.fail[id] = link;
      const output = outputLink[state] ?? NO_STATE;
      this.outputLink[id] = output === NO_STATE ? NO_STATE : (idOf[output] ?? 0);
      // The first states get a complete row: their fail link is shallower, so its row is done
      // already, and theirs starts as a copy of it.
      const row = id < this.rows ? width * id : -1;
      if (row > 0) this.dense.copyWithin(row, width * link, width * link + width);
      this.childStart[id] = edge;
      for (let child = firstChild[state] ?? NO_STATE; child !== NO_STATE; ) {
        const symbol = symbolIn[child] ?? 0;
        const value = transitionTo(child);
        this.childSymbol[edge] = symbol;
        this.childValue[edge] = value;
        edge++;
        if (row >= 0) this.dense[row + symbol] = value;
        child = nextSibling[child] ?? NO_STATE;
      }
      this.childCount[id] = edge - (this.childStart[id] ?? 0);
    }
  }

  /**
   * The best span starting at or after `from`: leftmost, then longest. Null when there is none.
   * `accept` is asked only about spans whose word boundaries hold, and the span returned is the
   * last one it took (so the caller need not look its span up again).
   */
  next(text: string, from: number, accept: AcceptSpan): Span | null {
    return this.scan(text, from, accept, false);
  }

  /** Whether the text holds any span `accept` takes; stops at the first. */
  has(text: string, accept: AcceptSpan): boolean {
    return this.scan(text, 0, accept, true) !== null;
  }

  private scan(text: string, from: number, accept: AcceptSpan, first: boolean): Span | null {
    const { symbolOf, dense, rows, width, childStart, childCount, childSymbol, childValue, fail } =
      this;
    const { keyLength, outputLink, flags, depth, spaceSymbol } = this;
    let best: Span | null = null;
    let state = 0;
    for (let i = from; i < text.length; i++) {
      const symbol = symbolOf[text.charCodeAt(i)] ?? 0;
      if (symbol === 0) {
        // Back at the root: nothing that starts before here can still end later.
        if (best !== null) return best;
        state = 0;
        continue;
      }
      if (symbol === spaceSymbol && i > from && symbolOf[text.charCodeAt(i - 1)] === symbol) {
        continue;
      }
      // The transition, inline: this loop runs on every character of the page.
      let value = 0;
      for (;;) {
        if (state < rows) {
          value = dense[state * width + symbol] ?? 0;
          break;
        }
        const start = childStart[state] ?? 0;
        const end = start + (childCount[state] ?? 0);
        let e = start;
        while (e < end && childSymbol[e] !== symbol) e++;
        if (e < end) {
          value = childValue[e] ?? 0;
          break;
        }
        state = fail[state] ?? 0;
      }
      state = target(value);
      if ((value & 1) !== 0) {
        let out = (keyLength[state] ?? 0) > 0 ? state : (outputLink[state] ?? NO_STATE);
        for (; out !== NO_STATE; out = outputLink[out] ?? NO_STATE) {
          const shape = flags[out] ?? 0;
          if ((shape & LAST_IS_WORD) !== 0 && isWordAt(text, i + 1)) continue;
          const start = startOf(text, i, keyLength[out] ?? 0, shape);
          if ((shape & FIRST_IS_WORD) !== 0 && isWordAt(text, start - 1)) continue;
          // A span found later that starts no later ends later: it is longer.
          if (best !== null && start > best.start) continue;
          if (!accept(start, i + 1)) continue;
          best = { start, end: i + 1 };
          if (first) return best;
        }
      }
      // The state is the longest text read that some spelling begins with: once it begins after
      // the best span's start, no span still to come starts before it.
      if (best !== null && startOf(text, i, depth[state] ?? 0, flags[state] ?? 0) > best.start) {
        return best;
      }
    }
    return best;
  }
}

/**
 * Where `length` normalised units ending at `last` start; `shape` says whether a space is among
 * them (a run of whitespace in the text counts once).
 */
function startOf(text: string, last: number, length: number, shape: number): number {
  if ((shape & HAS_SPACE) === 0) return last + 1 - length;
  let i = last;
  for (let left = length; left > 1; left--) {
    if (isSpaceAt(text, i)) while (isSpaceAt(text, i - 1)) i--;
    i--;
  }
  return i;
}
const WHITESPACE = new Set(WHITESPACE_UNITS);
const isSpaceAt = (text: string, index: number): boolean => WHITESPACE.has(text.charCodeAt(index));
