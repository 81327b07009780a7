import { beforeEach, describe, expect, it } from 'vitest';
import { embedKind } from '../../../../entrypoints/content/marking/embedded-posts';
import {
  createRegionMemo,
  type RegionMemo,
} from '../../../../entrypoints/content/marking/scan-regions';
import { NO_STORY } from '../../../../entrypoints/content/marking/story-detector';

let memo: RegionMemo;

beforeEach(() => {
  memo = createRegionMemo();
});

/** Whether the text directly in `#id` is read, on a page whose story is `#story`. */
function read(id: string): boolean {
  const story = document.getElementById('story');
  memo.setStory(story === null ? NO_STORY : { ...NO_STORY, roots: [story] });
  const element = document.getElementById(id);
  if (element === null) throw new Error(`no #${id}`);
  return memo.isScanned(element, story === null ? 'body' : 'story');
}

const TWEET =
  '<blockquote class="twitter-tweet" data-lang="en"><p id="text" lang="en" dir="ltr">' +
  'VPN sellers were fined again today <a id="handle" href="https://twitter.com/x">@Twitter</a> ' +
  '<a id="pic" href="https://t.co/abc">pic.twitter.com/abc</a></p>' +
  '<span id="by">&mdash; Jane Doe (@janedoe_on_Twitter)</span> ' +
  '<a id="date" href="https://twitter.com/janedoe/status/1">June 1, 2020</a></blockquote>';

describe('an embedded tweet in a story', () => {
  beforeEach(() => {
    document.body.innerHTML = `<div id="story"><p id="prose">Officials spoke.</p>${TWEET}</div>`;
  });

  it("reads the post's own text, which the story quotes", () => {
    expect(read('text')).toBe(true);
    expect(read('prose')).toBe(true);
  });

  it('leaves out its attribution line, handles, picture links and date', () => {
    expect(read('by')).toBe(false);
    expect(read('handle')).toBe(false);
    expect(read('pic')).toBe(false);
    expect(read('date')).toBe(false);
  });

  it('leaves the attribution line out on a page without a story too', () => {
    document.body.innerHTML = `<div>${TWEET}</div>`;
    expect(read('by')).toBe(false);
    expect(read('text')).toBe(true);
  });
});

describe('other platforms’ embed markup', () => {
  it('an Instagram post: all of it is links and attribution', () => {
    document.body.innerHTML =
      '<div id="story"><blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/1/">' +
      '<div><a id="view" href="https://www.instagram.com/p/1/">View this post on Instagram</a>' +
      '<p><a id="shared" href="https://www.instagram.com/p/1/">A post shared by YouTube (@youtube)</a></p>' +
      '</div></blockquote></div>';
    expect(read('view')).toBe(false);
    expect(read('shared')).toBe(false);
  });

  it('a Facebook post: its text is read, "Posted by … on …" is not', () => {
    document.body.innerHTML =
      '<div id="story"><div class="fb-post" data-href="https://www.facebook.com/x/posts/1">' +
      '<blockquote cite="https://www.facebook.com/x/posts/1" class="fb-xfbml-parse-ignore">' +
      '<p id="text">Our statement on the VPN rules.</p><span id="by">Posted by</span> ' +
      '<a id="name" href="https://www.facebook.com/x">Facebook</a></blockquote></div></div>';
    expect(read('text')).toBe(true);
    expect(read('by')).toBe(false);
    expect(read('name')).toBe(false);
  });

  it("a wrapper's notices around the post are not story, its caption is", () => {
    document.body.innerHTML =
      '<div id="story"><p id="prose">Officials spoke.</p>' +
      '<figure class="wp-block-embed is-provider-twitter wp-block-embed-twitter">' +
      '<div class="wp-block-embed__wrapper"><p id="notice">Allow Twitter content?</p>' +
      `${TWEET}</div><figcaption id="caption">The Twitter post that started it.</figcaption>` +
      '</figure><div data-component="embed-block"><h2 id="skip">Skip Twitter post</h2></div></div>';
    expect(read('notice')).toBe(false);
    expect(read('skip')).toBe(false);
    expect(read('text')).toBe(true);
    expect(read('caption')).toBe(true);
    expect(read('prose')).toBe(true);
  });

  it('a story inside something named like an embed wrapper is still read', () => {
    document.body.innerHTML =
      '<div class="social-embeds-enabled"><div id="story"><p id="prose">VPN rules.</p></div></div>';
    expect(read('prose')).toBe(true);
  });
});

describe('what is an embed, by markup', () => {
  const kind = (html: string) => {
    document.body.innerHTML = html;
    return embedKind(document.body.firstElementChild as Element);
  };

  it.each([
    ['<blockquote class="twitter-tweet"></blockquote>', 'post'],
    ['<blockquote class="twitter-video" data-status="hidden"></blockquote>', 'post'],
    [
      '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@a/video/1"></blockquote>',
      'post',
    ],
    ['<blockquote data-instgrm-permalink="https://www.instagram.com/p/1/"></blockquote>', 'post'],
    ['<div class="fb-video" data-href="https://www.facebook.com/x/videos/1"></div>', 'post'],
    ['<div class="embed-youtube"></div>', 'wrapper'],
    ['<div class="social-embed"></div>', 'wrapper'],
    ['<figure class="wp-block-embed is-provider-youtube"></figure>', 'wrapper'],
    ['<div class="twitterEmbed"></div>', null],
    ['<blockquote class="pullquote"></blockquote>', null],
    ['<div class="embed"></div>', null],
    ['<div class="embed-ready article-body"></div>', null],
    ['<p class="twitter-tweet"></p>', null],
  ])('%s: %s', (html, expected) => {
    expect(kind(html)).toBe(expected);
  });
});
