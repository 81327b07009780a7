import { describe, expect, it } from 'vitest';
import { findPlatformX } from '../../../../entrypoints/content/marking/platform-x';

/** The words marked as the platform X, each with a few characters after it for context. */
function marked(text: string, known = false): string[] {
  return findPlatformX(text, known).spans.map(({ start, end }) =>
    `${text.slice(start, end)}${text.slice(end, end + 12)}`.trim(),
  );
}

const count = (text: string, known = false) => findPlatformX(text, known).spans.length;

describe('X is the platform where the page introduces it as Twitter', () => {
  it.each([
    // Forms news uses (AP, Reuters and Guardian house styles of 2023-2026).
    'Chinese creators are building audiences on X, formerly Twitter, and on YouTube.',
    'He posted the video on X (formerly Twitter) late on Sunday.',
    'The ministry opened an account on X, formerly known as Twitter, in December.',
    'The clip spread on X (formerly known as Twitter) within hours.',
    'Activists turned to X, the social media platform formerly known as Twitter.',
    'She wrote on X, previously Twitter, that the account had been suspended.',
    'Posts on Twitter, now X, were shared widely.',
    'Elon Musk bought Twitter, which was renamed X, in 2022.',
    'Twitter, rebranded as X in 2023, remains blocked in China.',
  ])('"%s"', (sentence) => {
    const result = findPlatformX(sentence, false);
    expect(result.introduces).toBe(true);
    expect(result.spans.length).toBeGreaterThanOrEqual(1);
    for (const { start, end } of result.spans) expect(sentence.slice(start, end)).toBe('X');
  });

  it.each([
    '中国国防部在社交平台X（原推特）开设官方账号。',
    '他在X平台（前身为Twitter）上发布了视频。',
    '这段视频在X（原名推特）上广泛流传。',
    '推特（现更名为X）在中国大陆无法访问。',
  ])('in Chinese: "%s"', (sentence) => {
    const result = findPlatformX(sentence, false);
    expect(result.introduces).toBe(true);
    expect(result.spans.map(({ start, end }) => sentence.slice(start, end))).toContain('X');
  });

  it('marks the X of the introduction and a later "on X" in the same text', () => {
    const text = 'X, formerly Twitter, is blocked in China, but diaspora creators post on X daily.';
    expect(findPlatformX(text, false).spans).toEqual([
      { start: 0, end: 1 },
      { start: text.lastIndexOf('X'), end: text.lastIndexOf('X') + 1 },
    ]);
  });
});

describe('after the introduction, the phrases news uses for the platform', () => {
  // Sentences from news of 2024-2026 about China and X (NTD, Chinascope, Redcensor reports).
  it.each([
    [
      'The Chinese government floods X search results with porn whenever there is political unrest.',
      1,
    ],
    ['NTD observed similar patterns in Chinese-language searches on X for place names.', 1],
    ['Her friend’s X account was also suspended for mentioning some corrupt Chinese officials.', 1],
    ['Many social media users found their X platform accounts suspended without warning.', 1],
    [
      'Nikita Bier, X’s head of product, accused the Chinese Communist Party of flooding search.',
      1,
    ],
    ['The ministry opened an official account on the social platform X, posting in English.', 1],
    ['X users in the diaspora shared the clip; it was later posted to X by the ministry.', 2],
    ['Critics were banned from X after the protests, and Elon Musk’s X said nothing.', 2],
    ['On X, the hashtag trended for two days.', 1],
    ['许多中国用户翻墙在X上发帖，X用户数量持续增长。', 2],
  ])('"%s"', (sentence, expected) => {
    expect(count(sentence, true)).toBe(expected);
  });

  it('leaves the same phrases unmarked on a page that never said X is Twitter', () => {
    expect(count('Posts on X and X users were cited.', false)).toBe(0);
    expect(count('许多用户在X上发帖。', false)).toBe(0);
  });
});

describe('X that is not the platform stays unmarked, even after the introduction', () => {
  it.each([
    'Tesla cut the price of the Model X by 10 percent.',
    'A chest X-ray showed no sign of pneumonia.',
    'Generation X users are the most likely to read newspapers.',
    'The contingency was known as Plan X.',
    'She won gold at the X Games in Aspen.',
    'The skateboarder competed on X Games courses for a decade.',
    'SpaceX launched 40 satellites on Tuesday.',
    'Microsoft said Xbox sales fell.',
    'The talent show The X Factor returned on ITV.',
    'Malcolm X’s followers gathered in Harlem.',
    'Malcolm X spoke in Harlem in 1964.',
    'Women have two copies of the X chromosome.',
    'Let x be the number of users on the x axis.',
    'The certificate uses the X.509 standard.',
    'Subject X posts no risk, the trial found.',
  ])('"%s"', (sentence) => {
    expect(marked(sentence, true)).toEqual([]);
  });
});
