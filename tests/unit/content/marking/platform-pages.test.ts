import { describe, expect, it } from 'vitest';
import type { Glossary } from '../../../../common/glossary-types';
import glossaryJson from '../../../../data/glossary.json';
import { flattenAliases } from '../../../../entrypoints/background/matcher-data';
import {
  isOwnNameChrome,
  platformsOfHost,
} from '../../../../entrypoints/content/marking/platform-pages';

// The hosts come from the bundled glossary, as in the extension: the rule has no list of its own.
const sites = flattenAliases(glossaryJson as unknown as Glossary).sites ?? [];
const own = (host: string) => [...platformsOfHost(host, sites)].sort();

describe("a platform's own site, known by its host", () => {
  it.each([
    ['twitter.com', ['twitter']],
    ['mobile.twitter.com', ['twitter']],
    ['x.com', ['twitter']],
    ['www.x.com', ['twitter']],
    ['t.co', ['twitter']],
    ['youtube.com', ['youtube']],
    ['www.youtube.com', ['youtube']],
    ['m.youtube.com', ['youtube']],
    ['music.youtube.com', ['youtube']],
    ['youtu.be', ['youtube']],
    ['facebook.com', ['facebook']],
    ['www.facebook.com', ['facebook']],
    ['m.facebook.com', ['facebook']],
    ['weibo.com', ['sina-weibo']],
    ['m.weibo.cn', ['sina-weibo']],
  ])('%s is the site of %j', (host, ids) => {
    expect(own(host)).toEqual(ids);
  });

  it.each([
    ['WWW.YouTube.COM', ['youtube']],
    ['x.com.', ['twitter']],
  ])('%s (how a browser may spell it) is still the site of %j', (host, ids) => {
    expect(own(host)).toEqual(ids);
  });

  it.each([
    'nottwitter.com',
    'twitter.com.evil.example',
    'box.com',
    'xx.com',
    'x.co',
    'youtube.example',
    'fakefacebook.com',
    'www.nytimes.com',
    '127.0.0.1',
    'localhost',
    '',
  ])('%s is no platform’s own site', (host) => {
    expect(own(host)).toEqual([]);
  });

  it('takes the hosts from the data it is given', () => {
    // The site's parent domain is not its site.
    expect([...platformsOfHost('example.com', [{ id: 'n', hosts: ['news.example.com'] }])]).toEqual(
      [],
    );
    expect([...platformsOfHost('a.news.example', [{ id: 'n', hosts: ['news.example'] }])]).toEqual([
      'n',
    ]);
    expect([...platformsOfHost('twitter.com', [])]).toEqual([]);
  });
});

describe("the platform's own name in its site's chrome", () => {
  const element = (html: string): Element => {
    document.body.innerHTML = html;
    const found = document.getElementById('x');
    if (found === null) throw new Error('no #x');
    return found;
  };

  it('is chrome anywhere outside the story, prose or not', () => {
    expect(isOwnNameChrome(element('<p id="x">Twitter is blocked in China.</p>'), false)).toBe(
      true,
    );
  });

  it("is the story's own in its prose", () => {
    expect(isOwnNameChrome(element('<div><p id="x">Twitter is blocked.</p></div>'), true)).toBe(
      false,
    );
    expect(isOwnNameChrome(element('<p>Said <em id="x">Twitter</em> today.</p>'), true)).toBe(
      false,
    );
  });

  it.each([
    ['a link', '<p><a id="x" href="/">Twitter</a></p>'],
    ['a link inside', '<p><a href="/"><span id="x">Twitter</span></a></p>'],
    ['a heading', '<h2 id="x">New to Twitter?</h2>'],
    ['a header', '<header><div id="x">Twitter</div></header>'],
    ['a footer', '<footer><p id="x">© 2026 X Corp. Twitter</p></footer>'],
    ['a label', '<label id="x">Twitter for iPhone</label>'],
    ['a role=link widget', '<div role="link"><span id="x">Twitter</span></div>'],
    ['a role=button widget', '<div role="button"><span id="x">Sign up for Twitter</span></div>'],
  ])("is chrome in the story's %s", (_, html) => {
    expect(isOwnNameChrome(element(html), true)).toBe(true);
  });
});
