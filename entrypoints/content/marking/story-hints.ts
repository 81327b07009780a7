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
    'share shares sharing sharebar sharebox sharetools sharedaddy social socials socialmedia ' +
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
const SEPARATORS = /[\s_:./]+/;

/**
 * The words of a class or id attribute: split on spaces, underscores and humps, and also read
 * hyphenated pairs whole (`most-read`, `tag-list`) as well as each half.
 */
function wordsOf(name: string): string[] {
  const words: string[] = [];
  for (const part of name.replace(HUMP, '$1-$2').toLowerCase().split(SEPARATORS)) {
    if (part === '') continue;
    const halves = part.split('-').filter((half) => half !== '');
    words.push(...halves);
    for (let i = 0; i + 1 < halves.length; i++) words.push(`${halves[i]}-${halves[i + 1]}`);
  }
  return words;
}

/** The hint of one element from its class and id (null attributes: no name, no hint). */
export function storyHint(className: string | null, id: string | null): StoryHint {
  const name = `${className ?? ''} ${id ?? ''}`;
  if (name.length < 3) return 'none';
  let weak = false;
  let story = false;
  for (const word of wordsOf(name)) {
    if (DECISIVE.has(word)) return 'decisive';
    if (WEAK.has(word)) weak = true;
    else if (STORY.has(word)) story = true;
  }
  if (weak) return story ? 'story' : 'weak';
  return story ? 'story' : 'none';
}
