/**
 * What the bench hands mark.js and the floor pass, built from the same aliases as our matcher. The
 * spelling of one alias (whitespace runs, apostrophes, hyphens, case classes) is the matcher's own
 * `spellingPattern`, so both find the same mentions; how the alternatives are combined is built
 * here, in the fastest shape measured, so a slow shape in the matcher cannot slow the baselines.
 *
 * - `combinedRegExp`: one RegExp, longest alias first, `\b` outside the alternation (the fastest
 *   shape measured in V8), the same case rules, whitespace, apostrophe, hyphen and inflection
 *   handling as the matcher. Used for mark.js `markRegExp` and for the floor.
 * - `markJsTermCalls`: what mark.js `mark(terms)` needs to find the same mentions. mark.js takes
 *   one set of options per call, so there is one call per kind: case-sensitive Latin spellings,
 *   case-insensitive Latin spellings, and Chinese. Latin terms use accuracy `exactly` with ASCII
 *   and typographic punctuation as limiters (the nearest thing mark.js has to `\b`); Chinese is not
 *   space-delimited, so it uses `partially`. Plurals ("VPNs") are listed as
 *   extra terms; possessives are covered by the apostrophe limiter. `diacritics: false` because our matcher does not fold accents either (mark.js's
 *   diacritic classes only slow it down).
 */
import type { MatcherAlias, MatcherData } from '../../common/glossary-types';
import { isAllCaps, spellingPattern } from '../../entrypoints/content/marking/matcher';

const WORD_CHAR = /[A-Za-z0-9_]/;
const HAS_LATIN_LETTER = /[A-Za-z]/;
function branches(alias: MatcherAlias): { source: string; length: number }[] {
  const text = alias.text.trim();
  const inflect = alias.inflect && WORD_CHAR.test(text[text.length - 1] ?? '');
  const suffix = (s: string): string =>
    !inflect
      ? ''
      : alias.case === 'insensitive' || isAllCaps(s)
        ? "(?:[sS]|['’][sS])?"
        : "(?:s|['’]s)?";
  if (alias.case === 'insensitive') {
    return [{ source: spellingPattern(text, true) + suffix(text), length: text.length }];
  }
  const spellings = alias.case === 'proper' ? [...new Set([text, text.toUpperCase()])] : [text];
  return spellings.map((s) => ({
    source: spellingPattern(s, false) + suffix(s),
    length: s.length,
  }));
}

export function combinedRegExp(data: MatcherData): RegExp {
  const bounded: { source: string; length: number }[] = [];
  const other: { source: string; length: number }[] = [];
  for (const alias of data.aliases) {
    const text = alias.text.trim();
    if (text === '') continue;
    const start = WORD_CHAR.test(text[0] ?? '');
    const end = WORD_CHAR.test(text[text.length - 1] ?? '');
    for (const b of branches(alias)) {
      if (start && end) bounded.push(b);
      else
        other.push({
          source: `${start ? '\\b' : ''}${b.source}${end ? '\\b' : ''}`,
          length: b.length,
        });
    }
  }
  const byLength = (a: { length: number }, b: { length: number }): number => b.length - a.length;
  const parts: string[] = [];
  if (bounded.length > 0) {
    parts.push(
      `\\b(?:${bounded
        .sort(byLength)
        .map((b) => b.source)
        .join('|')})\\b`,
    );
  }
  parts.push(...other.sort(byLength).map((b) => b.source));
  return new RegExp(parts.join('|'), 'g');
}

export interface MarkJsTermCall {
  terms: string[];
  options: {
    separateWordSearch: false;
    diacritics: false;
    caseSensitive: boolean;
    accuracy: 'partially' | { value: 'exactly'; limiters: string[] };
  };
}

const LIMITERS = [...',.;:!?\'"’‘“”()[]{}<>-–—/…'];

function inflections(alias: MatcherAlias, text: string): string[] {
  if (!alias.inflect || !WORD_CHAR.test(text[text.length - 1] ?? '')) return [text];
  // Possessives need no term of their own: the apostrophe is a limiter, so "Twitter" matches the
  // start of "Twitter’s" (an extra "Twitter’s" term would then be marked again inside its mark).
  return [text, `${text}${isAllCaps(text) ? 'S' : 's'}`];
}

export function markJsTermCalls(data: MatcherData): MarkJsTermCall[] {
  const cased = new Set<string>();
  const uncased = new Set<string>();
  const chinese = new Set<string>();
  for (const alias of data.aliases) {
    const text = alias.text.trim();
    if (text === '') continue;
    if (!HAS_LATIN_LETTER.test(text)) {
      chinese.add(text);
      continue;
    }
    if (alias.case === 'insensitive') {
      for (const t of inflections(alias, text)) uncased.add(t);
      continue;
    }
    const spellings = alias.case === 'proper' ? [text, text.toUpperCase()] : [text];
    for (const s of spellings) for (const t of inflections(alias, s)) cased.add(t);
  }
  const exactly = { value: 'exactly' as const, limiters: LIMITERS };
  const calls: MarkJsTermCall[] = [
    {
      terms: [...cased],
      options: {
        separateWordSearch: false,
        diacritics: false,
        caseSensitive: true,
        accuracy: exactly,
      },
    },
    {
      terms: [...uncased],
      options: {
        separateWordSearch: false,
        diacritics: false,
        caseSensitive: false,
        accuracy: exactly,
      },
    },
    {
      terms: [...chinese],
      options: {
        separateWordSearch: false,
        diacritics: false,
        caseSensitive: true,
        accuracy: 'partially',
      },
    },
  ];
  return calls.filter((call) => call.terms.length > 0);
}
