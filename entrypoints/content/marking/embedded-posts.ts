/**
 * Posts embedded in a story (a tweet, an Instagram or Facebook post, a TikTok) and the wrappers
 * sites put around them, known by the markup the platforms' embed codes and the oEmbed plugins
 * write, never by a page's own words. What of them is story:
 *
 * - the post's own text, its paragraphs (`<p>` in a tweet's or a Facebook post's blockquote),
 *   is quoted by the story and is read;
 * - the rest of the post is its chrome: the attribution line ("— Name (@handle) June 1, 2020",
 *   "Posted by Name on …") and every link in it (handles, hashtags, `pic.twitter.com/…`,
 *   "View this post on Instagram");
 * - a wrapper's own text outside the post is chrome too ("Allow Twitter content?", "Skip Twitter
 *   post", "End of Twitter post"), except its caption, which the story's writer wrote.
 *
 * The embed scripts replace the blockquotes with iframes, which are never read; these rules are
 * for the markup as served, which is what a page shows until (or without) the script.
 */

/** What `embedKind` needs of an element (a DOM Element has it). */
export interface EmbedElementLike {
  readonly localName: string;
  getAttribute(name: string): string | null;
}

export type EmbedKind = 'post' | 'wrapper' | null;

/**
 * Class names the platforms' embed codes give the post itself: Twitter/X (`twitter-tweet`,
 * `twitter-video`), Instagram, TikTok, Facebook (`fb-post`, `fb-video`, and the blockquote its
 * SDK leaves alone), Threads, Bluesky, Mastodon, Reddit, Tumblr, Imgur.
 */
const POST_CLASS =
  /(?:^|\s)(?:twitter-tweet|twitter-video|twitter-timeline|instagram-media|tiktok-embed|fb-post|fb-video|fb-comment-embed|fb-xfbml-parse-ignore|text-post-media|bluesky-embed|mastodon-embed|reddit-card|reddit-embed-bq|tumblr-post|imgur-embed-pub)(?=\s|$)/i;

/** Data attributes the embed codes read their post from. */
const POST_ATTRIBUTES = ['data-instgrm-permalink', 'data-tweet-id', 'data-bluesky-uri'];

/**
 * A wrapper names an embed (`embed`, `oembed`, `embedded`, WordPress's `wp-block-embed`) and a
 * platform or social post in the same attribute: `embed-twitter`, `wp-block-embed-youtube`,
 * `is-provider-instagram`, `social-embed`, `data-component="embed-block"`. "Embed" alone is too
 * common a word (a story's wrapper can be `embed-ready`) to say more than that.
 */
const EMBED_WORD = /(?:^|[\s_:./-])(?:o?embed(?:s|ded)?|wp-block-embed)(?=$|[\s_:./-])/i;
const PLATFORM_WORD =
  /(?:^|[\s_:./-])(?:twitter|tweet|x|instagram|insta|facebook|fb|tiktok|youtube|yt|vimeo|weibo|threads|bluesky|mastodon|reddit|tumblr|social|block|provider)(?=$|[\s_:./-])/i;
const WRAPPER_ATTRIBUTES = ['class', 'id', 'data-component', 'data-embed', 'data-type'];

/** Whether `element` is an embedded post, a wrapper around one, or neither. */
export function embedKind(element: EmbedElementLike): EmbedKind {
  const className = element.getAttribute('class');
  const tag = element.localName;
  if (className !== null && (tag === 'blockquote' || tag === 'div') && POST_CLASS.test(className))
    return 'post';
  if (tag === 'blockquote' || tag === 'div') {
    for (const name of POST_ATTRIBUTES) if (element.getAttribute(name) !== null) return 'post';
  }
  for (const name of WRAPPER_ATTRIBUTES) {
    const value = name === 'class' ? className : element.getAttribute(name);
    if (value !== null && EMBED_WORD.test(value) && PLATFORM_WORD.test(value)) return 'wrapper';
  }
  return null;
}

/**
 * The embed state an element passes to its children, from the state it inherits (bits, so the
 * region memo can keep it with its own): inside a post; its text is chrome; excluded outright
 * (a link inside a post).
 */
export const IN_POST = 1;
export const EMBED_CHROME = 2;
export const EMBED_EXCLUDED = 4;

export function embedState(
  element: EmbedElementLike,
  inherited: number,
  attributed: boolean,
): number {
  let state = inherited;
  const kind = attributed ? embedKind(element) : null;
  if (kind === 'post') state |= IN_POST | EMBED_CHROME;
  else if (kind === 'wrapper' && (state & IN_POST) === 0) state |= EMBED_CHROME;
  const tag = element.localName;
  if ((state & IN_POST) !== 0) {
    // Handles, hashtags, permalinks, dates and picture links: the post's chrome, even in its text.
    if (tag === 'a') return state | EMBED_EXCLUDED;
    if (tag === 'p' && kind === null) return state & ~EMBED_CHROME;
  } else if ((state & EMBED_CHROME) !== 0 && tag === 'figcaption') {
    return state & ~EMBED_CHROME;
  }
  return state;
}
