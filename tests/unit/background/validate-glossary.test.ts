import { describe, expect, it } from 'vitest';
import type { Glossary } from '../../../common/glossary-types';
import { flattenAliases } from '../../../entrypoints/background/matcher-data';
import { validateGlossary } from '../../../entrypoints/background/validate-glossary';

type Json = Record<string, unknown>;

const SOURCE_ID = 'sample-article';
const SOURCE_TEXT =
  'Officials defended the Great Firewall again.\n' +
  'Users say a VPN is the only way to reach “blocked” sites – for now.';
const SOURCES = { [SOURCE_ID]: SOURCE_TEXT };
const VPN_QUOTE = 'a VPN is the only way to reach “blocked” sites';

/** A small glossary that passes every rule; each test breaks exactly one thing in a fresh copy. */
function validFixture(): Json {
  return {
    $schema: './glossary.schema.json',
    version: '2026.01.01-1',
    sources: [{ id: SOURCE_ID, title: 'Sample article', file: 'sample-article.txt' }],
    entries: [
      {
        id: 'great-firewall',
        label: 'Great Firewall',
        labelZh: '防火长城',
        category: 'censorship-system',
        aliases: [
          { text: 'Great Firewall', lang: 'en', case: 'proper', inflect: true },
          { text: 'GFW', lang: 'en', case: 'exact', inflect: true },
          { text: '防火长城', lang: 'zh', case: 'exact', inflect: false },
        ],
        summary: 'The informal name for the system China uses to block many foreign websites.',
        summaryZh: '中国用来封锁众多境外网站和服务的系统的俗称。',
        quotes: [{ text: 'Officials defended the Great Firewall again.', start: 0 }],
        related: ['vpn'],
        source: SOURCE_ID,
      },
      {
        id: 'vpn',
        label: 'VPN',
        labelZh: '虚拟专用网络',
        category: 'circumvention',
        aliases: [
          { text: 'VPN', lang: 'en', case: 'exact', inflect: true },
          { text: '虚拟专用网', lang: 'zh', case: 'exact', inflect: false },
        ],
        summary:
          'A virtual private network tunnels traffic to a server abroad to get around blocking.',
        summaryZh: '虚拟专用网络把流量经由境外服务器转发，以绕过封锁。',
        quotes: [{ text: VPN_QUOTE, start: SOURCE_TEXT.indexOf(VPN_QUOTE) }],
        related: ['great-firewall'],
        source: SOURCE_ID,
      },
    ],
  };
}

function at(value: unknown, ...path: (string | number)[]): Json {
  let current: unknown = value;
  for (const key of path) {
    current = (current as Record<string | number, unknown>)[key];
    if (typeof current !== 'object' || current === null) {
      throw new Error(`fixture has no object at ${path.join('.')}`);
    }
  }
  return current as Json;
}

const entry = (g: Json, i: number) => at(g, 'entries', i);
const alias = (g: Json, i: number, j: number) => at(g, 'entries', i, 'aliases', j);
const quote = (g: Json, i: number, j: number) => at(g, 'entries', i, 'quotes', j);

function errorsAfter(
  mutate: (g: Json) => void,
  sources: Record<string, string> = SOURCES,
  options?: Parameters<typeof validateGlossary>[2],
): string[] {
  const g = validFixture();
  mutate(g);
  const result = validateGlossary(g, sources, options);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

/** Asserts that one message contains every part: the entry, the field and the complaint. */
function expectError(errors: string[], ...parts: string[]): void {
  const match = errors.find((error) => parts.every((part) => error.includes(part)));
  expect(
    match,
    `no error containing ${JSON.stringify(parts)} in:\n${errors.join('\n')}`,
  ).toBeDefined();
}

describe('validateGlossary: the valid fixture', () => {
  it('passes and drops the editor-only $schema key', () => {
    const result = validateGlossary(validFixture(), SOURCES);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.glossary).not.toHaveProperty('$schema');
    expect(result.glossary.entries.map((e) => e.id)).toEqual(['great-firewall', 'vpn']);
  });

  it('passes without a $schema key', () => {
    const g = validFixture();
    delete g.$schema;
    expect(validateGlossary(g, SOURCES).ok).toBe(true);
  });
});

describe('validateGlossary: shape', () => {
  it('rejects a non-object', () => {
    for (const input of [null, [], 'glossary', 42]) {
      const result = validateGlossary(input, SOURCES);
      expect(result.ok).toBe(false);
      if (!result.ok) expectError(result.errors, 'glossary', 'must be an object');
    }
  });

  it('rejects a missing top-level field', () => {
    expectError(
      errorsAfter((g) => delete g.version),
      'version',
      'required field is missing',
    );
  });

  it('rejects an unknown top-level field', () => {
    expectError(
      errorsAfter((g) => {
        g.extra = true;
      }),
      'extra',
      'unknown field',
    );
  });

  it('rejects a $schema that is not a string', () => {
    expectError(
      errorsAfter((g) => {
        g.$schema = 1;
      }),
      '$schema',
      'must be a string',
    );
  });

  it('rejects a malformed version', () => {
    expectError(
      errorsAfter((g) => {
        g.version = 'next week';
      }),
      'version',
      'does not match',
    );
  });

  it('rejects an empty entries array', () => {
    expectError(
      errorsAfter((g) => {
        g.entries = [];
      }),
      'entries',
      'at least 1 item',
    );
  });

  it('rejects an entry that is not an object, naming it by index', () => {
    expectError(
      errorsAfter((g) => {
        (g.entries as unknown[]).push('vpn');
      }),
      'entries[2]',
      'must be an object',
    );
  });

  it('rejects a missing entry field', () => {
    expectError(
      errorsAfter((g) => delete entry(g, 1).summary),
      'entry "vpn" summary',
      'required field is missing',
    );
  });

  it('rejects an unknown entry field', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 1).notes = 'x';
      }),
      'entry "vpn" notes',
      'unknown field',
    );
  });

  it('rejects a field of the wrong type', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 0).label = 42;
      }),
      'entry "great-firewall" label',
      'must be a string, got a number',
    );
  });

  it('rejects an unknown category', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 0).category = 'firewall';
      }),
      'entry "great-firewall" category',
      'must be one of',
    );
  });

  it('rejects an id that is not kebab-case', () => {
    const errors = errorsAfter((g) => {
      entry(g, 1).id = 'Virtual_Private';
      entry(g, 0).related = [];
    });
    expectError(errors, 'entry "Virtual_Private" id', 'does not match');
  });

  it('names an entry by index when its id is unusable', () => {
    const errors = errorsAfter((g) => {
      entry(g, 1).id = 7;
      entry(g, 0).related = [];
    });
    expectError(errors, 'entries[1].id', 'must be a string');
  });

  it('rejects empty and blank strings', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 0).label = '';
      }),
      'entry "great-firewall" label',
      'must not be empty',
    );
    expectError(
      errorsAfter((g) => {
        entry(g, 0).label = '   ';
      }),
      'entry "great-firewall" label',
      'must not be empty',
    );
  });

  it('rejects surrounding whitespace', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 1, 0).text = 'VPN ';
      }),
      'entry "vpn" aliases[0].text',
      'whitespace',
    );
  });

  it('requires a Chinese summary, written in Chinese', () => {
    expectError(
      errorsAfter((g) => delete entry(g, 1).summaryZh),
      'entry "vpn" summaryZh',
      'required field is missing',
    );
    // The English summary copied across, or English with one Chinese word, is not a translation.
    expectError(
      errorsAfter((g) => {
        entry(g, 1).summaryZh = entry(g, 1).summary;
      }),
      'entry "vpn" summaryZh',
      'written in Chinese',
    );
    expectError(
      errorsAfter((g) => {
        entry(g, 1).summaryZh = 'Getting around the block is colloquially called 翻墙.';
      }),
      'entry "vpn" summaryZh',
      'written in Chinese',
    );
    expectError(
      errorsAfter((g) => {
        entry(g, 1).summaryZh = '翻墙。';
      }),
      'entry "vpn" summaryZh',
      'too short',
    );
  });

  it('accepts a Chinese summary that names things in Latin letters', () => {
    const g = validFixture();
    entry(g, 1).summaryZh = 'Facebook 自 2009 年起在中国大陆被封锁，只能借助 VPN 等翻墙工具访问。';
    expect(validateGlossary(g, SOURCES).ok).toBe(true);
  });

  it('rejects a summary that is too short or too long', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 1).summary = 'A tunnel.';
      }),
      'entry "vpn" summary',
      'too short',
    );
    expectError(
      errorsAfter((g) => {
        entry(g, 1).summary = 'A tunnel. '.repeat(100).trim();
      }),
      'entry "vpn" summary',
      'too long',
    );
  });

  it('rejects a labelZh without Chinese characters', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 1).labelZh = 'VPN';
      }),
      'entry "vpn" labelZh',
      'no Chinese characters',
    );
  });

  it('rejects aliases that are not an array', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 1).aliases = 'VPN';
      }),
      'entry "vpn" aliases',
      'must be an array',
    );
  });

  it('rejects a bad alias lang, case, inflect or extra field', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 1, 0).lang = 'fr';
      }),
      'entry "vpn" aliases[0].lang',
      'must be one of',
    );
    expectError(
      errorsAfter((g) => {
        alias(g, 1, 0).case = 'upper';
      }),
      'entry "vpn" aliases[0].case',
      'must be one of',
    );
    expectError(
      errorsAfter((g) => {
        alias(g, 1, 0).inflect = 'yes';
      }),
      'entry "vpn" aliases[0].inflect',
      'must be true or false',
    );
    expectError(
      errorsAfter((g) => {
        alias(g, 1, 0).weight = 2;
      }),
      'entry "vpn" aliases[0].weight',
      'unknown field',
    );
  });

  it('rejects a quote start that is not a non-negative integer', () => {
    expectError(
      errorsAfter((g) => {
        quote(g, 1, 0).start = 1.5;
      }),
      'entry "vpn" quotes[0].start',
      'must be an integer',
    );
    expectError(
      errorsAfter((g) => {
        quote(g, 1, 0).start = -3;
      }),
      'entry "vpn" quotes[0].start',
      'must not be negative',
    );
  });

  it('rejects an entry with no quotes', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 1).quotes = [];
      }),
      'entry "vpn" quotes',
      'at least 1 item',
    );
  });

  it('rejects a malformed source declaration', () => {
    const errors = errorsAfter((g) => {
      g.sources = [{ id: SOURCE_ID, title: '', file: 'Sample Article.md' }];
    });
    expectError(errors, 'sources[0].title', 'must not be empty');
    expectError(errors, 'sources[0].file', 'does not match');
  });
});

describe('validateGlossary: quotes', () => {
  it('rejects a quote that is not verbatim at its offset and says where it is', () => {
    const errors = errorsAfter((g) => {
      quote(g, 1, 0).start = 3;
    });
    const actual = SOURCE_TEXT.indexOf(VPN_QUOTE);
    expectError(
      errors,
      'entry "vpn" quotes[0].start',
      'not verbatim at offset 3',
      'found "',
      `occurs at offset ${actual}`,
    );
  });

  it('rejects a quote that occurs nowhere in the source', () => {
    expectError(
      errorsAfter((g) => {
        quote(g, 1, 0).text = 'a VPN is one of many ways to reach blocked sites';
      }),
      'entry "vpn" quotes[0].start',
      'does not occur anywhere in source "sample-article"',
    );
  });

  it('points out straightened quote marks', () => {
    expectError(
      errorsAfter((g) => {
        quote(g, 1, 0).text = 'a VPN is the only way to reach "blocked" sites';
      }),
      'entry "vpn" quotes[0].start',
      'different quote marks',
    );
  });

  it('rejects an offset past the end of the source', () => {
    expectError(
      errorsAfter((g) => {
        quote(g, 1, 0).start = 10_000;
      }),
      'entry "vpn" quotes[0].start',
      'past the end',
    );
  });
});

describe('validateGlossary: references', () => {
  it('rejects duplicate ids', () => {
    const errors = errorsAfter((g) => {
      entry(g, 1).id = 'great-firewall';
      entry(g, 0).related = [];
      entry(g, 1).related = [];
    });
    expectError(errors, 'entries[1].id', 'duplicate id "great-firewall"', 'entries[0]');
  });

  it('rejects the same alias twice within an entry', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 1, 1).text = 'vpn';
        alias(g, 1, 1).lang = 'en';
        (entry(g, 1).aliases as unknown[]).push({
          text: '虚拟专用网',
          lang: 'zh',
          case: 'exact',
          inflect: false,
        });
      }),
      'entry "vpn" aliases[1].text',
      'duplicate alias "vpn"',
      'entry "vpn" aliases[0]',
    );
  });

  it('rejects the same alias across entries, ignoring Latin case', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 1, 0).text = 'gfw';
      }),
      'entry "vpn" aliases[0].text',
      'duplicate alias "gfw"',
      'entry "great-firewall" aliases[1]',
    );
  });

  it('accepts a platform with its own sites, and rejects a site that is no host name', () => {
    const g = validFixture();
    entry(g, 1).sites = ['vpn.example', 'm.vpn.example'];
    expect(validateGlossary(g, SOURCES).ok).toBe(true);
    for (const bad of [
      'https://vpn.example',
      'VPN.example',
      'vpn',
      'vpn.example/',
      ' vpn.example',
    ]) {
      expectError(
        errorsAfter((h) => {
          entry(h, 1).sites = [bad];
        }),
        'entry "vpn" sites[0]',
      );
    }
    expectError(
      errorsAfter((h) => {
        entry(h, 1).sites = [];
      }),
      'entry "vpn" sites',
    );
  });

  it('rejects a dangling related id', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 1).related = ['great-firewall', 'tor'];
      }),
      'entry "vpn" related[1]',
      'unknown entry id "tor"',
    );
  });

  it('rejects a self-reference', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 1).related = ['vpn'];
      }),
      'entry "vpn" related[0]',
      'refers to itself',
    );
  });

  it('rejects a related id listed twice', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 1).related = ['great-firewall', 'great-firewall'];
      }),
      'entry "vpn" related[1]',
      'listed twice',
    );
  });

  it('rejects an unknown source id on an entry', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 1).source = 'another-article';
      }),
      'entry "vpn" source',
      'unknown source id "another-article"',
    );
  });

  it('rejects a duplicate source id', () => {
    expectError(
      errorsAfter((g) => {
        (g.sources as unknown[]).push({ id: SOURCE_ID, title: 'Again', file: 'again.txt' });
      }),
      'sources[1].id',
      'duplicate source id',
    );
  });

  it('rejects a declared source whose text was not supplied', () => {
    expectError(
      errorsAfter(() => {}, {}),
      'sources[0].id',
      'no text was supplied for source "sample-article"',
    );
  });
});

describe('validateGlossary: aliases against common words', () => {
  it('rejects an insensitive alias that is a common word', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 0, 1).text = 'face';
        alias(g, 0, 1).case = 'insensitive';
      }),
      'entry "great-firewall" aliases[1].text',
      'common word "face"',
    );
  });

  it('rejects a proper alias whose capitalized or ALL CAPS form is a common word', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 0, 1).text = 'Wall';
        alias(g, 0, 1).case = 'proper';
      }),
      'entry "great-firewall" aliases[1].text',
      'common word "wall"',
    );
  });

  it('rejects an exact acronym that spells a common word in a headline', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 0, 1).text = 'US';
      }),
      'entry "great-firewall" aliases[1].text',
      'common word "us"',
    );
  });

  it('accepts an exact mixed-case alias that no ordinary spelling of the word produces', () => {
    const g = validFixture();
    alias(g, 0, 1).text = 'FaCe';
    expect(validateGlossary(g, SOURCES).ok).toBe(true);
  });

  it('rejects an alias that collides only through inflection', () => {
    expectError(
      errorsAfter(
        (g) => {
          alias(g, 0, 1).text = 'Tube';
          alias(g, 0, 1).case = 'proper';
        },
        SOURCES,
        { commonEnglishWords: new Set(['tubes']), commonChineseWords: new Set() },
      ),
      'entry "great-firewall" aliases[1].text',
      'common word "tubes"',
      'inflected form "Tubes"',
    );
  });

  it('rejects a Chinese alias that is a common word', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 0, 2).text = '长城';
      }),
      'entry "great-firewall" aliases[2].text',
      'is itself the common word "长城"',
    );
  });

  it('rejects a Chinese alias contained in a common word', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 0, 2).text = '火墙';
      }),
      'entry "great-firewall" aliases[2].text',
      'inside the common word "防火墙"',
    );
  });
});

describe('validateGlossary: language rules', () => {
  it('rejects inflect on a Chinese alias', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 1, 1).inflect = true;
      }),
      'entry "vpn" aliases[1].inflect',
      'cannot inflect',
    );
  });

  it('rejects a case other than exact on a Chinese alias', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 1, 1).case = 'insensitive';
      }),
      'entry "vpn" aliases[1].case',
      'use "exact"',
    );
  });

  it('rejects Latin letters in a Chinese alias', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 1, 1).text = 'VPN软件';
      }),
      'entry "vpn" aliases[1].text',
      'contains Latin letters',
    );
  });

  it('rejects CJK characters in an English alias', () => {
    expectError(
      errorsAfter((g) => {
        alias(g, 1, 0).text = 'VPN软件';
      }),
      'entry "vpn" aliases[0].text',
      'contains CJK characters',
    );
  });

  it('rejects an entry without an English alias', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 1).aliases = [{ text: '虚拟专用网', lang: 'zh', case: 'exact', inflect: false }];
      }),
      'entry "vpn" aliases',
      'at least one English alias',
    );
  });

  it('rejects an entry without a Chinese alias', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 1).aliases = [{ text: 'VPN', lang: 'en', case: 'exact', inflect: true }];
      }),
      'entry "vpn" aliases',
      'at least one Chinese alias',
    );
  });
});

describe('validateGlossary: reporting', () => {
  it('collects every error instead of stopping at the first', () => {
    const errors = errorsAfter((g) => {
      g.version = '';
      entry(g, 0).category = 'nope';
      quote(g, 1, 0).start = 0;
      entry(g, 1).related = ['missing'];
    });
    expectError(errors, 'version', 'must not be empty');
    expectError(errors, 'entry "great-firewall" category');
    expectError(errors, 'entry "vpn" quotes[0].start');
    expectError(errors, 'entry "vpn" related[0]');
    expect(errors.length).toBeGreaterThanOrEqual(4);
  });
});

describe('flattenAliases', () => {
  it('produces one matcher row per alias with the entry id and category', () => {
    const result = validateGlossary(validFixture(), SOURCES);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const glossary: Glossary = result.glossary;
    const data = flattenAliases(glossary);
    expect(data.version).toBe('2026.01.01-1');
    expect(data.aliases).toHaveLength(5);
    expect(data.aliases[0]).toEqual({
      text: 'Great Firewall',
      id: 'great-firewall',
      category: 'censorship-system',
      case: 'proper',
      inflect: true,
    });
    expect(data.aliases.filter((row) => row.id === 'vpn').map((row) => row.text)).toEqual([
      'VPN',
      '虚拟专用网',
    ]);
  });

  it('hands the matcher the sites of the entries that have them, and no list when none does', () => {
    const g = validFixture();
    entry(g, 1).sites = ['vpn.example'];
    const result = validateGlossary(g, SOURCES);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(flattenAliases(result.glossary).sites).toEqual([{ id: 'vpn', hosts: ['vpn.example'] }]);
    const plain = validateGlossary(validFixture(), SOURCES);
    if (!plain.ok) throw new Error(plain.errors.join('\n'));
    expect(flattenAliases(plain.glossary)).not.toHaveProperty('sites');
  });
});

describe('validateGlossary: facts beyond the article carry their source', () => {
  const fact = () => ({
    text: 'The service was blocked in mainland China in July 2009.',
    textZh: '该服务于 2009 年 7 月在中国大陆遭到封锁。',
    source: { title: 'A report', url: 'https://example.org/report', read: '2026-12-07' },
  });
  const platform = (g: Json): Json => {
    const e = entry(g, 1);
    e.category = 'blocked-platform';
    return e;
  };

  it('accepts a fact with a title, an https URL and the date it was read', () => {
    const g = validFixture();
    entry(g, 1).facts = [fact()];
    const result = validateGlossary(g, SOURCES);
    expect(result.ok).toBe(true);
    expect(result.ok && result.glossary.entries[1]?.facts?.[0]?.source.read).toBe('2026-12-07');
  });

  it('refuses a fact without a source', () => {
    expectError(
      errorsAfter((g) => {
        const { source: _, ...bare } = fact();
        entry(g, 1).facts = [bare];
      }),
      'entry "vpn" facts[0].source',
      'needs its source',
    );
  });

  it('refuses a source without a URL, a plain-http URL and a date that is not a day', () => {
    const errors = errorsAfter((g) => {
      const noUrl = fact();
      delete (noUrl.source as Partial<ReturnType<typeof fact>['source']>).url;
      const http = fact();
      http.source.url = 'http://example.org/report';
      const badDay = fact();
      badDay.source.read = '2026-02-30';
      entry(g, 1).facts = [noUrl, http, badDay];
    });
    expectError(errors, 'facts[0].source.url', 'required field is missing');
    expectError(errors, 'facts[1].source.url', 'https://');
    expectError(errors, 'facts[2].source.read', 'not a date');
  });

  it('refuses a fact whose Chinese text is not Chinese', () => {
    expectError(
      errorsAfter((g) => {
        entry(g, 1).facts = [{ ...fact(), textZh: 'Blocked in July 2009 in China.' }];
      }),
      'facts[0].textZh',
      'written in Chinese',
    );
  });

  it('refuses a blocked platform whose summary states a date instead of a sourced fact', () => {
    const errors = errorsAfter((g) => {
      const e = platform(g);
      e.summary = 'A service that has been blocked in mainland China since July 2009.';
      e.summaryZh = '一个自 2009 年 7 月起在中国大陆遭到封锁的服务。';
    });
    expectError(errors, 'entry "vpn" summary', 'states a date (2009)', '"facts"');
    expectError(errors, 'entry "vpn" summaryZh', 'states a date (2009)');
  });

  it('accepts the same date on a blocked platform once it is a fact with its source', () => {
    const g = validFixture();
    platform(g).facts = [fact()];
    expect(validateGlossary(g, SOURCES).ok).toBe(true);
  });
});
