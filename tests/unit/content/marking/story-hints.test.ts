import { describe, expect, it } from 'vitest';
import { storyHint } from '../../../../entrypoints/content/marking/story-hints';

describe('what a class or id says about its text', () => {
  it.each([
    ['a share bar with a hashed class', 'shareLink__3fA9x', null],
    ['a social row', 'article-social', null],
    ['a follow box', 'follow-us', null],
    ['a comment thread', null, 'comments'],
    ['WordPress comments', 'comment-list', null],
    ['a related rail', 'related-stories', null],
    ['a most-read list', 'most-read', null],
    ['a most-read list, camelCase', 'mostRead', null],
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
