import { describe, expect, it } from 'vitest';
import {
  isAccountRoot,
  isShareBar,
  isShareEndpoint,
  labelledBlockKind,
} from '../../../../entrypoints/content/marking/share-bars';
import { detectStory } from '../../../../entrypoints/content/marking/story-detector';

describe('links that share the page', () => {
  it.each([
    'https://twitter.com/intent/tweet?url=https%3A%2F%2Fnews.example%2Fa&text=VPN',
    'https://x.com/intent/post?url=a',
    'https://x.com/share?url=a',
    'https://www.facebook.com/sharer/sharer.php?u=a',
    'https://www.facebook.com/share.php?u=a',
    'https://www.facebook.com/dialog/share?app_id=1&href=a',
    'https://line.me/R/msg/text/?a',
    'https://social-plugins.line.me/lineit/share?url=a',
    'https://timeline.line.me/social-plugin/share?url=a',
    'https://b.hatena.ne.jp/entry/s/news.example/a',
    'http://b.hatena.ne.jp/add?mode=confirm&url=a',
    'https://service.weibo.com/share/share.php?url=a',
    'https://getpocket.com/save?url=a',
    'https://www.linkedin.com/shareArticle?mini=true&url=a',
    'https://www.reddit.com/submit?url=a',
    'https://api.whatsapp.com/send?text=a',
    'https://t.me/share/url?url=a',
    'https://connect.qq.com/widget/shareqq/index.html?url=a',
    '//twitter.com/intent/tweet?text=a',
    'mailto:?subject=VPN&body=https://news.example/a',
    'line://msg/text/a',
    'https://news.example/share?id=1',
    'https://news.example/a?share=facebook',
  ])('%s', (href) => {
    expect(isShareEndpoint(href)).toBe(true);
  });

  it.each([
    'https://twitter.com/nhk_news',
    'https://twitter.com/nhk_news/status/1',
    'https://www.facebook.com/nhk',
    'https://www.youtube.com/watch?v=1',
    'https://news.example/technology/vpn',
    'https://sharepoint.example/doc',
    'https://news.example/shared-interests',
    'mailto:tips@news.example',
    '#',
  ])('not %s', (href) => {
    expect(isShareEndpoint(href)).toBe(false);
  });
});

describe("links to a platform account's root page (follow us)", () => {
  it.each([
    'https://twitter.com/nhk_news',
    'https://x.com/nhk_news/',
    'https://www.facebook.com/nhk',
    'https://www.instagram.com/nhk/',
    'https://www.youtube.com/@nhk',
    'https://www.youtube.com/channel/UC123',
    'https://www.tiktok.com/@nhk',
    'https://line.me/R/ti/p/@nhk',
    'https://weibo.com/u/123',
    'https://weibo.com/rmrb',
    'https://www.linkedin.com/company/nhk',
    'https://t.me/nhk',
    'https://twitter.com/nhk?ref_src=twsrc',
  ])('%s', (href) => {
    expect(isAccountRoot(href)).toBe(true);
  });

  it.each([
    'https://twitter.com/nhk/status/1',
    'https://twitter.com/home',
    'https://twitter.com/search?q=vpn',
    'https://twitter.com/hashtag/vpn',
    'https://www.youtube.com/watch?v=1',
    'https://www.facebook.com/nhk/posts/1',
    'https://news.example/nhk',
    'https://notwitter.com/nhk',
  ])('not %s', (href) => {
    expect(isAccountRoot(href)).toBe(false);
  });
});

describe('share and follow bars, in any language', () => {
  const element = (html: string): Element => {
    document.body.innerHTML = html;
    const found = document.getElementById('bar');
    if (found === null) throw new Error('no #bar');
    return found;
  };

  it.each([
    [
      'a Japanese share bar',
      '<ul id="bar"><li><a href="https://twitter.com/intent/tweet?url=a">ツイート</a></li>' +
        '<li><a href="https://www.facebook.com/sharer/sharer.php?u=a">シェア</a></li>' +
        '<li><a href="https://b.hatena.ne.jp/entry/a">はてブ</a></li>' +
        '<li><a href="https://social-plugins.line.me/lineit/share?url=a">LINEで送る</a></li></ul>',
    ],
    [
      'a Chinese share bar with a label',
      '<div id="bar">分享到：<a href="https://service.weibo.com/share/share.php?url=a">微博</a>' +
        '<a href="https://connect.qq.com/widget/shareqq/index.html?url=a">QQ</a>' +
        '<a href="#" class="wechat">微信</a></div>',
    ],
    [
      'a follow bar',
      '<p id="bar">Follow us: <a href="https://twitter.com/nhk_news">Twitter</a> | ' +
        '<a href="https://www.facebook.com/nhk">Facebook</a> | ' +
        '<a href="https://www.youtube.com/@nhk">YouTube</a></p>',
    ],
    [
      'share buttons with counts',
      '<div id="bar"><a href="https://x.com/intent/post?url=a">Twitter <b>12</b></a>' +
        '<a href="https://www.facebook.com/share.php?u=a">Facebook <b>3</b></a>' +
        '<a href="https://getpocket.com/save?url=a">Pocket</a></div>',
    ],
    [
      "a byline's contact line",
      '<div id="bar"><span>Jane Doe:</span> <span>206-555-0100</span> or ' +
        '<a href="mailto:jdoe@news.example">jdoe@news.example</a>; ' +
        '<span>on Twitter: <a href="https://www.twitter.com/jdoe">@jdoe</a>.</span></div>',
    ],
  ])('%s is a bar', (_, html) => {
    expect(isShareBar(element(html))).toBe(true);
  });

  it.each([
    [
      'one share link',
      '<div id="bar"><a href="https://twitter.com/intent/tweet?url=a">Tweet</a></div>',
    ],
    [
      'a paragraph that names accounts in its prose',
      '<p id="bar">The ministry said on <a href="https://twitter.com/mfa">its account</a> that ' +
        'VPN sellers would be fined, and <a href="https://twitter.com/ap">the agency</a> reported ' +
        'that the rules start next month across the country.</p>',
    ],
    [
      'a related-stories list',
      '<ul id="bar"><li><a href="/a">China blocks another VPN</a></li>' +
        '<li><a href="/b">Twitter in China</a></li></ul>',
    ],
    [
      'a list where most links go elsewhere',
      '<ul id="bar"><li><a href="https://twitter.com/nhk">Twitter</a></li>' +
        '<li><a href="/a">Home</a></li><li><a href="/b">World</a></li>' +
        '<li><a href="/c">Tech</a></li><li><a href="/d">Sport</a></li></ul>',
    ],
    [
      'a paragraph of prose that links an account by its handle',
      '<p id="bar">The ministry, which posts as <a href="https://twitter.com/mfa">@mfa</a>, said ' +
        'on Tuesday that sellers of VPN subscriptions would be fined, and that the shops that ' +
        'offered them had been closed, according to notices posted by the authorities.</p>',
    ],
    [
      "a reporter's bio closing the story, with a handle",
      '<p id="bar"><i>Jane Doe is a reporter covering online censorship. Follow her on Twitter </i>' +
        '<a href="https://twitter.com/jdoe"><i>@jdoe</i></a></p>',
    ],
    [
      'an e-mail link alone',
      '<p id="bar">Tips: <a href="mailto:tips@news.example">tips@news.example</a></p>',
    ],
  ])('%s is not a bar', (_, html) => {
    expect(isShareBar(element(html))).toBe(false);
  });
});

describe('the story detector leaves share and follow bars out, named or not', () => {
  const paragraph =
    '<p>Officials said on Tuesday that the new rules on VPN services would take effect next ' +
    'month, and that providers without a licence would be fined, according to the notice.</p>';
  const story = `<div class="x1">${paragraph.repeat(6)}</div>`;

  it('a Japanese share bar inside the story is not story and not read on any page', () => {
    document.body.innerHTML =
      `<div id="main">${story}` +
      '<ul class="c9"><li><a href="https://twitter.com/intent/tweet?url=a&text=VPN">Twitter</a></li>' +
      '<li><a href="https://www.facebook.com/sharer/sharer.php?u=a">Facebook</a></li>' +
      '<li><a href="https://line.me/R/msg/text/?a">LINE</a></li></ul></div>';
    const bar = document.querySelector('ul.c9');
    const verdict = detectStory(document.body);
    expect(verdict.roots.length).toBeGreaterThan(0);
    expect(verdict.social.has(bar as Element)).toBe(true);
  });

  it('a follow bar with plain labels beside its links is left out', () => {
    document.body.innerHTML =
      `${story}<div class="c2"><span>フォローする</span>` +
      '<a href="https://twitter.com/nhk_news">Twitter</a>' +
      '<a href="https://www.facebook.com/nhk">Facebook</a></div>';
    const bar = document.querySelector('div.c2');
    expect(detectStory(document.body).social.has(bar as Element)).toBe(true);
  });

  it('a block named as SNS buttons is left out on a page without a story too', () => {
    document.body.innerHTML =
      '<ul><li><a href="/a">Home</a></li><li><a href="/b">World news today</a></li></ul>' +
      '<p>Teaser: VPN rules tighten.</p><div class="c-sns"><span>Twitter</span></div>';
    const bar = document.querySelector('div.c-sns');
    const verdict = detectStory(document.body);
    expect(verdict.roots).toEqual([]);
    expect(verdict.social.has(bar as Element)).toBe(true);
  });

  it('a list of other stories labelled in Japanese, inside the story, is not story', () => {
    document.body.innerHTML =
      `<div class="x1">${paragraph.repeat(3)}<div class="c3"><h2>関連記事</h2>` +
      '<div><a href="/a">VPN規制</a><p>政府は今月、VPNサービスを提供する業者に対して新しい規則を発表し、' +
      '違反した場合は罰金を科すと説明した。専門家は影響が大きいと話している。</p></div>' +
      '<div><a href="/b">通信の自由</a><p>専門家によると、規則は来月から全国で適用される見通しで、' +
      `利用者への影響が懸念されている。</p></div></div>${paragraph.repeat(3)}</div>`;
    const related = document.querySelector('div.c3') as Element;
    const verdict = detectStory(document.body);
    expect(verdict.roots.some((root) => root.contains(related))).toBe(true);
    expect(verdict.notStory.has(related)).toBe(true);
    // A home page's lists of stories are its content: not a social block.
    expect(verdict.social.has(related)).toBe(false);
  });
});

describe('blocks of links by their label, in any language', () => {
  const kind = (html: string) => {
    document.body.innerHTML = html;
    return labelledBlockKind(document.body.firstElementChild as Element);
  };
  const links = '<a href="/a">a</a><a href="/b">b</a>';

  it.each([
    [`<div><h3>関連記事</h3>${links}</div>`, 'related'],
    [`<div><p>あわせて読みたい</p>${links}</div>`, 'related'],
    [`<section><h2>相关阅读</h2>${links}</section>`, 'related'],
    [`<div><span>推荐阅读：</span>${links}</div>`, 'related'],
    [`<div><h2>관련 기사</h2>${links}</div>`, 'related'],
    [`<div><h2>Related stories</h2>${links}</div>`, 'related'],
    [`<div><span>この記事をシェアする</span>${links}</div>`, 'share'],
    [`<div><span>分享到：</span>${links}</div>`, 'share'],
    [`<div><b>フォローする</b>${links}</div>`, 'share'],
    [`<div><span>Share this article</span>${links}</div>`, 'share'],
    [`<div><h3>関連記事</h3><a href="/a">a</a></div>`, null],
    [`<div><h2>Share prices fell</h2>${links}</div>`, null],
    [`<div><h2>Related to the rules, officials said</h2>${links}</div>`, null],
    [`<div><p>Officials said the rules were new.</p>${links}</div>`, null],
    [`<div>${links}<h3>関連記事</h3></div>`, null],
  ])('%s: %s', (html, expected) => {
    expect(kind(html)).toBe(expected);
  });
});
