import { describe, expect, it } from 'vitest';
import { HINT_WORDS, storyHint } from '../../../../entrypoints/content/marking/story-hints';

describe('what a class or id says about its text', () => {
  it.each([
    ['a share bar with a hashed class', 'shareLink__3fA9x', null],
    ['a social row', 'article-social', null],
    ['a follow box', 'follow-us', null],
    ['SNS buttons on a Japanese site', 'c-sns-btns', null],
    ['SNS buttons, camelCase', 'snsArea', null],
    ['a comment thread', null, 'comments'],
    ['WordPress comments', 'comment-list', null],
    ['a related rail', 'related-stories', null],
    ['a most-read list', 'most-read', null],
    ['a most-read list, camelCase', 'mostRead', null],
    ['a most-read list, doubled hyphen', 'most--read', null],
    ['a tag cloud', 'post_tags', null],
    ['a newsletter box', 'newsletter-signup', null],
    ['a promo', 'promo-box', null],
    ['a teaser card', 'teaser card', null],
    ['an ad slot', 'ad-slot', null],
  ])('%s is not story, whatever else it says', (_, className, id) => {
    expect(storyHint(className, id)).toBe('decisive');
  });

  it('a story word does not save a share bar inside the article', () => {
    expect(storyHint('article__share', null)).toBe('decisive');
  });

  it('a sidebar is not story, unless the name is that of the story beside it', () => {
    expect(storyHint('sidebar', null)).toBe('weak');
    expect(storyHint('content-sidebar-wrap', null)).toBe('story');
  });

  it.each([
    ['entry-content', 'story'],
    ['article-body', 'story'],
    ['c-entry-content', 'story'],
    ['l-col__main', 'story'],
  ] as const)('%s names the story', (className, hint) => {
    expect(storyHint(className, null)).toBe(hint);
  });

  it.each([
    // Words that only contain a hint word are not that word.
    ['sharepoint-docs'],
    ['commentary'],
    ['stage'],
    ['header-wrap'],
    // WordPress puts the post's tags on the article as tag-<name>: not a tag list.
    ['post type-post tag-facebook tag-vpn'],
    ['advertiser-guide'],
  ])('%s says nothing', (className) => {
    expect(['none', 'story']).toContain(storyHint(className, null));
  });

  it('no class and no id: no hint', () => {
    expect(storyHint(null, null)).toBe('none');
    expect(storyHint('', '')).toBe('none');
  });
});

/**
 * The plain reading the hints are defined by: split the name into words (humps, separators,
 * hyphens), add each hyphenated pair, look each word up.
 */
function referenceHint(className: string | null, id: string | null): string {
  const name = `${className ?? ''} ${id ?? ''}`;
  if (name.length < 3) return 'none';
  const words: string[] = [];
  for (const part of name
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[\s_:./]+/)) {
    const halves = part.split('-').filter((half) => half !== '');
    words.push(...halves);
    for (let i = 0; i + 1 < halves.length; i++) words.push(`${halves[i]}-${halves[i + 1]}`);
  }
  if (words.some((word) => HINT_WORDS.decisive.has(word))) return 'decisive';
  const isStory = words.some((word) => HINT_WORDS.story.has(word));
  if (words.some((word) => HINT_WORDS.weak.has(word))) return isStory ? 'story' : 'weak';
  return isStory ? 'story' : 'none';
}

describe('reading names as words', () => {
  it('agrees with splitting the name into words, on names made of hint words and near misses', () => {
    const pieces = [
      'share',
      'Share',
      'SHARE',
      'sharepoint',
      'most',
      'read',
      'Read',
      'related',
      'ad',
      'ads2',
      'head',
      'tag',
      'list',
      'List',
      'comment',
      'commentary',
      'sign',
      'up',
      'sidebar',
      'rail',
      'rails',
      'bio',
      'signup',
      'mostRead',
      'tagList',
      'article',
      'Article',
      'content',
      'story',
      'body',
      'x1',
      'wrap',
      'c',
      '',
    ];
    const separators = ['-', '--', '_', ' ', ':', '.', '/', '__', ''];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = <T>(list: readonly T[]): T => list[next(list.length)] as T;
    for (let round = 0; round < 4000; round++) {
      const parts: string[] = [];
      const length = 1 + next(4);
      for (let i = 0; i < length; i++)
        parts.push(pick(pieces), i + 1 < length ? pick(separators) : '');
      const name = parts.join('');
      expect(storyHint(name, null), name).toBe(referenceHint(name, null));
      expect(storyHint(null, name), name).toBe(referenceHint(null, name));
    }
  });
});
