/**
 * Checks a glossary (the bundled `data/glossary.json` or a user's import) before anything trusts it.
 * Pure: no browser globals, so the build, the tests and the background can all run it.
 *
 * Every problem is reported, not just the first, so whoever edits the data can fix it in one pass.
 * Messages start with the entry (`entry "facebook"`, or `entries[3]` when the id is unusable) and
 * the field (`quotes[0].start`), because the file is long and hand-edited.
 */

import { COMMON_CHINESE_WORDS, COMMON_ENGLISH_WORDS } from '../../common/common-words';
import {
  type Alias,
  type AliasCase,
  BUNDLED_CATEGORIES,
  type Glossary,
  type Quote,
} from '../../common/glossary-types';
import { isRecord } from '../../common/is-record';

export type ValidationResult = { ok: true; glossary: Glossary } | { ok: false; errors: string[] };

export interface ValidateOptions {
  /** Lowercase English words; defaults to the bundled list. Tests pass their own. */
  commonEnglishWords?: ReadonlySet<string>;
  /** Chinese words; defaults to the bundled list. */
  commonChineseWords?: ReadonlySet<string>;
}

/** Kept in step with `data/glossary.schema.json`; a test compares the two. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SOURCE_FILE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*\.txt$/;
export const VERSION_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.+-]*$/;
/** A host name as a site's own pages use it: lowercase labels and a top-level domain. */
export const SITE_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const ALIAS_CASES: readonly AliasCase[] = ['proper', 'exact', 'insensitive'];
export const ALIAS_LANGS: readonly Alias['lang'][] = ['en', 'zh'];

/** Length limits (UTF-16 code units) and item counts, shared with the schema. */
export const LIMITS = {
  version: { min: 1, max: 40 },
  sourceTitle: { min: 1, max: 200 },
  sourceFile: { min: 5, max: 120 },
  id: { min: 1, max: 64 },
  label: { min: 1, max: 80 },
  labelZh: { min: 1, max: 40 },
  summary: { min: 40, max: 800 },
  /** A Han character carries about two Latin letters' worth: the same facts in half the length. */
  summaryZh: { min: 20, max: 800 },
  aliasText: { min: 1, max: 80 },
  quoteText: { min: 10, max: 1000 },
  sources: { min: 1, max: 100 },
  entries: { min: 1, max: 2000 },
  aliases: { min: 1, max: 30 },
  quotes: { min: 1, max: 10 },
  related: { min: 0, max: 20 },
  facts: { min: 0, max: 8 },
  factText: { min: 20, max: 400 },
  factTextZh: { min: 10, max: 400 },
  factSourceTitle: { min: 1, max: 200 },
  factSourceUrl: { min: 12, max: 500 },
  site: { min: 4, max: 253 },
  sites: { min: 1, max: 20 },
} as const;

const TOP_KEYS = ['$schema', 'version', 'sources', 'entries'];
const TOP_REQUIRED = ['version', 'sources', 'entries'];
const SOURCE_KEYS = ['id', 'title', 'file'];
const ENTRY_KEYS = [
  'id',
  'label',
  'labelZh',
  'category',
  'aliases',
  'summary',
  'summaryZh',
  'quotes',
  'related',
  'source',
  'sites',
];
/** Entry fields an entry may leave out: facts (a summary that says nothing beyond its source needs
 * none) and sites (platforms only). */
const ENTRY_OPTIONAL = ['facts', 'sites'];
ENTRY_KEYS.push('facts');
const ENTRY_REQUIRED = ENTRY_KEYS.filter((key) => !ENTRY_OPTIONAL.includes(key));
const FACT_KEYS = ['text', 'textZh', 'source'];
const FACT_SOURCE_KEYS = ['title', 'url', 'read'];
const ALIAS_KEYS = ['text', 'lang', 'case', 'inflect'];
const QUOTE_KEYS = ['text', 'start'];

const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;
const LATIN_GLOBAL = /\p{Script=Latin}/gu;

/**
 * A Chinese summary names things in Latin letters (VPN, Facebook, Meta Platforms), but an English
 * summary with one Chinese word in it (翻墙) is not a Chinese summary.
 */
function isMostlyChinese(text: string): boolean {
  const han = text.match(HAN_GLOBAL)?.length ?? 0;
  const latin = text.match(LATIN_GLOBAL)?.length ?? 0;
  return han > latin;
}
const LATIN_LETTER = /\p{Script=Latin}/u;
/** Hiragana, katakana and Hangul too: an English alias should contain none of them either. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

type Path = string;

interface Collector {
  errors: string[];
  add(path: Path, message: string): void;
}

function collector(): Collector {
  const errors: string[] = [];
  return { errors, add: (path, message) => errors.push(`${path}: ${message}`) };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Long excerpts would drown the message; the start and end are what locate a quote. */
function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\n/g, '\\n');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function checkKeys(
  out: Collector,
  value: Record<string, unknown>,
  path: Path,
  allowed: readonly string[],
  required: readonly string[],
): void {
  for (const key of required) {
    if (!(key in value)) out.add(join(path, key), 'required field is missing');
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      out.add(join(path, key), `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }
}

/** An object with exactly the fields `keys` (all required), or undefined after saying what is wrong. */
function checkRecord(
  out: Collector,
  value: unknown,
  path: Path,
  keys: readonly string[],
): Record<string, unknown> | undefined {
  if (!isRecord(value)) {
    out.add(path, `must be an object, got ${typeName(value)}`);
    return undefined;
  }
  checkKeys(out, value, path, keys, keys);
  return value;
}

/** Paths read like `entry "vpn" aliases[0].text`; the prefix is separated by a space. */
function join(path: Path, key: string): Path {
  if (path === '') return key;
  if (path.endsWith('"')) return `${path} ${key}`;
  return `${path}.${key}`;
}

interface StringRule {
  min: number;
  max: number;
  pattern?: RegExp;
}

/** Returns the string only when it passes, so later checks never run on garbage. */
function checkString(
  out: Collector,
  value: unknown,
  path: Path,
  rule: StringRule,
): string | undefined {
  if (value === undefined) return undefined; // already reported as missing
  if (typeof value !== 'string') {
    out.add(path, `must be a string, got ${typeName(value)}`);
    return undefined;
  }
  if (value.trim() === '') {
    out.add(path, 'must not be empty');
    return undefined;
  }
  let ok = true;
  if (value !== value.trim()) {
    out.add(path, 'must not start or end with whitespace');
    ok = false;
  }
  if (value.length < rule.min) {
    out.add(path, `is too short (${value.length} characters, minimum ${rule.min})`);
    ok = false;
  }
  if (value.length > rule.max) {
    out.add(path, `is too long (${value.length} characters, maximum ${rule.max})`);
    ok = false;
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    out.add(path, `"${excerpt(value)}" does not match ${rule.pattern.source}`);
    ok = false;
  }
  return ok ? value : undefined;
}

function checkArray(
  out: Collector,
  value: unknown,
  path: Path,
  limits: { min: number; max: number },
): unknown[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    out.add(path, `must be an array, got ${typeName(value)}`);
    return undefined;
  }
  if (value.length < limits.min) {
    out.add(path, `needs at least ${limits.min} item${limits.min === 1 ? '' : 's'}`);
  }
  if (value.length > limits.max) out.add(path, `has more than ${limits.max} items`);
  return value;
}

function checkEnum<T extends string>(
  out: Collector,
  value: unknown,
  path: Path,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  const shown = typeof value === 'string' ? `"${value}"` : typeName(value);
  out.add(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${shown}`);
  return undefined;
}

interface CheckedAlias {
  index: number;
  alias: Alias;
}

interface CheckedEntry {
  index: number;
  path: Path;
  id?: string;
  aliases: CheckedAlias[];
  quotes: { index: number; quote: Quote }[];
  related: { index: number; id: string }[];
  source?: string;
}

function checkAlias(out: Collector, input: unknown, path: Path): Alias | undefined {
  const value = checkRecord(out, input, path, ALIAS_KEYS);
  if (value === undefined) return undefined;
  const text = checkString(out, value.text, join(path, 'text'), LIMITS.aliasText);
  const lang = checkEnum(out, value.lang, join(path, 'lang'), ALIAS_LANGS);
  const aliasCase = checkEnum(out, value.case, join(path, 'case'), ALIAS_CASES);
  let inflect: boolean | undefined;
  if (typeof value.inflect === 'boolean') inflect = value.inflect;
  else if (value.inflect !== undefined) {
    out.add(join(path, 'inflect'), `must be true or false, got ${typeName(value.inflect)}`);
  }
  if (text === undefined || lang === undefined || aliasCase === undefined) return undefined;
  if (inflect === undefined) return undefined;

  // Script rules: the matcher treats the two languages differently (word boundaries, case), so an
  // alias must be wholly one or the other.
  if (lang === 'zh') {
    if (LATIN_LETTER.test(text)) {
      out.add(join(path, 'text'), `Chinese alias "${text}" contains Latin letters`);
    } else if (!HAN.test(text)) {
      out.add(join(path, 'text'), `Chinese alias "${text}" contains no Chinese characters`);
    }
    if (aliasCase !== 'exact') {
      out.add(join(path, 'case'), `Chinese alias "${text}" has no case; use "exact"`);
    }
    if (inflect) {
      out.add(join(path, 'inflect'), `Chinese alias "${text}" cannot inflect; use false`);
    }
  } else {
    if (CJK.test(text)) {
      out.add(join(path, 'text'), `English alias "${text}" contains CJK characters`);
    } else if (!LATIN_LETTER.test(text)) {
      out.add(join(path, 'text'), `English alias "${text}" contains no Latin letters`);
    }
  }
  return { text, lang, case: aliasCase, inflect };
}

function checkQuote(out: Collector, input: unknown, path: Path): Quote | undefined {
  const value = checkRecord(out, input, path, QUOTE_KEYS);
  if (value === undefined) return undefined;
  const text = checkString(out, value.text, join(path, 'text'), LIMITS.quoteText);
  let start: number | undefined;
  if (value.start !== undefined) {
    if (typeof value.start !== 'number' || !Number.isInteger(value.start)) {
      out.add(join(path, 'start'), `must be an integer, got ${JSON.stringify(value.start)}`);
    } else if (value.start < 0) {
      out.add(join(path, 'start'), `must not be negative, got ${value.start}`);
    } else start = value.start;
  }
  return text === undefined || start === undefined ? undefined : { text, start };
}

/** A year in a summary: 1900-2099, in English or before 年. */
const YEAR = /(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])/;
const READ_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const parts = READ_DATE.exec(text);
  if (parts === null) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function checkFactSource(out: Collector, input: unknown, path: Path): void {
  if (input === undefined) {
    out.add(path, 'a fact beyond the article needs its source (title, url, read)');
    return;
  }
  const value = checkRecord(out, input, path, FACT_SOURCE_KEYS);
  if (value === undefined) return;
  checkString(out, value.title, join(path, 'title'), LIMITS.factSourceTitle);
  const url = checkString(out, value.url, join(path, 'url'), LIMITS.factSourceUrl);
  if (url !== undefined) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      out.add(join(path, 'url'), `"${excerpt(url)}" is not a URL`);
    }
    if (parsed !== null && (parsed.protocol !== 'https:' || parsed.username || parsed.password)) {
      out.add(
        join(path, 'url'),
        `"${excerpt(url)}" must be an https:// address without a user name`,
      );
    }
  }
  const read = checkString(out, value.read, join(path, 'read'), { min: 10, max: 10 });
  if (read !== undefined && !isCalendarDate(read)) {
    out.add(join(path, 'read'), `"${read}" is not a date written YYYY-MM-DD`);
  }
}

function checkFacts(out: Collector, input: unknown, path: Path): void {
  const facts = checkArray(out, input, path, LIMITS.facts);
  facts?.forEach((item, i) => {
    const here = `${path}[${i}]`;
    if (!isRecord(item)) {
      out.add(here, `must be an object, got ${typeName(item)}`);
      return;
    }
    checkKeys(out, item, here, FACT_KEYS, ['text', 'textZh']);
    checkString(out, item.text, join(here, 'text'), LIMITS.factText);
    const textZh = checkString(out, item.textZh, join(here, 'textZh'), LIMITS.factTextZh);
    if (textZh !== undefined && !isMostlyChinese(textZh)) {
      out.add(
        join(here, 'textZh'),
        'must be written in Chinese (Han characters are most of its letters)',
      );
    }
    checkFactSource(out, item.source, join(here, 'source'));
  });
}

function checkEntry(out: Collector, value: unknown, index: number): CheckedEntry {
  const fallback = `entries[${index}]`;
  const checked: CheckedEntry = { index, path: fallback, aliases: [], quotes: [], related: [] };
  if (!isRecord(value)) {
    out.add(fallback, `must be an object, got ${typeName(value)}`);
    return checked;
  }
  // Name the entry by its id whenever it has a usable one: that is what an editor searches for.
  if (typeof value.id === 'string' && value.id.trim() !== '') {
    checked.path = `entry "${value.id}"`;
  }
  const path = checked.path;
  checkKeys(out, value, path, ENTRY_KEYS, ENTRY_REQUIRED);
  checked.id = checkString(out, value.id, join(path, 'id'), { ...LIMITS.id, pattern: ID_PATTERN });
  checkString(out, value.label, join(path, 'label'), LIMITS.label);
  const labelZh = checkString(out, value.labelZh, join(path, 'labelZh'), LIMITS.labelZh);
  if (labelZh !== undefined && !HAN.test(labelZh)) {
    out.add(join(path, 'labelZh'), `"${labelZh}" contains no Chinese characters`);
  }
  const category = checkEnum(out, value.category, join(path, 'category'), BUNDLED_CATEGORIES);
  const summary = checkString(out, value.summary, join(path, 'summary'), LIMITS.summary);
  const summaryZh = checkString(out, value.summaryZh, join(path, 'summaryZh'), LIMITS.summaryZh);
  if (category === 'blocked-platform') {
    // The article names blocked platforms only as a category: when and how one was blocked is
    // never its word, so a date belongs in a fact that says where it was read.
    for (const [field, text] of [
      ['summary', summary],
      ['summaryZh', summaryZh],
    ] as const) {
      const year = text === undefined ? null : YEAR.exec(text);
      if (year !== null) {
        out.add(
          join(path, field),
          `states a date (${year[0]}) the source article does not: put it in "facts" with its source`,
        );
      }
    }
  }
  if (value.facts !== undefined) checkFacts(out, value.facts, join(path, 'facts'));
  if (summaryZh !== undefined && !isMostlyChinese(summaryZh)) {
    out.add(
      join(path, 'summaryZh'),
      'must be written in Chinese (Han characters are most of its letters)',
    );
  }
  checked.source = checkString(out, value.source, join(path, 'source'), {
    ...LIMITS.id,
    pattern: ID_PATTERN,
  });

  const aliases = checkArray(out, value.aliases, join(path, 'aliases'), LIMITS.aliases);
  if (aliases) {
    aliases.forEach((item, i) => {
      const alias = checkAlias(out, item, join(path, `aliases[${i}]`));
      if (alias) checked.aliases.push({ index: i, alias });
    });
    // Cards are bilingual by design: a term that only lights up on English pages (or only on
    // Chinese ones) would silently miss half the audience.
    const langs = new Set(
      aliases.filter(isRecord).map((item) => (typeof item.lang === 'string' ? item.lang : '')),
    );
    if (!langs.has('en')) {
      out.add(join(path, 'aliases'), 'needs at least one English alias (lang "en")');
    }
    if (!langs.has('zh')) {
      out.add(join(path, 'aliases'), 'needs at least one Chinese alias (lang "zh")');
    }
  }

  const quotes = checkArray(out, value.quotes, join(path, 'quotes'), LIMITS.quotes);
  quotes?.forEach((item, i) => {
    const quote = checkQuote(out, item, join(path, `quotes[${i}]`));
    if (quote) checked.quotes.push({ index: i, quote });
  });

  const related = checkArray(out, value.related, join(path, 'related'), LIMITS.related);
  related?.forEach((item, i) => {
    const id = checkString(out, item, join(path, `related[${i}]`), {
      ...LIMITS.id,
      pattern: ID_PATTERN,
    });
    if (id !== undefined) checked.related.push({ index: i, id });
  });

  if (value.sites !== undefined) {
    const sites = checkArray(out, value.sites, join(path, 'sites'), LIMITS.sites);
    sites?.forEach((item, i) => {
      checkString(out, item, join(path, `sites[${i}]`), { ...LIMITS.site, pattern: SITE_PATTERN });
    });
  }
  return checked;
}

/** Straightened quotes and dashes: the usual way a hand-copied excerpt drifts from the source. */
function normalizePunctuation(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-');
}

function occurrences(haystack: string, needle: string, limit = 5): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
    if (found.length === limit) break;
  }
  return found;
}

function checkQuoteAgainstSource(
  out: Collector,
  path: Path,
  quote: Quote,
  sourceId: string,
  sourceText: string,
): void {
  const end = quote.start + quote.text.length;
  if (sourceText.slice(quote.start, end) === quote.text) return;
  let message: string;
  if (quote.start >= sourceText.length) {
    message = `offset ${quote.start} is past the end of source "${sourceId}" (length ${sourceText.length})`;
  } else {
    const found = sourceText.slice(quote.start, Math.min(end, sourceText.length));
    message = `quote is not verbatim at offset ${quote.start} (found "${excerpt(found)}")`;
  }
  const elsewhere = occurrences(sourceText, quote.text);
  if (elsewhere.length > 0) {
    message += `; it occurs at offset ${elsewhere.join(', ')}`;
  } else if (normalizePunctuation(sourceText).includes(normalizePunctuation(quote.text))) {
    message += `; it occurs only with different quote marks or dashes (copy them from the source)`;
  } else {
    message += `; it does not occur anywhere in source "${sourceId}"`;
  }
  out.add(join(path, 'start'), message);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Every spelling the matcher accepts for an alias before case folding. */
function inflectedForms(alias: Alias): string[] {
  if (!alias.inflect) return [alias.text];
  const t = alias.text;
  return [t, `${t}s`, `${t}'s`, `${t}\u2019s`, `${t}s'`, `${t}s\u2019`];
}

/**
 * The common word that `form` (an alias spelling) would light up, if any. A common word can appear
 * on a page lowercase, capitalized at the start of a sentence, or in ALL CAPS in a headline.
 */
function englishCollision(
  form: string,
  aliasCase: AliasCase,
  words: ReadonlySet<string>,
): string | undefined {
  const lower = form.toLowerCase();
  if (!words.has(lower)) return undefined;
  // `proper` also accepts the alias in ALL CAPS, which is exactly how the word looks in a headline;
  // `insensitive` accepts everything.
  if (aliasCase !== 'exact') return lower;
  const renderings = [lower, capitalize(lower), lower.toUpperCase()];
  return renderings.includes(form) ? lower : undefined;
}

function checkCommonWords(
  out: Collector,
  path: Path,
  alias: Alias,
  english: ReadonlySet<string>,
  chinese: ReadonlySet<string>,
): void {
  const where = join(path, 'text');
  if (alias.lang === 'zh') {
    // Chinese has no spaces, so an alias matches anywhere inside a longer word.
    for (const word of chinese) {
      if (word === alias.text) {
        out.add(where, `alias "${alias.text}" is itself the common word "${word}"`);
        return;
      }
      if (word.includes(alias.text)) {
        out.add(where, `alias "${alias.text}" would match inside the common word "${word}"`);
        return;
      }
    }
    return;
  }
  for (const form of inflectedForms(alias)) {
    const word = englishCollision(form, alias.case, english);
    if (word !== undefined) {
      const via = form === alias.text ? '' : ` through its inflected form "${form}"`;
      out.add(
        where,
        `alias "${alias.text}" (case "${alias.case}") would match the common word "${word}"${via}`,
      );
      return;
    }
  }
}

/**
 * Validates `input` against the glossary format and its sources. `sources` maps each source id to
 * that article's full text, which is what quote offsets are checked against.
 */
export function validateGlossary(
  input: unknown,
  sources: Record<string, string>,
  options: ValidateOptions = {},
): ValidationResult {
  const english = options.commonEnglishWords ?? COMMON_ENGLISH_WORDS;
  const chinese = options.commonChineseWords ?? COMMON_CHINESE_WORDS;
  const out = collector();

  if (!isRecord(input)) {
    return { ok: false, errors: [`glossary: must be an object, got ${typeName(input)}`] };
  }
  checkKeys(out, input, '', TOP_KEYS, TOP_REQUIRED);
  if (input.$schema !== undefined && typeof input.$schema !== 'string') {
    out.add('$schema', `must be a string, got ${typeName(input.$schema)}`);
  }
  checkString(out, input.version, 'version', { ...LIMITS.version, pattern: VERSION_PATTERN });

  // Sources first: entries refer to them.
  const declared = new Map<string, number>();
  const sourceItems = checkArray(out, input.sources, 'sources', LIMITS.sources) ?? [];
  sourceItems.forEach((input, i) => {
    const path = `sources[${i}]`;
    const item = checkRecord(out, input, path, SOURCE_KEYS);
    if (item === undefined) return;
    const id = checkString(out, item.id, `${path}.id`, { ...LIMITS.id, pattern: ID_PATTERN });
    checkString(out, item.title, `${path}.title`, LIMITS.sourceTitle);
    checkString(out, item.file, `${path}.file`, {
      ...LIMITS.sourceFile,
      pattern: SOURCE_FILE_PATTERN,
    });
    if (id === undefined) return;
    const first = declared.get(id);
    if (first !== undefined) {
      out.add(`${path}.id`, `duplicate source id "${id}" (also sources[${first}])`);
      return;
    }
    declared.set(id, i);
    if (typeof sources[id] !== 'string') {
      out.add(
        `${path}.id`,
        `no text was supplied for source "${id}", so its quotes can't be checked`,
      );
    }
  });

  const entryItems = checkArray(out, input.entries, 'entries', LIMITS.entries) ?? [];
  const entries = entryItems.map((item, i) => checkEntry(out, item, i));

  const ids = new Map<string, number>();
  for (const entry of entries) {
    if (entry.id === undefined) continue;
    const first = ids.get(entry.id);
    if (first !== undefined) {
      out.add(`entries[${entry.index}].id`, `duplicate id "${entry.id}" (also entries[${first}])`);
    } else ids.set(entry.id, entry.index);
  }

  // Latin aliases compare case-insensitively: "vpn" and "VPN" would fight over the same mention.
  const aliasOwners = new Map<string, string>();
  for (const entry of entries) {
    for (const { index, alias } of entry.aliases) {
      const key = alias.text.toLowerCase();
      const here = `${entry.path} aliases[${index}]`;
      const owner = aliasOwners.get(key);
      if (owner !== undefined) {
        out.add(`${here}.text`, `duplicate alias "${alias.text}" (already used by ${owner})`);
      } else aliasOwners.set(key, here);
      checkCommonWords(out, `${entry.path} aliases[${index}]`, alias, english, chinese);
    }
  }

  for (const entry of entries) {
    const seen = new Set<string>();
    for (const { index, id } of entry.related) {
      const path = `${entry.path} related[${index}]`;
      if (id === entry.id) out.add(path, `entry refers to itself`);
      else if (!ids.has(id)) out.add(path, `unknown entry id "${id}"`);
      if (seen.has(id)) out.add(path, `"${id}" is listed twice`);
      seen.add(id);
    }

    if (entry.source === undefined) continue;
    if (!declared.has(entry.source)) {
      const known = [...declared.keys()].map((id) => `"${id}"`).join(', ') || 'none';
      out.add(
        join(entry.path, 'source'),
        `unknown source id "${entry.source}" (declared: ${known})`,
      );
      continue;
    }
    const text = sources[entry.source];
    if (typeof text !== 'string') continue; // reported once, on the source
    for (const { index, quote } of entry.quotes) {
      checkQuoteAgainstSource(out, `${entry.path} quotes[${index}]`, quote, entry.source, text);
    }
  }

  if (out.errors.length > 0) return { ok: false, errors: out.errors };
  // Everything was checked above, so the shape is now known; drop the editor-only `$schema` key.
  const valid = input as unknown as Glossary & { $schema?: string };
  return {
    ok: true,
    glossary: { version: valid.version, sources: valid.sources, entries: valid.entries },
  };
}
