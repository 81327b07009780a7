import { describe, expect, it } from 'vitest';
import type { Alias, CategoryId, Glossary, GlossaryEntry } from '../../../common/glossary-types';
import glossaryJson from '../../../data/glossary.json';
import { searchGlossary, searchKey } from '../../../entrypoints/background/glossary-search';

function alias(text: string, lang: Alias['lang'] = 'en'): Alias {
  return { text, lang, case: 'proper', inflect: false };
}

function entry(
  id: string,
  label: string,
  labelZh: string,
  category: CategoryId,
  aliases: string[],
  summary: string,
  summaryZh = '一段中文摘要，用来测试搜索。',
): GlossaryEntry {
  return {
    id,
    label,
    labelZh,
    category,
    aliases: aliases.map((text) => alias(text, /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en')),
    summary,
    summaryZh,
    quotes: [{ text: 'a quote from the source', start: 0 }],
    related: [],
    source: 'source',
  };
}

const FIREWALL = entry(
  'great-firewall',
  'Great Firewall',
  '防火长城',
  'censorship-system',
  ['Great Firewall', 'GFW', '防火长城'],
  'Blocks foreign websites in mainland China.',
);
const VPN = entry(
  'vpn',
  'VPN',
  '虚拟专用网',
  'circumvention',
  ['VPN', 'virtual private network', '翻墙'],
  'Tunnels traffic abroad to get around the Great Firewall.',
);
const FREEGATE = entry(
  'freegate',
  'Freegate',
  '自由门',
  'circumvention',
  ['Freegate', '自由门'],
  'A proxy tool written to reach sites the firewall blocks.',
);
const CENSORSHIP = entry(
  'internet-censorship',
  'Internet censorship in China',
  '网络审查',
  'censorship-system',
  ['censorship in China', '网络审查'],
  'Filtering of what people in China can publish and read.',
);
const WEIBO = entry(
  'sina-weibo',
  'Sina Weibo',
  '新浪微博',
  'domestic-platform',
  ['Sina Weibo', 'Weibo', '微博'],
  'A microblog whose posts are filtered under government rules.',
);
const ALL = [WEIBO, VPN, FIREWALL, CENSORSHIP, FREEGATE];

const ids = (entries: GlossaryEntry[]) => entries.map((found) => found.id);

describe('searching the glossary', () => {
  it('lists every entry by label when the query is empty or blank', () => {
    const byLabel = ['freegate', 'great-firewall', 'internet-censorship', 'sina-weibo', 'vpn'];
    expect(ids(searchGlossary(ALL, ''))).toEqual(byLabel);
    expect(ids(searchGlossary(ALL, '   '))).toEqual(byLabel);
  });

  it('lists one category by label when a category is given without a query', () => {
    expect(ids(searchGlossary(ALL, '', { category: 'circumvention' }))).toEqual([
      'freegate',
      'vpn',
    ]);
  });

  it('puts an exact label or alias match before entries that merely mention the words', () => {
    // "great firewall" is in VPN's summary too; the entry named so comes first.
    expect(ids(searchGlossary(ALL, 'great firewall'))).toEqual(['great-firewall', 'vpn']);
    expect(ids(searchGlossary(ALL, 'gfw'))).toEqual(['great-firewall']);
  });

  it('ranks exact, then prefix, then word prefix, then substring, then summary', () => {
    const fire = [
      entry(
        'a-fire',
        'Fire',
        '火',
        'event',
        ['Fire', '火灾'],
        'An exact name match for the query.',
      ),
      entry(
        'b-firewall',
        'Firewall',
        '墙',
        'event',
        ['Firewall', '墙壁'],
        'A name starting with it.',
      ),
      entry('c-great', 'Great Firewall', '长城', 'event', ['Great Firewall', '长城墙'], 'Word.'),
      entry('d-campfire', 'Campfire', '篝火', 'event', ['Campfire', '营火'], 'Inside a name.'),
      entry('e-summary', 'Arson', '纵火', 'event', ['Arson', '放火'], 'Setting fire on purpose.'),
      entry('f-none', 'Water', '水', 'event', ['Water', '清水'], 'Nothing to see here at all.'),
    ];
    expect(ids(searchGlossary(fire.toReversed(), 'fire'))).toEqual([
      'a-fire',
      'b-firewall',
      'c-great',
      'd-campfire',
      'e-summary',
    ]);
  });

  it('finds entries by their Chinese label and Chinese aliases', () => {
    expect(ids(searchGlossary(ALL, '翻墙'))).toEqual(['vpn']);
    expect(ids(searchGlossary(ALL, '防火长城'))).toEqual(['great-firewall']);
    // A prefix of a Chinese name, and a substring inside one.
    expect(ids(searchGlossary(ALL, '新浪'))).toEqual(['sina-weibo']);
    expect(ids(searchGlossary(ALL, '审查'))).toEqual(['internet-censorship']);
  });

  it('ignores case, extra spaces and full-width Latin typed with a Chinese input method', () => {
    expect(ids(searchGlossary(ALL, '  Sina   WEIBO '))).toEqual(['sina-weibo']);
    expect(ids(searchGlossary(ALL, 'ＶＰＮ'))).toEqual(['vpn']);
  });

  it('searches summaries only after names', () => {
    expect(ids(searchGlossary(ALL, 'microblog'))).toEqual(['sina-weibo']);
    expect(ids(searchGlossary(ALL, 'firewall'))).toEqual(['great-firewall', 'freegate', 'vpn']);
  });

  it('restricts results to the given category', () => {
    expect(ids(searchGlossary(ALL, 'firewall', { category: 'circumvention' }))).toEqual([
      'freegate',
      'vpn',
    ]);
    expect(ids(searchGlossary(ALL, 'weibo', { category: 'circumvention' }))).toEqual([]);
  });

  it('returns nothing for a query no entry contains', () => {
    expect(searchGlossary(ALL, 'telegram')).toEqual([]);
  });

  it('does not reorder or change the entries it was given', () => {
    const entries = [...ALL];
    searchGlossary(entries, '');
    expect(entries).toEqual(ALL);
  });
});

describe('searching the shipped glossary in either script', () => {
  const shipped = (glossaryJson as Glossary).entries;

  it('finds a term by words only its Chinese summary has', () => {
    // "水乡古镇" (canal town) is in the World Internet Conference's Chinese summary alone.
    expect(ids(searchGlossary(shipped, '水乡古镇'))).toEqual(['world-internet-conference']);
    expect(ids(searchGlossary(shipped, '南华早报'))).toEqual(['shanghai-free-trade-zone']);
  });

  it('orders a Chinese query by Chinese names (pinyin), names before summaries', () => {
    // 网络主权 (wǎng) and 中国网络审查 (zhōng, alias 网络审查) both start a name with 网络; the
    // summaries that merely mention 网络 follow.
    const found = ids(searchGlossary(shipped, '网络'));
    expect(found.slice(0, 2)).toEqual(['internet-sovereignty', 'internet-censorship']);
    expect(found.length).toBeGreaterThan(2);
  });

  it('orders a Latin query by English labels, even in a Chinese interface', () => {
    const english = ids(searchGlossary(shipped, 'internet'));
    expect(ids(searchGlossary(shipped, 'internet', { chinese: true }))).toEqual(english);
    expect(english.slice(0, 3)).toEqual([
      'internet-censorship',
      'internet-sovereignty',
      'world-internet-conference',
    ]);
  });

  it('lists everything by Chinese name in a Chinese interface, by English label otherwise', () => {
    const zh = searchGlossary(shipped, '', { chinese: true }).map((entry) => entry.labelZh);
    expect(zh).toEqual(
      [...zh].sort(new Intl.Collator('zh-CN', { sensitivity: 'base', numeric: true }).compare),
    );
    // Pinyin: 防 (fáng) before 脸 (liǎn) before 中 (zhōng).
    expect(zh.indexOf('防火长城')).toBeLessThan(zh.indexOf('脸书'));
    expect(zh.indexOf('脸书')).toBeLessThan(zh.indexOf('中国网络审查'));
    const en = searchGlossary(shipped, '').map((entry) => entry.label);
    expect(en[0]).toBe('Facebook');
  });

  it('finds Latin names written inside a Chinese summary', () => {
    // Sina Weibo's Chinese summary names Twitter; its English one does too, so either counts.
    expect(ids(searchGlossary(shipped, 'twitter'))[0]).toBe('twitter');
  });
});

describe('search keys', () => {
  it('fold case, width and whitespace the same way for names and queries', () => {
    expect(searchKey(' Great\u00a0 FIREWALL ')).toBe('great firewall');
    expect(searchKey('ＧＦＷ')).toBe('gfw');
    expect(searchKey('防火长城')).toBe('防火长城');
  });
});
