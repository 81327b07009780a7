import { describe, expect, it } from 'vitest';
import {
  broadReason,
  checkTermsFile,
  checkUserTerm,
  describeProblem,
  overlapWarnings,
  parseTermsFile,
  TERM_LIMITS,
  type TermCheck,
  type TermProblem,
  termsFile,
  type UserTermFields,
} from '../../../common/user-terms';

const PLAN_X: UserTermFields = {
  label: 'Plan X',
  aliases: ['Plan X'],
  caseSensitive: true,
  category: 'user',
  note: 'A codename our newsroom uses.',
  link: 'https://example.org/',
};

function problemsOf(result: TermCheck): TermProblem[] {
  return result.ok ? result.broad : result.problems;
}

function errorsOf(input: unknown): string[] {
  const result = checkUserTerm(input);
  return result.ok ? [] : result.problems.map(describeProblem);
}

function fileOf(terms: unknown[]): unknown {
  return { format: 'firewall-lens-terms', version: 1, terms };
}

describe('one term', () => {
  it('accepts the example from the issue as it is', () => {
    expect(checkUserTerm({ ...PLAN_X })).toEqual({ ok: true, term: PLAN_X, broad: [] });
  });

  it('fills the optional fields: any case, "Your terms", no note, no link', () => {
    const result = checkUserTerm({ label: 'Telegram', aliases: ['Telegram'] });
    expect(result).toEqual({
      ok: true,
      term: {
        label: 'Telegram',
        aliases: ['Telegram'],
        caseSensitive: false,
        category: 'user',
        note: '',
        link: null,
      },
      broad: [],
    });
  });

  it('trims the label and spellings and folds runs of spaces in a spelling', () => {
    const result = checkUserTerm({ label: '  Plan X ', aliases: ['  Plan   X  '] });
    expect(result.ok && result.term.label).toBe('Plan X');
    expect(result.ok && result.term.aliases).toEqual(['Plan X']);
  });

  it.each([
    [{ ...PLAN_X, label: '' }, 'label: the label is empty'],
    [{ ...PLAN_X, label: '   ' }, 'label: the label is empty'],
    [{ ...PLAN_X, label: undefined }, 'label: the label is missing'],
    [{ ...PLAN_X, label: 'x'.repeat(101) }, 'label: the label is 101 characters; at most 100'],
    [{ ...PLAN_X, label: 'Plan\nX' }, 'label: the label must be one line'],
    [{ ...PLAN_X, aliases: [] }, 'spellings: add at least one spelling'],
    [{ ...PLAN_X, aliases: 'Plan X' }, 'spellings: spellings must be a list, not a string'],
    [{ ...PLAN_X, aliases: ['Plan X', ''] }, 'spellings: spelling 2 is empty'],
    [{ ...PLAN_X, aliases: ['Plan X', '  '] }, 'spellings: spelling 2 is empty'],
    [
      { ...PLAN_X, aliases: ['x'.repeat(101)] },
      'spellings: spelling 1 is 101 characters; at most 100',
    ],
    [
      { ...PLAN_X, aliases: Array.from({ length: 21 }, (_, i) => `Plan ${i}`) },
      'spellings: 21 spellings; at most 20',
    ],
    [{ ...PLAN_X, aliases: [42] }, 'spellings: spelling 1 must be text, not a number'],
    [{ ...PLAN_X, aliases: ['!!!'] }, 'spellings: spelling 1 (“!!!”) has no letter or digit'],
    [
      { ...PLAN_X, caseSensitive: false, aliases: ['Plan X', 'plan x'] },
      'spellings: spelling 2 (“plan x”) repeats spelling 1',
    ],
    [
      { ...PLAN_X, caseSensitive: 'yes' },
      'match case: match case must be true or false, not a string',
    ],
    [{ ...PLAN_X, category: 'secret' }, 'category: unknown category “secret”'],
    [{ ...PLAN_X, note: 7 }, 'note: the note must be text, not a number'],
    [{ ...PLAN_X, note: 'n'.repeat(2001) }, 'note: the note is 2,001 characters; at most 2,000'],
    [{ ...PLAN_X, note: 'see <b>this</b>' }, 'note: the note must be plain text, not HTML'],
    [{ ...PLAN_X, note: 'bell\u0007' }, 'note: the note contains control characters'],
    [{ ...PLAN_X, label: 'Plan \u202eX' }, 'label: the label contains control characters'],
    [
      { ...PLAN_X, link: 'example.org' },
      'link: “example.org” is not a web address (it must start with https:// or http://)',
    ],
    [
      { ...PLAN_X, link: 'ftp://example.org/' },
      'link: only https:// and http:// links are allowed, not ftp:',
    ],
    [
      { ...PLAN_X, link: 'https://me:pw@example.org/' },
      'link: the link must not contain a user name or password',
    ],
    [{ ...PLAN_X, id: 'user:1' }, 'unknown field “id”'],
  ])('refuses %#: %s', (input, message) => {
    expect(errorsOf(input)).toContain(message);
  });

  it('keeps case-sensitive spellings that differ only in case', () => {
    const result = checkUserTerm({ ...PLAN_X, aliases: ['Plan X', 'PLAN X'] });
    expect(result.ok && result.term.aliases).toEqual(['Plan X', 'PLAN X']);
  });

  it('keeps a note with line breaks and a lone "<" as plain text', () => {
    const result = checkUserTerm({ ...PLAN_X, note: 'Line one\r\nline two: 3 < 4' });
    expect(result.ok && result.term.note).toBe('Line one\nline two: 3 < 4');
  });

  it('normalises the link and treats an empty one as none', () => {
    expect(checkUserTerm({ ...PLAN_X, link: 'HTTPS://Example.org' }).ok).toBe(true);
    const normalised = checkUserTerm({ ...PLAN_X, link: 'HTTPS://Example.org' });
    expect(normalised.ok && normalised.term.link).toBe('https://example.org/');
    const empty = checkUserTerm({ ...PLAN_X, link: '' });
    expect(empty.ok && empty.term.link).toBeNull();
  });
});

describe('spellings that would match nearly everything', () => {
  it.each([
    ['X', true, 'single character'],
    ['a', false, 'single character'],
    ['7', false, 'single character'],
    ['墙', false, 'single Chinese character'],
    ['the', false, 'common word “the”'],
    ['The', true, 'common word “the”'],
    ['NEWS', true, 'common word “news”'],
    ['网络', false, 'common Chinese word'],
    ['火墙', false, 'inside the common word “防火墙”'],
  ])('%s (match case %s) is broad: %s', (spelling, caseSensitive, reason) => {
    expect(broadReason(spelling, caseSensitive)).toContain(reason);
  });

  it.each([
    ['Plan X', true],
    ['nEWS', true],
    ['Telegram', false],
    ['推特', false],
  ])('%s (match case %s) is not', (spelling, caseSensitive) => {
    expect(broadReason(spelling, caseSensitive)).toBeUndefined();
  });

  it('is valid but reported as broad, so the reader can confirm it', () => {
    const result = checkUserTerm({ ...PLAN_X, aliases: ['Plan X', 'X'] });
    expect(result.ok).toBe(true);
    expect(problemsOf(result)).toEqual([
      {
        field: 'aliases',
        kind: 'broad',
        message: '“X” is a single character: it would match on almost every page',
      },
    ]);
  });
});

describe('a terms file', () => {
  it('reads the export back into the same terms', () => {
    const terms: UserTermFields[] = [
      PLAN_X,
      {
        ...PLAN_X,
        label: '微信支付',
        aliases: ['微信支付', 'WeChat Pay'],
        link: null,
        caseSensitive: false,
        category: 'domestic-platform',
      },
    ];
    const text = JSON.stringify(termsFile(terms, new Date('2026-12-03T08:00:00Z')));
    expect(parseTermsFile(text, text.length)).toEqual({ ok: true, terms, broad: [] });
  });

  it('writes the documented format, without internal ids, and no link key when there is none', () => {
    const file = termsFile([{ ...PLAN_X, link: null }], new Date('2026-12-03T08:00:00Z'));
    expect(file).toEqual({
      format: 'firewall-lens-terms',
      version: 1,
      exportedAt: '2026-12-03T08:00:00.000Z',
      terms: [
        {
          label: 'Plan X',
          aliases: ['Plan X'],
          caseSensitive: true,
          category: 'user',
          note: PLAN_X.note,
        },
      ],
    });
  });

  it('lists every error by entry number and field, and accepts nothing', () => {
    const result = checkTermsFile(
      fileOf([
        PLAN_X,
        { ...PLAN_X, label: 'Two', aliases: [''] },
        { ...PLAN_X, label: 'Three', link: 'javascript:alert(1)' },
      ]),
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map(describeProblem)).toEqual([
      'Entry 2, spellings: spelling 1 is empty',
      'Entry 3, link: only https:// and http:// links are allowed, not javascript:',
    ]);
  });

  it('refuses two entries with one label', () => {
    const result = checkTermsFile(fileOf([PLAN_X, { ...PLAN_X, label: 'plan  x' }]));
    expect(result.ok ? [] : result.problems.map(describeProblem)).toEqual([
      "Entry 2, label: the label “plan x” is also entry 1's",
    ]);
  });

  it('numbers broad spellings by entry too', () => {
    const result = checkTermsFile(fileOf([PLAN_X, { label: 'Letter', aliases: ['Q'] }]));
    expect(result.ok).toBe(true);
    expect(result.ok && result.broad.map(describeProblem)).toEqual([
      'Entry 2, spellings: “Q” is a single character: it would match on almost every page',
    ]);
  });

  it(`takes up to ${TERM_LIMITS.terms.toLocaleString('en')} terms and no more`, () => {
    const terms = Array.from({ length: TERM_LIMITS.terms }, (_, i) => ({
      label: `T${i}`,
      aliases: [`Term${i}`],
    }));
    expect(checkTermsFile(fileOf(terms)).ok).toBe(true);
    const over = checkTermsFile(fileOf([...terms, { label: 'one more', aliases: ['One more'] }]));
    expect(over.ok ? [] : over.problems.map(describeProblem)).toEqual([
      'the file has 5,001 terms; at most 5,000',
    ]);
  });

  it('refuses a file over 5 MB before parsing it', () => {
    const result = parseTermsFile('not even JSON', TERM_LIMITS.fileBytes + 1);
    expect(result.ok ? [] : result.problems.map(describeProblem)).toEqual([
      'the file is 5.0 MB; at most 5 MB',
    ]);
  });
});

/** Each row: what a hostile or broken file holds, and the first thing the reader is told. */
const HOSTILE_FILES: [string, string, string][] = [
  ['not JSON', '<html><script>alert(1)</script>', 'the file is not valid JSON'],
  ['an empty file', '', 'the file is not valid JSON'],
  ['a JSON string', '"terms"', 'the file must hold a JSON object, not a string'],
  ['a JSON array', '[]', 'the file must hold a JSON object, not an array'],
  ['null', 'null', 'the file must hold a JSON object, not null'],
  [
    'another format',
    '{"format":"anki","version":1,"terms":[]}',
    'this is not a Firewall Lens terms file',
  ],
  [
    'a newer version',
    '{"format":"firewall-lens-terms","version":2,"terms":[]}',
    'made by a newer Firewall Lens',
  ],
  [
    'a string version',
    '{"format":"firewall-lens-terms","version":"1","terms":[]}',
    '"version" must be 1',
  ],
  [
    'terms as an object',
    '{"format":"firewall-lens-terms","version":1,"terms":{}}',
    '"terms" must be a list, not an object',
  ],
  [
    'a script in a note',
    JSON.stringify(fileOf([{ ...PLAN_X, note: '<script>fetch("https://evil.example")</script>' }])),
    'Entry 1, note: the note must be plain text, not HTML',
  ],
  [
    'an image tag in a note',
    JSON.stringify(fileOf([{ ...PLAN_X, note: '<img src=x onerror=alert(1)>' }])),
    'Entry 1, note: the note must be plain text, not HTML',
  ],
  [
    'a javascript: link',
    JSON.stringify(fileOf([{ ...PLAN_X, link: 'javascript:alert(document.cookie)' }])),
    'Entry 1, link: only https:// and http:// links are allowed, not javascript:',
  ],
  [
    'a data: link',
    JSON.stringify(fileOf([{ ...PLAN_X, link: 'data:text/html,<script>alert(1)</script>' }])),
    'Entry 1, link: only https:// and http:// links are allowed, not data:',
  ],
  [
    'deep nesting',
    `{"format":"firewall-lens-terms","version":1,"terms":[{"label":"Deep","aliases":${'['.repeat(5000)}${']'.repeat(5000)}}]}`,
    'Entry 1, spellings: spelling 1 must be text, not an array',
  ],
  [
    'a nested object as a label',
    JSON.stringify(fileOf([{ ...PLAN_X, label: { toString: 'x' } }])),
    'Entry 1, label: the label must be text, not an object',
  ],
  [
    'a huge spelling',
    JSON.stringify(fileOf([{ ...PLAN_X, aliases: ['A'.repeat(1_000_000)] }])),
    'Entry 1, spellings: spelling 1 is 1000000 characters; at most 100',
  ],
  [
    'a huge note',
    JSON.stringify(fileOf([{ ...PLAN_X, note: 'n'.repeat(3_000_000) }])),
    'Entry 1, note: the note is 3,000,000 characters; at most 2,000',
  ],
  [
    'a prototype key',
    '{"format":"firewall-lens-terms","version":1,"terms":[{"label":"P","aliases":["Proto"],"__proto__":{"caseSensitive":true}}]}',
    'Entry 1: unknown field “__proto__”',
  ],
  [
    'a number for match case',
    JSON.stringify(fileOf([{ ...PLAN_X, caseSensitive: 1 }])),
    'Entry 1, match case: match case must be true or false, not a number',
  ],
  [
    'a term that is a string',
    JSON.stringify(fileOf(['Plan X'])),
    'Entry 1: a term must be an object, not a string',
  ],
];

describe('hostile and broken files are refused with a reason', () => {
  it.each(HOSTILE_FILES)('%s', (_name, text, first) => {
    const result = parseTermsFile(text, new TextEncoder().encode(text).length);
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map(describeProblem);
    expect(messages[0]).toContain(first);
    // Parsing a hostile file never pollutes prototypes.
    expect(({} as Record<string, unknown>).caseSensitive).toBeUndefined();
  });

  it('stops listing after 200 problems in a huge broken file', () => {
    const terms = Array.from({ length: 5000 }, () => ({ label: '', aliases: [] }));
    const result = checkTermsFile(fileOf(terms));
    expect(result.ok ? 0 : result.problems.length).toBe(200);
  });
});

describe('overlap warnings on the options page', () => {
  const bundled = {
    label: 'Great Firewall',
    bundled: true,
    spellings: [
      { text: 'Great Firewall', caseSensitive: false },
      { text: 'GFW', caseSensitive: true },
    ],
  };
  const own = {
    label: 'Signal',
    bundled: false,
    spellings: [{ text: 'Signal', caseSensitive: false }],
  };

  it('says a spelling that equals a bundled one will not mark the reader’s term', () => {
    expect(overlapWarnings({ aliases: ['gfw'], caseSensitive: false }, [bundled])).toEqual([
      '“gfw” is also a spelling of the built-in term “Great Firewall”, which wins: this spelling will not mark your term.',
    ]);
  });

  it('ignores two case-sensitive spellings written differently', () => {
    expect(overlapWarnings({ aliases: ['Gfw'], caseSensitive: true }, [bundled])).toEqual([]);
  });

  it('warns when a longer spelling hides another, and when a shorter one is hidden', () => {
    expect(
      overlapWarnings({ aliases: ['Great Firewall of China'], caseSensitive: false }, [bundled]),
    ).toEqual([
      '“Great Firewall of China” hides “Great Firewall” (the built-in term “Great Firewall”) where it contains it: the longer match wins.',
    ]);
    expect(overlapWarnings({ aliases: ['Firewall'], caseSensitive: false }, [bundled])).toEqual([
      '“Firewall” is hidden by “Great Firewall” (the built-in term “Great Firewall”) where that longer spelling appears.',
    ]);
  });

  it('respects word boundaries: "Signals" does not contain the word "Signal"', () => {
    expect(overlapWarnings({ aliases: ['Signals app'], caseSensitive: false }, [own])).toEqual([]);
    expect(overlapWarnings({ aliases: ['Signal app'], caseSensitive: false }, [own])).toHaveLength(
      1,
    );
  });

  it('Chinese spellings contain each other anywhere', () => {
    const weibo = {
      label: 'Weibo',
      bundled: true,
      spellings: [{ text: '微博', caseSensitive: true }],
    };
    expect(overlapWarnings({ aliases: ['新浪微博'], caseSensitive: false }, [weibo])).toHaveLength(
      1,
    );
  });
});
