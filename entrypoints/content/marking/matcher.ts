/**
 * Finds alias mentions in plain text. Pure TypeScript, no browser globals: the content script runs
 * it on every text node, the tests run it in Node.
 *
 * Strategy (measured in V8, see the shared browser-facts notes, "Matching text fast"): all aliases go
 * into ONE combined RegExp with the `g` flag only. No `u` (2-7x slower; Chinese in the BMP matches
 * without it) and no `i` (case rules are per alias, so case variants are spelled out instead, which
 * also measured faster than `gi` + verification). Word boundaries sit outside the alternation so V8
 * can factor the plain-literal branches into a trie. A hit is mapped back to its alias row with a
 * Map lookup on the normalized matched text.
 *
 * Matching rules:
 * - An alias whose first (last) character is a word character needs a word boundary before (after)
 *   it, so "YouTube" does not match inside "YouTuber". Word characters are those of JS `\b` without
 *   `u`: [A-Za-z0-9_]. Everything else, CJK included, is a boundary, so "使用VPN翻墙" matches both
 *   "VPN" and "翻墙"; so does an accented letter ("Toré" contains "Tor"), accepted because
 *   accent-aware lookarounds measured ~35% slower. Chinese aliases thus match anywhere.
 * - Case: `proper` = as written or the whole alias upper-cased; `exact` = as written; `insensitive` =
 *   any case.
 * - A run of whitespace in an alias matches any run of whitespace (incl. U+00A0, newlines); an
 *   apostrophe matches ' or ’; a hyphen matches -, U+2010 or U+2011.
 * - Inflection (`inflect`, Latin aliases ending in a word character): the mark covers a plural "s"
 *   and a possessive "'s"/"’s" ("VPNs", "Twitter’s"). For a plural possessive ("VPNs'") the trailing
 *   apostrophe is NOT covered: it cannot be told apart from a closing single quote ('I use VPNs').
 *   The upper-case "S" is accepted only after an all-caps spelling ("VPNS", "TWITTER'S") or for
 *   `insensitive` aliases. Without `inflect`, "GFW's" still matches "GFW" (the apostrophe is a word
 *   boundary) but "VPNs" does not match "VPN".
 * - Overlaps: leftmost match first; at one position the alias with the longest (normalized) text
 *   wins, ties going to the earlier row; the matcher then continues after the match.
 *
 * Pattern size: V8 stops optimising a pattern over ~20 KB of source, so when the aliases would need
 * more, they are split over several RegExps whose hits are merged with the same leftmost/longest
 * rule (slower but correct, and never a throw: user imports must not break page marking).
 */

import type {
  AliasCase,
  CategoryId,
  MatcherAlias,
  MatcherData,
} from '../../../common/glossary-types';
import { type LinkedPlatform, withPlatforms } from './platform-matcher';
import { type AcceptSpan, SpellingAutomaton } from './spelling-automaton';

export interface Match {
  /** UTF-16 offsets into the searched text; `end` is exclusive. */
  start: number;
  end: number;
  id: string;
  category: CategoryId;
}

export interface Matcher {
  readonly version: string;
  /** All non-overlapping matches, in text order. */
  findAll(text: string): readonly Match[];
  /**
   * Cheap rejection: false means `findAll` would return nothing. A plain function, not a method:
   * the scanner calls it unbound from its hot loop.
   */
  readonly test: (text: string) => boolean;
  /** The enabled blocked platform a link's address goes to, if any (platform-matcher.ts). */
  readonly linkedPlatform?: (href: string) => LinkedPlatform | undefined;
  /** The page links to this platform: a link to x.com says which X the page means. */
  notePlatformLink?(id: string): void;
}

const NO_MATCHES: readonly Match[] = Object.freeze([]);

/** Kept below V8's ~20 KB optimisation limit with some margin. */
export const MAX_PATTERN_SOURCE = 18_000;

const WORD_CHAR = /[A-Za-z0-9_]/;
const WS_RUN = /\s+/g;
const NEEDS_NORMALIZING = /[\s’\u2010\u2011]/;
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/;

type SuffixKind = 'none' | 'lower' | 'any';

const SUFFIX_PATTERN: Record<SuffixKind, string> = {
  none: '',
  lower: "(?:s|['’]s)?",
  any: "(?:[sS]|['’][sS])?",
};

interface Row {
  id: string;
  category: CategoryId;
  case: AliasCase;
  /** Inflection allowed: the row asked for it and its last character is a word character. */
  inflect: boolean;
  /** Position in the priority order (longest normalized text first, then data order). */
  order: number;
  /** Trimmed alias text. */
  text: string;
  /** `normalize(text)`. */
  key: string;
  startBoundary: boolean;
  endBoundary: boolean;
  /** Alternation depth: 0 for aliases no other alias extends; deeper ones must be tried later. */
  level: number;
}

interface Branch {
  row: Row;
  source: string;
  suffix: SuffixKind;
}

/** Canonical spelling used for Map keys: one space per whitespace run, ' for ’, - for hyphens. */
function normalize(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text;
  return text
    .replace(WS_RUN, ' ')
    .replace(/’/g, "'")
    .replace(/[\u2010\u2011]/g, '-');
}

function fold(text: string): string {
  return text.toLowerCase();
}

export function isAllCaps(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

/**
 * Pattern for one alias spelling; `anyCase` emits a [xX] class per cased letter. Exported for the
 * bench, whose baselines must find exactly the spellings the matcher finds.
 */
export function spellingPattern(spelling: string, anyCase: boolean): string {
  let out = '';
  let inSpace = false;
  for (const ch of spelling) {
    if (/\s/.test(ch)) {
      if (!inSpace) out += '\\s+';
      inSpace = true;
      continue;
    }
    inSpace = false;
    if (ch === "'" || ch === '’') out += "['’]";
    else if (ch === '-' || ch === '\u2010' || ch === '\u2011') out += '[-\\u2010\\u2011]';
    else if (ch.length > 1) {
      // Astral characters: without the `u` flag they are two code units; escape both.
      for (let i = 0; i < ch.length; i++)
        out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    } else if (anyCase) {
      out += caseClass(ch);
    } else {
      out += REGEX_SPECIAL.test(ch) ? `\\${ch}` : ch;
    }
  }
  return out;
}

function caseClass(ch: string): string {
  const lower = ch.toLowerCase();
  // Only variants that fold back to the same lower case, so the Map lookup (by fold) agrees.
  const set = new Set<string>();
  for (const v of [ch, lower, ch.toUpperCase()]) {
    if (v.length === 1 && v.toLowerCase() === lower) set.add(v);
  }
  if (set.size === 1) return REGEX_SPECIAL.test(ch) ? `\\${ch}` : ch;
  return `[${[...set].join('')}]`;
}

/** `levels`: only the RegExp patterns need them; the reader's spellings' automaton does not. */
function prepareRows(aliases: readonly MatcherAlias[], levels = true): Row[] {
  const rows: Row[] = [];
  aliases.forEach((alias, index) => {
    const text = alias.text.trim();
    if (text === '') return;
    const endBoundary = WORD_CHAR.test(text[text.length - 1] ?? '');
    rows.push({
      id: alias.id,
      category: alias.category,
      case: alias.case,
      inflect: alias.inflect && endBoundary,
      order: index,
      text,
      key: normalize(text),
      startBoundary: WORD_CHAR.test(text[0] ?? ''),
      endBoundary,
      level: 0,
    });
  });
  // Stable sort keeps data order among equal lengths.
  rows.sort((a, b) => b.key.length - a.key.length || a.order - b.order);
  rows.forEach((row, i) => {
    row.order = i;
  });
  if (levels) assignLevels(rows);
  return rows;
}

/**
 * Regex alternation is ordered, not longest-match, so an alias must come before every alias that
 * is a prefix of it (case-folded; equal texts count, in data order). Rather than one flat sorted
 * list, aliases get a level so that each level can be split freely into groups sharing a boundary
 * and suffix shape, which keeps `\b` out of the individual branches.
 */
function assignLevels(rows: Row[]): void {
  const byFolded = new Map<string, Row[]>();
  for (const row of rows) {
    const k = fold(row.key);
    const list = byFolded.get(k);
    if (list) list.push(row);
    else byFolded.set(k, [row]);
  }
  // Rows are in priority order, so every extender of a row is final before the row is reached.
  for (const row of rows) {
    const k = fold(row.key);
    for (let len = 1; len <= k.length; len++) {
      const shorter = byFolded.get(k.slice(0, len));
      if (!shorter) continue;
      for (const other of shorter) {
        if (other.order > row.order && other.level <= row.level) other.level = row.level + 1;
      }
    }
  }
}

function branchesOf(row: Row): Branch[] {
  const inflected = (spelling: string): SuffixKind =>
    !row.inflect ? 'none' : row.case === 'insensitive' || isAllCaps(spelling) ? 'any' : 'lower';
  if (row.case === 'insensitive') {
    return [{ row, source: spellingPattern(row.text, true), suffix: inflected(row.text) }];
  }
  const spellings = [row.text];
  if (row.case === 'proper') {
    const upper = row.text.toUpperCase();
    if (upper !== row.text) spellings.push(upper);
  }
  return spellings.map((s) => ({ row, source: spellingPattern(s, false), suffix: inflected(s) }));
}

function buildSource(rows: readonly Row[]): string {
  // Group key: level, boundaries, suffix. Groups come out level by level.
  const groups = new Map<string, Branch[]>();
  const branches = rows.flatMap(branchesOf);
  branches.sort((a, b) => a.row.level - b.row.level || a.row.order - b.row.order);
  for (const b of branches) {
    const gk = `${b.row.level}|${b.row.startBoundary ? 1 : 0}${b.row.endBoundary ? 1 : 0}|${b.suffix}`;
    const list = groups.get(gk);
    if (list) list.push(b);
    else groups.set(gk, [b]);
  }
  const top: string[] = [];
  let wordRun: string[] = [];
  const flushWordRun = (): void => {
    if (wordRun.length > 0) top.push(`\\b(?:${wordRun.join('|')})\\b`);
    wordRun = [];
  };
  for (const list of groups.values()) {
    const first = list[0];
    if (!first) continue;
    const alternation = `(?:${list.map((b) => b.source).join('|')})${SUFFIX_PATTERN[first.suffix]}`;
    if (first.row.startBoundary && first.row.endBoundary) {
      wordRun.push(alternation);
      continue;
    }
    flushWordRun();
    top.push(
      `${first.row.startBoundary ? '\\b' : ''}${alternation}${first.row.endBoundary ? '\\b' : ''}`,
    );
  }
  flushWordRun();
  return top.join('|');
}

function buildSources(rows: readonly Row[]): string[] {
  if (rows.length === 0) return [];
  const source = buildSource(rows);
  if (source.length <= MAX_PATTERN_SOURCE || rows.length === 1) return [source];
  const half = Math.ceil(rows.length / 2);
  return [...buildSources(rows.slice(0, half)), ...buildSources(rows.slice(half))];
}

/** How many distinct hit spellings the resolver remembers. */
const RESOLVED_CACHE_SIZE = 512;

/** Lookup tables from a matched spelling back to the rows that accept it. */
class Resolver {
  /** normalize(spelling) → rows, for `exact` and `proper` spellings. */
  private readonly cased = new Map<string, Row[]>();
  /** fold(normalize(text)) → rows, for `insensitive` aliases. */
  private readonly uncased = new Map<string, Row[]>();

  constructor(rows: readonly Row[]) {
    for (const row of rows) {
      if (row.case === 'insensitive') {
        add(this.uncased, fold(row.key), row);
        continue;
      }
      add(this.cased, row.key, row);
      if (row.case === 'proper') {
        const upper = normalize(row.text.toUpperCase());
        if (upper !== row.key) add(this.cased, upper, row);
      }
    }
  }

  /** Hits seen before: a page repeats a few spellings ("VPN", "Twitter") many times. */
  private readonly seen = new Map<string, Row | null>();

  /** The highest-priority row that accepts `matched` (a whole regex hit), or undefined. */
  resolve(matched: string): Row | undefined {
    const known = this.seen.get(matched);
    if (known !== undefined) return known ?? undefined;
    const row = this.lookup(matched);
    // Whitespace variants make the spellings unbounded in principle; the cache is not.
    if (this.seen.size >= RESOLVED_CACHE_SIZE) this.seen.clear();
    this.seen.set(matched, row ?? null);
    return row;
  }

  private lookup(matched: string): Row | undefined {
    const key = normalize(matched);
    const whole = this.best(key, 0);
    if (whole) return whole;
    const last = key.charCodeAt(key.length - 1);
    if (last !== 115 /* s */ && last !== 83 /* S */) return undefined;
    const beforeLast = key.charCodeAt(key.length - 2);
    // normalize() has already turned ’ into '.
    const suffixLength = beforeLast === 39 /* ' */ ? 2 : 1;
    return this.best(key.slice(0, key.length - suffixLength), last);
  }

  /** `suffixLetter` is 0 without a suffix, else the char code of the suffix's s/S. */
  private best(key: string, suffixLetter: number): Row | undefined {
    const cased = pick(this.cased.get(key), key, suffixLetter);
    // Skip the toLowerCase() allocation on every hit when no alias needs it.
    if (this.uncased.size === 0) return cased;
    const uncased = pick(this.uncased.get(fold(key)), key, suffixLetter);
    if (!cased) return uncased;
    return uncased && uncased.order < cased.order ? uncased : cased;
  }
}

/** First row (lists are in priority order) that accepts the suffix, if any. */
function pick(rows: Row[] | undefined, base: string, suffixLetter: number): Row | undefined {
  if (!rows) return undefined;
  for (const row of rows) {
    if (suffixLetter === 0) return row;
    if (!row.inflect) continue;
    // An upper-case S only after an all-caps spelling, as in the pattern's suffix groups.
    if (suffixLetter === 83 && row.case !== 'insensitive' && !isAllCaps(base)) continue;
    return row;
  }
  return undefined;
}

function add(map: Map<string, Row[]>, key: string, row: Row): void {
  const list = map.get(key);
  // Rows arrive in priority order, so each list stays sorted by `order`.
  if (list) list.push(row);
  else map.set(key, [row]);
}

export function compileMatcher(data: MatcherData): Matcher {
  const own = data.aliases.filter((alias) => alias.own === true);
  const names =
    own.length > 0
      ? compileWithOwn(
          data.version,
          data.aliases.filter((alias) => alias.own !== true),
          own,
        )
      : compileBundled(data);
  return withPlatforms(names, data.aliases);
}

function compileBundled(data: MatcherData): Matcher {
  const rows = prepareRows(data.aliases);
  const resolver = new Resolver(rows);
  const regexes = buildSources(rows).map((source) => new RegExp(source, 'g'));
  const version = data.version;

  const test = (text: string): boolean => {
    for (const re of regexes) {
      re.lastIndex = 0;
      if (re.test(text)) return true;
    }
    return false;
  };

  const single = regexes[0];
  if (regexes.length === 1 && single) {
    return {
      version,
      // No loop over one RegExp: this runs on every text node of the page, mostly cold.
      test: (text: string): boolean => {
        single.lastIndex = 0;
        return single.test(text);
      },
      findAll(text: string): readonly Match[] {
        // Most text has no mention: V8's `test` says so for less than `exec` (measured on every
        // text node of a page), and no array is made for it.
        single.lastIndex = 0;
        if (!single.test(text)) return NO_MATCHES;
        single.lastIndex = 0;
        let m: RegExpExecArray | null = single.exec(text);
        const out: Match[] = [];
        while (m !== null) {
          const row = resolver.resolve(m[0]);
          if (row) {
            out.push({
              start: m.index,
              end: m.index + m[0].length,
              id: row.id,
              category: row.category,
            });
          }
          m = single.exec(text);
        }
        return out;
      },
    };
  }

  return {
    version,
    test,
    findAll: (text: string): readonly Match[] =>
      test(text) ? findAllMerged(regexes, resolver, text) : NO_MATCHES,
  };
}

/**
 * Several regexes (pattern too large for one): keep the next hit of each at or after the current
 * position and take the leftmost, ties to the higher-priority row, as a single regex would.
 */
function findAllMerged(regexes: readonly RegExp[], resolver: Resolver, text: string): Match[] {
  const out: Match[] = [];
  const hits = regexes.map((re) => ({ re, start: -1, end: -1, row: undefined as Row | undefined }));

  const advance = (hit: (typeof hits)[number], from: number): void => {
    hit.start = -1;
    hit.re.lastIndex = from;
    for (let m = hit.re.exec(text); m !== null; m = hit.re.exec(text)) {
      const row = resolver.resolve(m[0]);
      if (row) {
        hit.start = m.index;
        hit.end = m.index + m[0].length;
        hit.row = row;
        return;
      }
    }
  };

  for (const hit of hits) advance(hit, 0);
  for (;;) {
    let best: (typeof hits)[number] | undefined;
    for (const hit of hits) {
      if (hit.start < 0 || !hit.row) continue;
      if (
        !best?.row ||
        hit.start < best.start ||
        (hit.start === best.start && hit.row.order < best.row.order)
      ) {
        best = hit;
      }
    }
    if (!best?.row) return out;
    const end = best.end;
    out.push({ start: best.start, end, id: best.row.id, category: best.row.category });
    for (const hit of hits) {
      if (hit.start >= 0 && hit.start < end) advance(hit, end);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A reader's own spellings (`own: true`) next to the bundled ones.

interface Hit {
  start: number;
  end: number;
  row: Row;
}

/** The hits of several regexes over one text, leftmost first, then longest, then row order. */
class HitStream {
  private text = '';
  private readonly hits: { start: number; end: number; row: Row | undefined; from: number }[];

  constructor(
    private readonly regexes: readonly RegExp[],
    private readonly resolver: Resolver,
  ) {
    this.hits = regexes.map(() => ({ start: -1, end: -1, row: undefined, from: 0 }));
  }

  reset(text: string): void {
    this.text = text;
    for (const hit of this.hits) {
      hit.from = -1;
      hit.row = undefined;
    }
  }

  test(text: string): boolean {
    for (const re of this.regexes) {
      re.lastIndex = 0;
      if (re.test(text)) return true;
    }
    return false;
  }

  /**
   * The best hit starting at or after `from`. Calls come with `from` never decreasing, so a hit
   * found earlier at or after `from` is still the regex's leftmost and is reused.
   */
  next(from: number): Hit | null {
    let best: (typeof this.hits)[number] | null = null;
    // A plain loop, no closure: this runs on every text node of a page while the reader has terms.
    for (let index = 0; index < this.regexes.length; index++) {
      const hit = this.hits[index];
      const re = this.regexes[index];
      if (hit === undefined || re === undefined) continue;
      // Searched from at most here, and either exhausted or its hit not yet passed.
      const valid =
        hit.from >= 0 && hit.from <= from && (hit.row === undefined || hit.start >= from);
      if (!valid) this.advance(re, hit, from);
      if (hit.row === undefined) continue;
      if (
        best?.row === undefined ||
        hit.start < best.start ||
        (hit.start === best.start &&
          (hit.end > best.end || (hit.end === best.end && hit.row.order < best.row.order)))
      ) {
        best = hit;
      }
    }
    return best?.row === undefined ? null : { start: best.start, end: best.end, row: best.row };
  }

  private advance(re: RegExp, hit: (typeof this.hits)[number], from: number): void {
    hit.from = from;
    hit.row = undefined;
    re.lastIndex = from;
    for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) {
      const row = this.resolver.resolve(m[0]);
      if (row) {
        hit.start = m.index;
        hit.end = m.index + m[0].length;
        hit.row = row;
        return;
      }
    }
  }
}

/**
 * The reader's spellings, all in one automaton read once over the text (folded: any case, any
 * whitespace run); each span it finds is checked against the rows' own case rules by the resolver.
 */
class OwnSpellings {
  private text = '';
  private readonly automaton: SpellingAutomaton;
  /** The row of the last span `accept` took: the automaton returns that span, so it is its row. */
  private accepted: Row | undefined;
  private readonly accept: AcceptSpan = (start, end) => {
    const row = this.resolver.resolve(this.text.slice(start, end));
    if (row === undefined) return false;
    this.accepted = row;
    return true;
  };

  constructor(
    rows: readonly Row[],
    private readonly resolver: Resolver,
  ) {
    const keys = new Set<string>();
    for (const row of rows) {
      keys.add(row.key);
      if (row.case === 'proper') keys.add(normalize(row.text.toUpperCase()));
    }
    this.automaton = new SpellingAutomaton(keys);
  }

  reset(text: string): void {
    this.text = text;
  }

  test(text: string): boolean {
    this.text = text;
    return this.automaton.has(text, this.accept);
  }

  /** The best hit starting at or after `from`: leftmost, then longest, then row order. */
  next(from: number): Hit | null {
    const span = this.automaton.next(this.text, from, this.accept);
    const row = this.accepted;
    return span === null || row === undefined ? null : { start: span.start, end: span.end, row };
  }
}

const lengthOf = (hit: Hit): number => hit.end - hit.start;

/**
 * Bundled and own matches resolved against each other: where they overlap the longer one wins,
 * at equal length the bundled one. The loser is looked for again one character later, so a
 * shorter spelling of its kind starting inside it can still be found after the winner.
 */
function compileWithOwn(
  version: string,
  bundledAliases: readonly MatcherAlias[],
  ownAliases: readonly MatcherAlias[],
): Matcher {
  const bundledRows = prepareRows(bundledAliases);
  const bundled = new HitStream(
    buildSources(bundledRows).map((source) => new RegExp(source, 'g')),
    new Resolver(bundledRows),
  );
  // The reader's terms never inflect: the options page has no such field.
  const ownRows = prepareRows(
    ownAliases.map((alias) => ({ ...alias, inflect: false })),
    false,
  );
  const own = new OwnSpellings(ownRows, new Resolver(ownRows));

  return {
    version,
    test: (text: string): boolean => bundled.test(text) || own.test(text),
    findAll(text: string): readonly Match[] {
      bundled.reset(text);
      own.reset(text);
      let b = bundled.test(text) ? bundled.next(0) : null;
      let u = own.next(0);
      if (b === null && u === null) return NO_MATCHES;
      const out: Match[] = [];
      while (b !== null || u !== null) {
        if (b !== null && u !== null && b.start < u.end && u.start < b.end) {
          if (lengthOf(u) > lengthOf(b)) b = bundled.next(b.start + 1);
          else u = own.next(u.start + 1);
          continue;
        }
        // No overlap: the earlier one is final.
        if (b !== null && (u === null || b.start < u.start)) {
          out.push({ start: b.start, end: b.end, id: b.row.id, category: b.row.category });
          b = bundled.next(b.end);
        } else if (u !== null) {
          out.push({ start: u.start, end: u.end, id: u.row.id, category: u.row.category });
          u = own.next(u.end);
        }
      }
      return out;
    },
  };
}
