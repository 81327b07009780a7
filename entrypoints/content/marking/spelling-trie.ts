/**
 * RegExp sources for many spellings at once, written as a trie: "Plan X" and "Plan Y" become
 * `\bPlan\s+(?:X|Y)\b`. A reader's own terms can number thousands, and V8 tries a flat alternation
 * branch by branch at every position of the text (5,000 spellings: 30x the time of the bundled
 * glossary alone), while a trie tries at most one branch per character. See docs/performance.md.
 *
 * Each spelling is the matcher's normalised key (one space per whitespace run, ' for ’, - for the
 * hyphens), and matches the same variants the matcher's own pattern accepts. Pure; no RegExp is
 * built here.
 *
 * Longest match: at a node the branches that go on are tried before ending there, so at a start
 * position the regex returns the longest spelling that matches. Boundaries follow the matcher's
 * rule: a word character at either end of a spelling needs a word boundary on that side.
 */

const WORD_CHAR = /[A-Za-z0-9_]/;
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/;

interface TrieNode {
  children: Map<string, TrieNode>;
  /** A spelling ends here. */
  terminal: boolean;
  /** Emitted source length of this subtree, computed once. */
  size: number;
}

function newNode(): TrieNode {
  return { children: new Map(), terminal: false, size: 0 };
}

/** The pattern of one code unit of a key. */
function unitPattern(unit: string): string {
  if (unit === ' ') return '\\s+';
  if (unit === "'") return "['’]";
  if (unit === '-') return '[-\\u2010\\u2011]';
  const code = unit.charCodeAt(0);
  // Surrogate halves (astral characters without the `u` flag) and other non-ASCII: escaped, so
  // the source stays plain ASCII.
  if (code > 0x7e || code < 0x20) return `\\u${code.toString(16).padStart(4, '0')}`;
  return REGEX_SPECIAL.test(unit) ? `\\${unit}` : unit;
}

function endCheck(unit: string): string {
  return WORD_CHAR.test(unit) ? '\\b' : '';
}

function insert(root: TrieNode, key: string): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const unit = key.charAt(i);
    let child = node.children.get(unit);
    if (!child) {
      child = newNode();
      node.children.set(unit, child);
    }
    node = child;
  }
  node.terminal = true;
}

/**
 * The alternatives after `unit` (the character that led to `node`): every child branch, then,
 * where a spelling ends here, the end check. Sizes are memoised so splitting is linear.
 */
function emitBody(node: TrieNode, unit: string): string {
  const parts: string[] = [];
  for (const [childUnit, child] of node.children) {
    parts.push(unitPattern(childUnit) + emitBody(child, childUnit));
  }
  let out: string;
  if (parts.length === 0) {
    out = node.terminal ? endCheck(unit) : '';
  } else if (!node.terminal) {
    out = parts.length === 1 ? (parts[0] ?? '') : `(?:${parts.join('|')})`;
  } else {
    const end = endCheck(unit);
    out = end === '' ? `(?:${parts.join('|')})?` : `(?:${parts.join('|')}|${end})`;
  }
  node.size = out.length;
  return out;
}

/**
 * Sources for `keys`, each at most `maxSource` characters where the keys allow it (one key is
 * never split). Several sources must be run and merged by the caller, leftmost then longest.
 */
export function trieSources(keys: Iterable<string>, maxSource: number): string[] {
  const root = newNode();
  for (const key of keys) if (key !== '') insert(root, key);
  if (root.children.size === 0) return [];
  emitBody(root, '');
  const pieces: string[] = [];
  for (const [unit, child] of root.children) {
    const start = WORD_CHAR.test(unit) ? '\\b' : '';
    collect(pieces, `${start}${unitPattern(unit)}`, child, unit, maxSource);
  }
  return pack(pieces, maxSource);
}

/** Alternatives, each a complete branch from the root; a subtree too large is split below it. */
function collect(
  out: string[],
  prefix: string,
  node: TrieNode,
  unit: string,
  maxSource: number,
): void {
  if (prefix.length + node.size <= maxSource || node.children.size === 0) {
    out.push(prefix + emitBody(node, unit));
    return;
  }
  // Longer branches first, then the spelling that ends here: within one regex order matters.
  for (const [childUnit, child] of node.children) {
    collect(out, prefix + unitPattern(childUnit), child, childUnit, maxSource);
  }
  if (node.terminal) out.push(prefix + endCheck(unit));
}

/** Groups branches into as few sources as fit. */
function pack(pieces: readonly string[], maxSource: number): string[] {
  const sources: string[] = [];
  let group: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    if (group.length > 0 && size + piece.length + 1 > maxSource) {
      sources.push(group.join('|'));
      group = [];
      size = 0;
    }
    group.push(piece);
    size += piece.length + 1;
  }
  if (group.length > 0) sources.push(group.join('|'));
  return sources;
}
