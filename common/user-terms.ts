/**
 * A reader's own terms ("Your terms"): their shape, the rules every one must pass, and the
 * versioned file format they are exported and imported in (`data/terms.schema.json`, documented in
 * `docs/data.md`). Pure: the options page runs it to show errors beside a field and to check a file
 * before anything is sent; the background runs it again before it writes, because any extension
 * page could send anything.
 */
import { COMMON_CHINESE_WORDS, COMMON_ENGLISH_WORDS } from './common-words';
import { CATEGORIES, type CategoryId } from './glossary-types';
import { isRecord } from './is-record';

export const TERMS_FORMAT = 'firewall-lens-terms';
export const TERMS_FORMAT_VERSION = 1;

/** Limits of one term and of a file, in UTF-16 code units and items. */
export const TERM_LIMITS = {
  fileBytes: 5 * 1024 * 1024,
  terms: 5_000,
  label: 100,
  spellings: 20,
  spelling: 100,
  note: 2_000,
  link: 2_000,
} as const;

/** A term as the reader writes it, and as one entry of the file. */
export interface UserTermFields {
  label: string;
  /** The spellings to mark, one per line in the form. */
  aliases: string[];
  /** Off: any capitalization matches. Chinese has no case either way. */
  caseSensitive: boolean;
  category: CategoryId;
  /** The card's text. Plain text, never HTML. */
  note: string;
  /** Shown on the card as a link; `http:` or `https:` only, never fetched. */
  link: string | null;
}

export interface UserTerm extends UserTermFields {
  /** `user:…`; a colon never occurs in a bundled id, so the two can never collide. */
  id: string;
}

export type TermField = keyof UserTermFields;

export interface TermProblem {
  /** 1-based entry number in a file; absent for a single term and for the file as a whole. */
  entry?: number;
  /** Absent when the problem is with the file, not a field. */
  field?: TermField;
  message: string;
  /**
   * `broad`: valid, but the spelling would mark nearly every page (a single letter, a common
   * word). Refused unless the reader confirms; `error`: refused.
   */
  kind: 'error' | 'broad';
}

export type TermCheck =
  | { ok: true; term: UserTermFields; broad: TermProblem[] }
  | { ok: false; problems: TermProblem[] };

const TERM_KEYS: readonly string[] = [
  'label',
  'aliases',
  'caseSensitive',
  'category',
  'note',
  'link',
];
const FILE_KEYS: readonly string[] = ['$schema', 'format', 'version', 'exportedAt', 'terms'];

const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Tabs and line breaks belong in a note; no other control or formatting-direction characters.
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 9 || code === 10 || code === 13) continue;
    if (code < 32 || code === 0x7f) return true;
    // Direction overrides and isolates can make a label read differently from what it matches.
    if (code === 0x200e || code === 0x200f) return true;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  }
  return false;
}
const LINE_BREAK = /[\r\n\u2028\u2029]/;
/** Something a browser would parse as a tag or comment: notes are plain text. */
const MARKUP = /<\/?[a-z!?][^>]*>/i;

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function quoted(text: string, max = 40): string {
  return `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;
}

/** True when a Latin spelling is the plain common word `word` as it may appear on a page. */
function isCommonEnglish(spelling: string, caseSensitive: boolean): string | undefined {
  const lower = spelling.toLowerCase();
  if (!COMMON_ENGLISH_WORDS.has(lower)) return undefined;
  if (!caseSensitive) return lower;
  const capitalized = lower.charAt(0).toUpperCase() + lower.slice(1);
  return [lower, capitalized, lower.toUpperCase()].includes(spelling) ? lower : undefined;
}

/**
 * Why a spelling would mark nearly everything, or undefined. A reader may insist (a one-letter
 * brand is theirs to watch for), so this is a question, not a refusal.
 */
export function broadReason(spelling: string, caseSensitive: boolean): string | undefined {
  const chars = [...spelling];
  if (chars.length === 1) {
    return HAN.test(spelling)
      ? `${quoted(spelling)} is a single Chinese character: it would match inside many words`
      : `${quoted(spelling)} is a single character: it would match on almost every page`;
  }
  if (HAN_ONLY.test(spelling)) {
    for (const word of COMMON_CHINESE_WORDS) {
      if (word === spelling) return `${quoted(spelling)} is a common Chinese word`;
      if (word.includes(spelling)) {
        return `${quoted(spelling)} would match inside the common word ${quoted(word)}`;
      }
    }
    return undefined;
  }
  const word = isCommonEnglish(spelling, caseSensitive);
  return word === undefined ? undefined : `${quoted(spelling)} is the common word “${word}”`;
}

/** The key two spellings collide under: what a page must contain for both to match. */
export function spellingKey(spelling: string, caseSensitive: boolean): string {
  const spaced = spelling.replace(/\s+/g, ' ').replace(/’/g, "'");
  return caseSensitive ? spaced : spaced.toLowerCase();
}

interface Collector {
  problems: TermProblem[];
  add(field: TermField | undefined, message: string, kind?: TermProblem['kind']): void;
}

function collector(entry: number | undefined): Collector {
  const problems: TermProblem[] = [];
  return {
    problems,
    add(field, message, kind = 'error') {
      const problem: TermProblem = { message, kind };
      if (entry !== undefined) problem.entry = entry;
      if (field !== undefined) problem.field = field;
      problems.push(problem);
    },
  };
}

function checkText(
  out: Collector,
  field: TermField,
  value: unknown,
  {
    name,
    max,
    required,
    multiline,
  }: { name: string; max: number; required: boolean; multiline: boolean },
): string {
  if (value === undefined || value === null) {
    if (required) out.add(field, `${name} is missing`);
    return '';
  }
  if (typeof value !== 'string') {
    out.add(field, `${name} must be text, not ${typeName(value)}`);
    return '';
  }
  const text = multiline
    ? value.replace(/\r\n?/g, '\n').trim()
    : value.trim().replace(/ {2,}/g, ' ');
  if (required && text === '') out.add(field, `${name} is empty`);
  if (text.length > max) {
    out.add(
      field,
      `${name} is ${text.length.toLocaleString('en')} characters; at most ${max.toLocaleString('en')}`,
    );
  }
  if (hasControl(text)) out.add(field, `${name} contains control characters`);
  if (!multiline && LINE_BREAK.test(text)) out.add(field, `${name} must be one line`);
  return text;
}

function checkLink(out: Collector, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') {
    out.add('link', `the link must be text, not ${typeName(value)}`);
    return null;
  }
  const text = value.trim();
  if (text === '') return null;
  if (text.length > TERM_LIMITS.link) {
    out.add('link', `the link is longer than ${TERM_LIMITS.link.toLocaleString('en')} characters`);
    return null;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    out.add(
      'link',
      `${quoted(text)} is not a web address (it must start with https:// or http://)`,
    );
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    out.add('link', `only https:// and http:// links are allowed, not ${url.protocol}`);
    return null;
  }
  if (url.username !== '' || url.password !== '') {
    out.add('link', 'the link must not contain a user name or password');
    return null;
  }
  return url.href;
}

function checkAliases(out: Collector, value: unknown, caseSensitive: boolean): string[] {
  if (!Array.isArray(value)) {
    out.add(
      'aliases',
      value === undefined
        ? 'spellings are missing'
        : `spellings must be a list, not ${typeName(value)}`,
    );
    return [];
  }
  if (value.length === 0) out.add('aliases', 'add at least one spelling');
  if (value.length > TERM_LIMITS.spellings) {
    out.add('aliases', `${value.length} spellings; at most ${TERM_LIMITS.spellings}`);
    return [];
  }
  const seen = new Map<string, number>();
  const spellings: string[] = [];
  value.forEach((item: unknown, index) => {
    const n = index + 1;
    if (typeof item !== 'string') {
      out.add('aliases', `spelling ${n} must be text, not ${typeName(item)}`);
      return;
    }
    const text = item.trim().replace(/\s+/g, ' ');
    if (text === '') {
      out.add('aliases', `spelling ${n} is empty`);
      return;
    }
    if (text.length > TERM_LIMITS.spelling) {
      out.add(
        'aliases',
        `spelling ${n} is ${text.length} characters; at most ${TERM_LIMITS.spelling}`,
      );
      return;
    }
    if (hasControl(text)) {
      out.add('aliases', `spelling ${n} contains control characters`);
      return;
    }
    if (!HAS_LETTER_OR_DIGIT.test(text)) {
      out.add('aliases', `spelling ${n} (${quoted(text)}) has no letter or digit`);
      return;
    }
    const key = spellingKey(text, caseSensitive);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      out.add('aliases', `spelling ${n} (${quoted(text)}) repeats spelling ${earlier}`);
      return;
    }
    seen.set(key, n);
    const broad = broadReason(text, caseSensitive);
    if (broad !== undefined) out.add('aliases', broad, 'broad');
    spellings.push(text);
  });
  return spellings;
}

/** Checks one term, from the form or a file entry (`entry`: its 1-based number in the file). */
export function checkUserTerm(input: unknown, entry?: number): TermCheck {
  const out = collector(entry);
  if (!isRecord(input)) {
    out.add(undefined, `a term must be an object, not ${typeName(input)}`);
    return { ok: false, problems: out.problems };
  }
  for (const key of Object.keys(input)) {
    if (!TERM_KEYS.includes(key)) out.add(undefined, `unknown field ${quoted(key)}`);
  }
  const label = checkText(out, 'label', input.label, {
    name: 'the label',
    max: TERM_LIMITS.label,
    required: true,
    multiline: false,
  });
  let caseSensitive = false;
  if (input.caseSensitive !== undefined) {
    if (typeof input.caseSensitive === 'boolean') caseSensitive = input.caseSensitive;
    else
      out.add(
        'caseSensitive',
        `match case must be true or false, not ${typeName(input.caseSensitive)}`,
      );
  }
  const aliases = checkAliases(out, input.aliases, caseSensitive);
  let category: CategoryId = 'user';
  if (input.category !== undefined) {
    if (
      typeof input.category === 'string' &&
      (CATEGORIES as readonly string[]).includes(input.category)
    ) {
      category = input.category as CategoryId;
    } else {
      out.add(
        'category',
        `unknown category ${typeof input.category === 'string' ? quoted(input.category) : typeName(input.category)}`,
      );
    }
  }
  const note = checkText(out, 'note', input.note, {
    name: 'the note',
    max: TERM_LIMITS.note,
    required: false,
    multiline: true,
  });
  if (MARKUP.test(note)) out.add('note', 'the note must be plain text, not HTML');
  const link = checkLink(out, input.link);

  const errors = out.problems.filter((problem) => problem.kind === 'error');
  if (errors.length > 0) return { ok: false, problems: out.problems };
  return {
    ok: true,
    term: { label, aliases, caseSensitive, category, note, link },
    broad: out.problems,
  };
}

export type FileCheck =
  | { ok: true; terms: UserTermFields[]; broad: TermProblem[] }
  | { ok: false; problems: TermProblem[] };

/** How many problems a report lists before it stops: a broken 5,000-term file is not read whole. */
export const MAX_REPORTED_PROBLEMS = 200;

function fileProblem(message: string): FileCheck {
  return { ok: false, problems: [{ message, kind: 'error' }] };
}

/** Checks a parsed file whole. Nothing in it may be written unless this says ok. */
export function checkTermsFile(input: unknown): FileCheck {
  if (!isRecord(input))
    return fileProblem(`the file must hold a JSON object, not ${typeName(input)}`);
  if (input.format !== TERMS_FORMAT) {
    return fileProblem(
      `this is not a Firewall Lens terms file ("format" must be "${TERMS_FORMAT}")`,
    );
  }
  if (input.version !== TERMS_FORMAT_VERSION) {
    return fileProblem(
      typeof input.version === 'number' && input.version > TERMS_FORMAT_VERSION
        ? `the file is version ${input.version}, made by a newer Firewall Lens; this one reads version ${TERMS_FORMAT_VERSION}`
        : `"version" must be ${TERMS_FORMAT_VERSION}`,
    );
  }
  const problems: TermProblem[] = [];
  for (const key of Object.keys(input)) {
    if (!FILE_KEYS.includes(key))
      problems.push({ message: `unknown field ${quoted(key)} in the file`, kind: 'error' });
  }
  const { terms } = input;
  if (!Array.isArray(terms)) return fileProblem(`"terms" must be a list, not ${typeName(terms)}`);
  if (terms.length > TERM_LIMITS.terms) {
    return fileProblem(
      `the file has ${terms.length.toLocaleString('en')} terms; at most ${TERM_LIMITS.terms.toLocaleString('en')}`,
    );
  }
  const checked: UserTermFields[] = [];
  const broad: TermProblem[] = [];
  const labels = new Map<string, number>();
  terms.forEach((raw: unknown, index) => {
    if (problems.length >= MAX_REPORTED_PROBLEMS) return;
    const entry = index + 1;
    const result = checkUserTerm(raw, entry);
    if (!result.ok) {
      problems.push(...result.problems.filter((problem) => problem.kind === 'error'));
      return;
    }
    const key = labelKey(result.term.label);
    const earlier = labels.get(key);
    if (earlier !== undefined) {
      problems.push({
        entry,
        field: 'label',
        message: `the label ${quoted(result.term.label)} is also entry ${earlier}'s`,
        kind: 'error',
      });
      return;
    }
    labels.set(key, entry);
    checked.push(result.term);
    broad.push(...result.broad);
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_REPORTED_PROBLEMS) };
  return { ok: true, terms: checked, broad };
}

/** Reads a file's text: size first (a 5 MB limit is cheaper to keep than to parse past). */
export function parseTermsFile(text: string, byteLength: number): FileCheck {
  if (byteLength > TERM_LIMITS.fileBytes) {
    return fileProblem(
      `the file is ${(byteLength / 1024 / 1024).toFixed(1)} MB; at most ${TERM_LIMITS.fileBytes / 1024 / 1024} MB`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    return fileProblem(`the file is not valid JSON${detail}`);
  }
  return checkTermsFile(parsed);
}

/** Labels compare without case or spacing: "Plan X" and "plan  x" are one term. */
export function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** One term in a file: as `UserTermFields`, with `link` left out when there is none. */
export type TermsFileEntry = Omit<UserTermFields, 'link'> & { link?: string };

export interface TermsFile {
  format: typeof TERMS_FORMAT;
  version: typeof TERMS_FORMAT_VERSION;
  exportedAt: string;
  terms: TermsFileEntry[];
}

/** The export: every field of every term, nothing internal (ids are this profile's own). */
export function termsFile(terms: readonly UserTermFields[], now: Date): TermsFile {
  return {
    format: TERMS_FORMAT,
    version: TERMS_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    terms: terms.map(({ label, aliases, caseSensitive, category, note, link }) => ({
      label,
      aliases: [...aliases],
      caseSensitive,
      category,
      note,
      ...(link === null ? {} : { link }),
    })),
  };
}

/** Where a problem is, for the reader: "Entry 3, spellings: …". */
export function describeProblem(problem: TermProblem): string {
  const where = [
    problem.entry === undefined ? undefined : `Entry ${problem.entry}`,
    problem.field === undefined ? undefined : FIELD_NAMES[problem.field],
  ].filter((part) => part !== undefined);
  return where.length === 0 ? problem.message : `${where.join(', ')}: ${problem.message}`;
}

export const FIELD_NAMES: Readonly<Record<TermField, string>> = {
  label: 'label',
  aliases: 'spellings',
  caseSensitive: 'match case',
  category: 'category',
  note: 'note',
  link: 'link',
};

export interface OtherSpellings {
  label: string;
  /** Bundled entries win ties; a reader's own terms are "your term". */
  bundled: boolean;
  spellings: { text: string; caseSensitive: boolean }[];
}

const WORD = /[A-Za-z0-9_]/;

/** Whether `short` can match inside `long` on a page, at the matcher's word boundaries. */
function occursInside(long: string, short: string): boolean {
  const needsStart = WORD.test(short.charAt(0));
  const needsEnd = WORD.test(short.charAt(short.length - 1));
  for (let at = long.indexOf(short); at >= 0; at = long.indexOf(short, at + 1)) {
    const before = long.charAt(at - 1);
    const after = long.charAt(at + short.length);
    if ((!needsStart || !WORD.test(before)) && (!needsEnd || !WORD.test(after))) return true;
  }
  return false;
}

/**
 * What a new or edited term's spellings do to the others' and theirs to it: on a page the longest
 * match wins, and at equal length a bundled entry wins over the reader's own.
 */
export function overlapWarnings(
  term: Pick<UserTermFields, 'aliases' | 'caseSensitive'>,
  others: readonly OtherSpellings[],
): string[] {
  const warnings: string[] = [];
  for (const spelling of term.aliases) {
    const mine = spelling.toLowerCase().replace(/\s+/g, ' ');
    for (const other of others) {
      const owner = other.bundled
        ? `the built-in term “${other.label}”`
        : `your term “${other.label}”`;
      for (const theirs of other.spellings) {
        const key = theirs.text.toLowerCase().replace(/\s+/g, ' ');
        if (key === mine) {
          // Two case-sensitive spellings collide only when written alike.
          const bothCased = term.caseSensitive && theirs.caseSensitive;
          if (bothCased && spellingKey(spelling, true) !== spellingKey(theirs.text, true)) continue;
          warnings.push(
            other.bundled
              ? `${quoted(spelling)} is also a spelling of ${owner}, which wins: this spelling will not mark your term.`
              : `${quoted(spelling)} is also a spelling of ${owner}; only the older of the two is marked.`,
          );
        } else if (mine.length > key.length && occursInside(mine, key)) {
          warnings.push(
            `${quoted(spelling)} hides ${quoted(theirs.text)} (${owner}) where it contains it: the longer match wins.`,
          );
        } else if (key.length > mine.length && occursInside(key, mine)) {
          warnings.push(
            `${quoted(spelling)} is hidden by ${quoted(theirs.text)} (${owner}) where that longer spelling appears.`,
          );
        }
      }
    }
  }
  return warnings;
}
