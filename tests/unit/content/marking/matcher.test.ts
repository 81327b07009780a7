import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Glossary, MatcherAlias, MatcherData } from '../../../../common/glossary-types';
import { flattenAliases } from '../../../../entrypoints/background/matcher-data';
import {
  compileMatcher,
  MAX_PATTERN_SOURCE,
  type Match,
} from '../../../../entrypoints/content/marking/matcher';
import { seededRandom } from '../../../../scripts/lib/seeded-random.mjs';

const A = (
  text: string,
  id: string,
  caseRule: MatcherAlias['case'],
  inflect: boolean,
  category: MatcherAlias['category'] = 'censorship-system',
): MatcherAlias => ({ text, id, category, case: caseRule, inflect });

/** One of the reader's own spellings: exact or any case, never inflected. */
const OWN = (
  text: string,
  id: string,
  caseRule: 'exact' | 'insensitive' = 'exact',
): MatcherAlias => ({
  ...A(text, id, caseRule, false, 'user'),
  own: true,
});

const FIXTURE: MatcherData = {
  version: 'test-1',
  aliases: [
    A('Great Firewall', 'gfw', 'proper', true),
    A('Great Firewall of China', 'gfw-china', 'proper', false),
    A('GFW', 'gfw', 'exact', true),
    A('防火长城', 'gfw', 'exact', false),
    A('翻墙', 'fanqiang', 'exact', false, 'circumvention'),
    A('翻墙软件', 'fanqiang-software', 'exact', false, 'circumvention'),
    A('翻墙VPN', 'fanqiang-vpn', 'exact', false, 'circumvention'),
    A('VPN', 'vpn', 'exact', true, 'circumvention'),
    A('virtual private network', 'vpn', 'insensitive', true, 'circumvention'),
    A('YouTube', 'youtube', 'proper', true, 'blocked-platform'),
    A('Twitter', 'twitter', 'proper', true, 'blocked-platform'),
    A('Tor', 'tor', 'exact', false, 'circumvention'),
    A('Tor Browser', 'tor-browser', 'proper', true, 'circumvention'),
    A('Line', 'line-app', 'proper', true, 'blocked-platform'),
    A('LINE', 'line-corp', 'exact', false, 'blocked-platform'),
    A('C++', 'cpp', 'exact', false, 'policy'),
    A('Sina.com', 'sina', 'exact', false, 'domestic-platform'),
    A('Real-name registration', 'real-name', 'proper', false, 'policy'),
    A("People's Daily", 'peoples-daily', 'proper', false, 'domestic-platform'),
    A('Reporters Without Borders', 'rsf', 'proper', true, 'policy'),
  ],
};

const matcher = compileMatcher(FIXTURE);

/** Compact form for assertions: [matched text, id]. */
function found(text: string, m = matcher): [string, string][] {
  return m.findAll(text).map((x) => [text.slice(x.start, x.end), x.id]);
}

// ---------------------------------------------------------------------------------------------
// Naive reference matcher: independent of the regex construction, slow, obviously correct.

const isWord = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_]/.test(ch);
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
const APOSTROPHES = "'’";
const HYPHENS = '-\u2010\u2011';

/** End of `spelling` matched at `pos`, or -1. */
function matchSpelling(text: string, pos: number, spelling: string, anyCase: boolean): number {
  let i = pos;
  let j = 0;
  while (j < spelling.length) {
    const a = spelling[j] ?? '';
    if (isSpace(a)) {
      while (isSpace(spelling[j])) j++;
      if (!isSpace(text[i])) return -1;
      while (isSpace(text[i])) i++;
      continue;
    }
    const t = text[i];
    if (t === undefined) return -1;
    if (APOSTROPHES.includes(a)) {
      if (!APOSTROPHES.includes(t)) return -1;
    } else if (HYPHENS.includes(a)) {
      if (!HYPHENS.includes(t)) return -1;
    } else if (anyCase ? t.toLowerCase() !== a.toLowerCase() : t !== a) {
      return -1;
    }
    i++;
    j++;
  }
  return i;
}

const allCaps = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();

type RefRow = MatcherAlias & { index: number; normLength: number };

function referenceRows(aliases: readonly MatcherAlias[]): RefRow[] {
  return aliases
    .map((a, index) => ({ ...a, text: a.text.trim(), index }))
    .filter((a) => a.text !== '')
    .map((a) => ({ ...a, normLength: a.text.replace(/\s+/g, ' ').length }))
    .sort((a, b) => b.normLength - a.normLength || a.index - b.index);
}

/** The match at exactly `pos`: the longest alias that matches there, earlier rows first. */
function referenceAt(rows: readonly RefRow[], text: string, pos: number): Match | undefined {
  for (const row of rows) {
    const first = row.text[0];
    const last = row.text[row.text.length - 1];
    if (isWord(first) && isWord(text[pos - 1])) continue;
    const spellings: [string, boolean][] =
      row.case === 'insensitive'
        ? [[row.text, true]]
        : row.case === 'proper'
          ? [
              [row.text, false],
              [row.text.toUpperCase(), false],
            ]
          : [[row.text, false]];
    for (const [spelling, anyCase] of spellings) {
      const end = matchSpelling(text, pos, spelling, anyCase);
      if (end < 0) continue;
      const ends: number[] = [];
      if (row.inflect && isWord(last)) {
        const upperOk = row.case === 'insensitive' || allCaps(spelling);
        const isS = (ch: string | undefined) => ch === 's' || (upperOk && ch === 'S');
        if (APOSTROPHES.includes(text[end] ?? 'x') && isS(text[end + 1])) ends.push(end + 2);
        if (isS(text[end])) ends.push(end + 1);
      }
      ends.push(end);
      const ok = ends.find((e) => !isWord(last) || !isWord(text[e]));
      if (ok !== undefined) return { start: pos, end: ok, id: row.id, category: row.category };
    }
  }
  return undefined;
}

function referenceNext(rows: readonly RefRow[], text: string, from: number): Match | undefined {
  for (let pos = from; pos < text.length; pos++) {
    const hit = referenceAt(rows, text, pos);
    if (hit) return hit;
  }
  return undefined;
}

function referenceFindAll(data: MatcherData, text: string): Match[] {
  const rows = referenceRows(data.aliases.filter((a) => !a.own));
  const ownRows = referenceRows(
    data.aliases.filter((a) => a.own).map((a) => ({ ...a, inflect: false })),
  );
  if (ownRows.length === 0) {
    const out: Match[] = [];
    for (let hit = referenceNext(rows, text, 0); hit; hit = referenceNext(rows, text, hit.end)) {
      out.push(hit);
    }
    return out;
  }
  // The overlap rule between the bundled and the reader's matches: the longer wins, a tie goes to
  // the bundled one, and the loser is looked for again one character later.
  const out: Match[] = [];
  const len = (m: Match) => m.end - m.start;
  let b = referenceNext(rows, text, 0);
  let u = referenceNext(ownRows, text, 0);
  while (b || u) {
    if (b && u && b.start < u.end && u.start < b.end) {
      if (len(u) > len(b)) b = referenceNext(rows, text, b.start + 1);
      else u = referenceNext(ownRows, text, u.start + 1);
    } else if (b && (!u || b.start < u.start)) {
      out.push(b);
      b = referenceNext(rows, text, b.end);
    } else if (u) {
      out.push(u);
      u = referenceNext(ownRows, text, u.end);
    }
  }
  return out;
}

function randomText(rand: () => number, vocabulary: readonly string[], maxPieces: number): string {
  const n = Math.floor(rand() * maxPieces);
  let s = '';
  for (let i = 0; i < n; i++) s += vocabulary[Math.floor(rand() * vocabulary.length)];
  return s;
}

// ---------------------------------------------------------------------------------------------

describe('compileMatcher: rules', () => {
  it('carries the data version', () => {
    expect(matcher.version).toBe('test-1');
  });

  it('returns nothing for empty text and for no aliases', () => {
    expect(matcher.findAll('')).toEqual([]);
    expect(matcher.test('')).toBe(false);
    const none = compileMatcher({ version: 'v0', aliases: [] });
    expect(none.findAll('Great Firewall VPN 翻墙')).toEqual([]);
    expect(none.test('Great Firewall')).toBe(false);
    expect(none.version).toBe('v0');
  });

  it('reports offsets, id and category', () => {
    expect(matcher.findAll('I use a VPN daily')).toEqual([
      { start: 8, end: 11, id: 'vpn', category: 'circumvention' },
    ]);
  });

  it('matches Latin aliases as whole words only', () => {
    expect(found('Watch YouTube now')).toEqual([['YouTube', 'youtube']]);
    expect(found('a YouTuber said')).toEqual([]);
    expect(found('VPNaaS, aVPN, VPN2, _VPN, VPN_x')).toEqual([]);
    expect(found('(VPN), "VPN". VPN-free anti-VPN')).toEqual([
      ['VPN', 'vpn'],
      ['VPN', 'vpn'],
      ['VPN', 'vpn'],
      ['VPN', 'vpn'],
    ]);
  });

  it('proper: as written or ALL CAPS, nothing else', () => {
    expect(found('a great firewall appliance')).toEqual([]);
    expect(found('the Great firewall')).toEqual([]);
    expect(found('the great Firewall')).toEqual([]);
    expect(found('the Great Firewall')).toEqual([['Great Firewall', 'gfw']]);
    expect(found('CHINA EXPANDS GREAT FIREWALL')).toEqual([['GREAT FIREWALL', 'gfw']]);
    expect(found('THE GREAT FIREWALL OF CHINA BLOCKS VPNS')).toEqual([
      ['GREAT FIREWALL OF CHINA', 'gfw-china'],
      ['VPNS', 'vpn'],
    ]);
    expect(found('Youtube, youtube, YOUTUBE')).toEqual([['YOUTUBE', 'youtube']]);
  });

  it('exact: only as written', () => {
    expect(found('GFW gfw Gfw gFW')).toEqual([['GFW', 'gfw']]);
    expect(found('vpn Vpn VPN')).toEqual([['VPN', 'vpn']]);
    expect(found('tor TOR Tor')).toEqual([['Tor', 'tor']]);
  });

  it('insensitive: any case, inflections in any case', () => {
    expect(found('a Virtual Private Network, a virtual private network')).toEqual([
      ['Virtual Private Network', 'vpn'],
      ['virtual private network', 'vpn'],
    ]);
    expect(found('VIRTUAL PRIVATE NETWORKS and vIrTuAl PrIvAtE nEtWoRkS')).toEqual([
      ['VIRTUAL PRIVATE NETWORKS', 'vpn'],
      ['vIrTuAl PrIvAtE nEtWoRkS', 'vpn'],
    ]);
  });

  it('plural and possessive, straight and typographic apostrophe, when inflect is set', () => {
    expect(found("VPNs VPN’s VPN's Twitter's Twitter’s YouTubes")).toEqual([
      ['VPNs', 'vpn'],
      ['VPN’s', 'vpn'],
      ["VPN's", 'vpn'],
      ["Twitter's", 'twitter'],
      ['Twitter’s', 'twitter'],
      ['YouTubes', 'youtube'],
    ]);
    // Upper-case S only after an all-caps spelling.
    expect(found('TWITTER’S TwitterS VPNS')).toEqual([
      ['TWITTER’S', 'twitter'],
      ['VPNS', 'vpn'],
    ]);
    // Plural possessive: the trailing apostrophe stays outside the mark (could be a closing quote).
    expect(found("the VPNs' servers; Reporters Without Borders’ report")).toEqual([
      ['VPNs', 'vpn'],
      ['Reporters Without Borders', 'rsf'],
    ]);
    expect(found("'I use VPNs'")).toEqual([['VPNs', 'vpn']]);
  });

  it('without inflect: no plural, and a possessive leaves the mark on the bare word', () => {
    expect(found("Tors and Tor’s and Tor's")).toEqual([
      ['Tor', 'tor'],
      ['Tor', 'tor'],
    ]);
    expect(found('the Great Firewall of Chinas')).toEqual([['Great Firewall', 'gfw']]);
  });

  it('matches Chinese aliases without spaces, next to Latin aliases', () => {
    expect(found('他们在防火长城后面')).toEqual([['防火长城', 'gfw']]);
    expect(found('使用VPN翻墙')).toEqual([
      ['VPN', 'vpn'],
      ['翻墙', 'fanqiang'],
    ]);
    expect(found('用GFW屏蔽了YouTube和Twitter')).toEqual([
      ['GFW', 'gfw'],
      ['YouTube', 'youtube'],
      ['Twitter', 'twitter'],
    ]);
  });

  it('longest match wins at a position', () => {
    expect(found('the Great Firewall of China is')).toEqual([
      ['Great Firewall of China', 'gfw-china'],
    ]);
    expect(found('the Great Firewall of Chinese design')).toEqual([['Great Firewall', 'gfw']]);
    expect(found('下载翻墙软件')).toEqual([['翻墙软件', 'fanqiang-software']]);
    expect(found('the Tor Browser and Tor')).toEqual([
      ['Tor Browser', 'tor-browser'],
      ['Tor', 'tor'],
    ]);
  });

  it('overlapping aliases: leftmost first, no overlaps, fallback when the longer one fails', () => {
    expect(found('翻墙VPN')).toEqual([['翻墙VPN', 'fanqiang-vpn']]);
    // "翻墙VPN" cannot take the plural; 翻墙 and the plural VPNs match instead.
    expect(found('翻墙VPNs')).toEqual([
      ['翻墙', 'fanqiang'],
      ['VPNs', 'vpn'],
    ]);
    const hits = matcher.findAll('Great Firewall of China VPN翻墙软件');
    for (let i = 1; i < hits.length; i++) {
      expect(hits[i]?.start).toBeGreaterThanOrEqual(hits[i - 1]?.end ?? 0);
    }
    expect(hits.map((h) => h.id)).toEqual(['gfw-china', 'vpn', 'fanqiang-software']);
  });

  it('same text in two rows: the earlier row wins', () => {
    expect(found('LINE and Line')).toEqual([
      ['LINE', 'line-app'],
      ['Line', 'line-app'],
    ]);
  });

  it('escapes regex special characters', () => {
    expect(found('I write C++ code, not C or C+')).toEqual([['C++', 'cpp']]);
    expect(found('Sina.com and SinaXcom')).toEqual([['Sina.com', 'sina']]);
    const special = compileMatcher({
      version: 'v',
      aliases: [A('a.b*c', 'x', 'exact', false), A('(?:x)|[y]\\d$^', 'y', 'exact', false)],
    });
    expect(found('a.b*c aXbbbc (?:x)|[y]\\d$^ x y', special)).toEqual([
      ['a.b*c', 'x'],
      ['(?:x)|[y]\\d$^', 'y'],
    ]);
  });

  it('any whitespace run between words, including NBSP and newlines', () => {
    for (const gap of ['\u00a0', '\n', '  \t ', '\r\n', '\u3000']) {
      expect(found(`the Great${gap}Firewall`)).toEqual([[`Great${gap}Firewall`, 'gfw']]);
    }
    expect(found('GreatFirewall')).toEqual([]);
  });

  it('typographic apostrophe and hyphen variants inside aliases', () => {
    expect(found("People’s Daily and People's Daily")).toEqual([
      ['People’s Daily', 'peoples-daily'],
      ["People's Daily", 'peoples-daily'],
    ]);
    expect(found('Real‐name registration, Real‑name registration, real-name registration')).toEqual(
      [
        ['Real‐name registration', 'real-name'],
        ['Real‑name registration', 'real-name'],
      ],
    );
  });

  it('test() agrees with findAll()', () => {
    for (const s of ['', 'nothing here', 'YouTuber', 'a VPN', '翻墙', 'great firewall']) {
      expect(matcher.test(s)).toBe(matcher.findAll(s).length > 0);
    }
  });

  it('can be reused across texts (no lastIndex leaks)', () => {
    expect(found('VPN VPN VPN')).toHaveLength(3);
    matcher.test('xx VPN');
    expect(found('VPN')).toEqual([['VPN', 'vpn']]);
  });

  it('resolves the same spelling the same way every time, past its memory of spellings', () => {
    // Each whitespace run is a new spelling: 600 of them overflow what the resolver remembers.
    for (let n = 1; n <= 600; n++) {
      const spaced = `Great${' '.repeat(n)}Firewall`;
      expect(found(`${spaced} and Great firewall`)).toEqual([[spaced, 'gfw']]);
    }
    expect(found('GREAT FIREWALL, great firewall')).toEqual([['GREAT FIREWALL', 'gfw']]);
  });
});

// ---------------------------------------------------------------------------------------------

const VOCABULARY = [
  'Great',
  'Firewall',
  'Great Firewall',
  'GREAT FIREWALL',
  'great',
  'firewall',
  ' of China',
  ' OF CHINA',
  'Chinas',
  'GFW',
  'gfw',
  'VPN',
  'vpn',
  'VPNaaS',
  'Vpn',
  'virtual',
  ' private ',
  'NETWORK',
  'network',
  'YouTube',
  'YouTuber',
  'YOUTUBE',
  'Twitter',
  'Tor',
  'TOR',
  ' Browser',
  'Line',
  'LINE',
  'C++',
  'C+',
  'Sina.com',
  'Sina',
  '.com',
  'Real-name',
  'Real‐name',
  ' registration',
  "People's",
  'People’s',
  ' Daily',
  'Reporters Without Borders',
  "'s",
  '’s',
  's',
  'S',
  "'",
  '’',
  '翻墙',
  '翻',
  '墙',
  '软件',
  '防火长城',
  '使用',
  '长城',
  ' ',
  '  ',
  '\u00a0',
  '\n',
  ',',
  '.',
  '-',
  '(',
  ')',
  '_',
  '1',
  'x',
  'é',
];

describe('compileMatcher: property tests against a naive reference', () => {
  it('agrees with the reference on random texts (fixture aliases)', () => {
    const seed = 0x5eed_0001;
    const rand = seededRandom(seed);
    for (let n = 0; n < 5000; n++) {
      const text = randomText(rand, VOCABULARY, 14);
      const expected = referenceFindAll(FIXTURE, text);
      const actual = matcher.findAll(text);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        expect.fail(
          `seed ${seed}, case ${n}, text ${JSON.stringify(text)}:\n` +
            `  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`,
        );
      }
      expect(matcher.test(text), `seed ${seed}, case ${n}`).toBe(expected.length > 0);
    }
  });

  it('agrees with the reference on random alias sets and texts', () => {
    const seed = 0x5eed_0002;
    const rand = seededRandom(seed);
    const pieces = ['ab', 'Ab', 'AB', 'b', 'c', 'a', ' ', "'", 's', '翻', '墙', '.', '+'];
    const cases: MatcherAlias['case'][] = ['proper', 'exact', 'insensitive'];
    for (let round = 0; round < 200; round++) {
      const aliases: MatcherAlias[] = [];
      const count = 1 + Math.floor(rand() * 8);
      for (let i = 0; i < count; i++) {
        const text = randomText(rand, pieces, 4).trim() || 'ab';
        aliases.push(
          A(text, `t${i}`, cases[Math.floor(rand() * 3)] ?? 'exact', rand() < 0.5, 'event'),
        );
      }
      const data: MatcherData = { version: String(round), aliases };
      const m = compileMatcher(data);
      for (let n = 0; n < 40; n++) {
        const text = randomText(rand, [...pieces, 'S', '’', '\u00a0', 'x'], 12);
        const expected = referenceFindAll(data, text);
        const actual = m.findAll(text);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          expect.fail(
            `seed ${seed}, round ${round}, case ${n}, aliases ${JSON.stringify(aliases)}, ` +
              `text ${JSON.stringify(text)}:\n` +
              `  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`,
          );
        }
      }
    }
  });

  it('splits a pattern too large for one RegExp and still agrees with the reference', () => {
    const seed = 0x5eed_0003;
    const rand = seededRandom(seed);
    const words = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Omega', 'Sigma', 'Kappa', 'Zeta'];
    const aliases: MatcherAlias[] = [];
    // Prefix chains ("Alpha", "Alpha Beta", ...) end up in different regexes once split.
    for (let i = 0; i < 1500; i++) {
      const parts = [words[i % 8], words[Math.floor(i / 8) % 8], `${Math.floor(i / 64)}`];
      const len = 1 + (i % 3);
      aliases.push(A(parts.slice(0, len).join(' '), `s${i}`, 'proper', i % 2 === 0, 'event'));
    }
    const estimated = aliases.reduce((sum, a) => sum + 2 * a.text.length + 8, 0);
    expect(estimated).toBeGreaterThan(MAX_PATTERN_SOURCE);
    const data: MatcherData = { version: 'big', aliases };
    const m = compileMatcher(data);
    const vocabulary = [...words, ...words.map((w) => w.toUpperCase()), ' ', 's', '1', '23', "'s"];
    for (let n = 0; n < 300; n++) {
      const text = randomText(rand, vocabulary, 12);
      const expected = referenceFindAll(data, text);
      const actual = m.findAll(text);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        expect.fail(
          `seed ${seed}, case ${n}, text ${JSON.stringify(text)}:\n` +
            `  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`,
        );
      }
    }
  });
});

describe('compileMatcher: the reader’s own spellings', () => {
  const withOwn = (...own: MatcherAlias[]) =>
    compileMatcher({ version: 'own', aliases: [...FIXTURE.aliases, ...own] });

  it('marks them like bundled ones: whole words, Chinese anywhere, case as asked', () => {
    const m = withOwn(
      OWN('Plan X', 'plan-x'),
      OWN('telegram', 'telegram', 'insensitive'),
      OWN('电报', 'telegram'),
    );
    expect(found('Plan X and TELEGRAM; 用电报 and Plan Xs, plan x', m)).toEqual([
      ['Plan X', 'plan-x'],
      ['TELEGRAM', 'telegram'],
      ['电报', 'telegram'],
    ]);
  });

  it('the longest match wins where an own spelling and a bundled one overlap', () => {
    const m = withOwn(
      OWN('Great Firewall of Chinatown', 'mine'),
      OWN('Firewall of', 'short'),
      OWN('Tor Browser bundle', 'tbb'),
    );
    expect(found('the Great Firewall of Chinatown', m)).toEqual([
      ['Great Firewall of Chinatown', 'mine'],
    ]);
    // "Firewall of" (11) starts inside the bundled "Great Firewall of China" (23): the bundled one wins.
    expect(found('the Great Firewall of China', m)).toEqual([
      ['Great Firewall of China', 'gfw-china'],
    ]);
    // Starting first does not help a shorter match: "Tor Browser bundle" beats nothing longer here.
    expect(found('a Tor Browser bundle', m)).toEqual([['Tor Browser bundle', 'tbb']]);
  });

  it('a longer own spelling that starts later still wins over a shorter bundled one', () => {
    const m = withOwn(OWN('VPN ban list', 'ban-list'));
    expect(found('the VPN ban list', m)).toEqual([['VPN ban list', 'ban-list']]);
    const later = withOwn(OWN('Twitter ban list', 'twitter-list'));
    expect(found('GFW Twitter ban list', later)).toEqual([
      ['GFW', 'gfw'],
      ['Twitter ban list', 'twitter-list'],
    ]);
  });

  it('at equal length the bundled entry wins', () => {
    const m = withOwn(
      OWN('VPN', 'my-vpn'),
      OWN('翻墙', 'my-fanqiang'),
      OWN('Tor Browser', 'my-tor', 'insensitive'),
    );
    expect(found('VPN, 翻墙 and Tor Browser', m)).toEqual([
      ['VPN', 'vpn'],
      ['翻墙', 'fanqiang'],
      ['Tor Browser', 'tor-browser'],
    ]);
    // Where the bundled spelling does not apply (its case rule), the reader's does.
    expect(found('tor browser', m)).toEqual([['tor browser', 'my-tor']]);
  });

  it('after losing, a shorter own spelling inside the loser is still found', () => {
    const m = withOwn(OWN('Firewall plan', 'long'), OWN('plan', 'plan', 'insensitive'));
    // "Firewall plan" (13) overlaps the longer bundled "Great Firewall" (14) and loses; "plan"
    // starts inside the loser, after the winner, and is marked.
    expect(found('Great Firewall plan', m)).toEqual([
      ['Great Firewall', 'gfw'],
      ['plan', 'plan'],
    ]);
    expect(found('Firewall plan', m)).toEqual([['Firewall plan', 'long']]);
  });

  it('test() agrees with findAll() with own spellings', () => {
    const m = withOwn(OWN('Plan X', 'plan-x'));
    for (const text of ['Plan X', 'plan x', 'VPN', 'nothing', 'Plan Xs']) {
      expect(m.test(text), text).toBe(m.findAll(text).length > 0);
    }
  });

  it('agrees with the reference on random own and bundled spellings', () => {
    const seed = 0x5eed_0004;
    const rand = seededRandom(seed);
    const pieces = ['ab', 'Ab', 'AB', 'b', 'c', 'a', ' ', "'", 's', '翻', '墙', '.', '+', '-'];
    const cases: MatcherAlias['case'][] = ['proper', 'exact', 'insensitive'];
    for (let round = 0; round < 300; round++) {
      const aliases: MatcherAlias[] = [];
      const count = 1 + Math.floor(rand() * 6);
      for (let i = 0; i < count; i++) {
        const text = randomText(rand, pieces, 4).trim() || 'ab';
        aliases.push(
          A(text, `b${i}`, cases[Math.floor(rand() * 3)] ?? 'exact', rand() < 0.5, 'event'),
        );
      }
      const ownCount = 1 + Math.floor(rand() * 6);
      for (let i = 0; i < ownCount; i++) {
        const text = randomText(rand, pieces, 5).trim() || 'ab';
        aliases.push(OWN(text, `u${i}`, rand() < 0.5 ? 'exact' : 'insensitive'));
      }
      const data: MatcherData = { version: String(round), aliases };
      const m = compileMatcher(data);
      for (let n = 0; n < 40; n++) {
        const text = randomText(rand, [...pieces, 'S', '’', '\u00a0', 'x', '\u2010'], 12);
        const expected = referenceFindAll(data, text);
        const actual = m.findAll(text);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          expect.fail(
            `seed ${seed}, round ${round}, case ${n}, aliases ${JSON.stringify(aliases)}, ` +
              `text ${JSON.stringify(text)}:\n` +
              `  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`,
          );
        }
        expect(m.test(text)).toBe(expected.length > 0);
      }
    }
  });

  it('finds among thousands of own spellings what the reference finds', () => {
    const seed = 0x5eed_0005;
    const rand = seededRandom(seed);
    const syllables = ['ka', 'ro', 'mi', 'ten', 'zu', 'lor', 'vex', 'an', 'qu', 'po', '网', '络'];
    const word = () =>
      Array.from(
        { length: 2 + Math.floor(rand() * 3) },
        () => syllables[Math.floor(rand() * syllables.length)],
      ).join('');
    const own: MatcherAlias[] = [];
    for (let i = 0; i < 3000; i++) {
      const text = rand() < 0.3 ? `${word()} ${word()}` : word();
      own.push(OWN(text, `u${i}`, rand() < 0.5 ? 'exact' : 'insensitive'));
    }
    const data: MatcherData = { version: 'many', aliases: [...FIXTURE.aliases, ...own] };
    const m = compileMatcher(data);
    const vocabulary = [...syllables, 'KA', 'Ro', ' ', ' ', 'VPN', 'Great Firewall', '翻墙', '.'];
    for (let n = 0; n < 30; n++) {
      const text = randomText(rand, vocabulary, 16);
      const expected = referenceFindAll(data, text);
      const actual = m.findAll(text);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        expect.fail(
          `seed ${seed}, case ${n}, text ${JSON.stringify(text)}:\n` +
            `  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`,
        );
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

const GLOSSARY_PATH = resolve(__dirname, '../../../../data/glossary.json');

describe('compileMatcher: bundled glossary', () => {
  it('compiles data/glossary.json and finds real mentions', () => {
    const glossary = JSON.parse(readFileSync(GLOSSARY_PATH, 'utf8')) as Glossary;
    const data = flattenAliases(glossary);
    const m = compileMatcher(data);
    expect(m.version).toBe(glossary.version);
    const fold = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();
    // Every alias is found in a sentence, spanning exactly its text (possibly by an equal alias).
    for (const alias of data.aliases) {
      const sentence = `(${alias.text}) `;
      const hits = m.findAll(sentence);
      expect(hits[0], alias.text).toBeDefined();
      expect(fold(sentence.slice(hits[0]?.start, hits[0]?.end)), alias.text).toBe(fold(alias.text));
    }
    expect(m.findAll('China expanded the Great Firewall in 2015.')[0]?.id).toBe('great-firewall');
    expect(m.findAll('a great firewall appliance')).toEqual([]);
  });
});
