/**
 * What an element's class and id say about its text, the way reader modes read them: sites name
 * their share bars, comment threads, teaser rails and tag clouds, and those names are the cheapest
 * evidence there is. Words are matched as whole parts of a name (`share-bar`, `shareLink__x1`,
 * `post_tags`), never inside other words (`sharepoint`, `commentary`, `stage`).
 *
 * - `decisive`: never story, whatever else the name says (`article-share`, `entry-related`).
 * - `weak`: not story unless the same name also says story (`content-sidebar-wrap`, which holds
 *   the story beside the sidebar).
 * - `story`: a name of the story's own container (`article-body`, `entry-content`, `story`).
 */

export type StoryHint = 'decisive' | 'weak' | 'story' | 'none';

const DECISIVE = new Set(
  (
    'comment comments commentlist comment-list disqus replies respond ' +
    'share shares sharing sharebar sharebox sharetools sharedaddy social socials socialmedia sns ' +
    'follow followus ' +
    'related relatedposts related-posts related-articles related-stories recommended ' +
    'recommendations recirc recirculation outbrain taboola teaser teasers ' +
    'mostread most-read mostpopular most-popular popular trending ' +
    'promo promos promotion sponsor sponsored advert adverts advertisement ad ads adslot ' +
    'newsletter newsletters subscribe subscription signup sign-up ' +
    'tags taglist tag-list tagcloud tag-cloud tag-links keywords ' +
    'breadcrumb breadcrumbs author-bio authorbio about-author author-info ' +
    'footer masthead banner menu nav navbar navigation toolbar pagination pager ' +
    'login cookie cookies gdpr consent popup modal'
  ).split(' '),
);

const WEAK = new Set('sidebar rail widget widgets bio extra'.split(' '));

const STORY = new Set(
  'article body content entry main post story text prose blog hentry'.split(' '),
);

/** camelCase humps become hyphens: `mostRead` → `most-read`. */
const HUMP = /([a-z])([A-Z])/g;

/**
 * One test per kind of word instead of splitting every name into words: a page has hundreds of
 * names, each read once, mostly by code V8 has not optimised yet. A word lies between separators
 * (space, `_ : . /` or a hyphen); a hyphenated pair (`most-read`) is read whole too.
 */
function wordsPattern(words: ReadonlySet<string>): RegExp {
  const alternatives = [...words].map((word) =>
    word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '-+'),
  );
  return new RegExp(`(?:^|[\\s_:./-])(?:${alternatives.join('|')})(?=$|[\\s_:./-])`);
}

/** The words of each kind (the tests read names word by word against them). */
export const HINT_WORDS: Readonly<Record<Exclude<StoryHint, 'none'>, ReadonlySet<string>>> = {
  decisive: DECISIVE,
  weak: WEAK,
  story: STORY,
};

const DECISIVE_WORD = wordsPattern(DECISIVE);
const WEAK_WORD = wordsPattern(WEAK);
const STORY_WORD = wordsPattern(STORY);

/** The hint of one element from its class and id (null attributes: no name, no hint). */
export function storyHint(className: string | null, id: string | null): StoryHint {
  const raw = `${className ?? ''} ${id ?? ''}`;
  if (raw.length < 3) return 'none';
  const name = raw.replace(HUMP, '$1-$2').toLowerCase();
  if (DECISIVE_WORD.test(name)) return 'decisive';
  const story = STORY_WORD.test(name);
  if (WEAK_WORD.test(name)) return story ? 'story' : 'weak';
  return story ? 'story' : 'none';
}
