/**
 * The story detector on pages shaped like real ones: the fixtures copy the structure of news
 * sites (hashed class names, stories in plain divs, teaser cards as <article>s, share bars with
 * aria-labels, comment threads longer than the story), with original text.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  detectStory,
  StoryDetector,
  type StoryVerdict,
  UNDECIDED,
} from '../../../../entrypoints/content/marking/story-detector';

/** Long paragraphs of prose, with commas, as a story has them. */
function prose(topic: string, count = 5): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `<p>In the ${i + 1}th account of ${topic}, engineers and students described, at length and with examples, how the rules changed from one month to the next, which services stopped working, and what they did instead when the tools they had paid for failed them.</p>`,
  ).join('\n');
}

const SITE_HEADER = `
  <header class="site-header"><a class="logo" href="/"><h1>The Ledger</h1></a>
    <nav><a href="/world">World</a><a href="/tech">Tech</a><a href="/follow">Follow us on Facebook</a></nav>
  </header>`;

const SITE_FOOTER = `
  <footer class="site-footer"><p id="site-footer">Follow us on Facebook | Twitter | YouTube</p></footer>`;

let verdict: StoryVerdict;

function decide(body: string, bodyClass = ''): StoryVerdict {
  document.body.innerHTML = body;
  document.body.className = bodyClass;
  verdict = detectStory(document.body);
  return verdict;
}

/** Whether text in #id is story: inside a story container and not in what is not story there. */
function isStory(id: string): boolean {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`no #${id}`);
  const inRoot = verdict.roots.some((root) => root === element || root.contains(element));
  const excluded = [...verdict.notStory].some((out) => out === element || out.contains(element));
  return inRoot && !excluded;
}

/** On a page without a story: whether #id is left out as a share or social block. */
function isSocial(id: string): boolean {
  const element = document.getElementById(id) as Element;
  return [...verdict.social].some((out) => out === element || out.contains(element));
}

beforeEach(() => {
  document.body.innerHTML = '';
  document.body.className = '';
});

describe('a news story among the site around it', () => {
  // Shaped like a Vox Media article: a hero with the headline, the body in div.c-entry-content
  // among layout divs, a related aside inside the body, a share bar, tags, comments, a rail.
  const NEWS_PAGE = `${SITE_HEADER}
    <div class="l-root"><section class="l-wrapper">
      <div class="c-entry-hero"><div class="c-entry-hero__header-wrap">
        <h1 class="c-page-title" id="headline">Students swap notes on the VPNs that still work</h1>
        <p class="c-byline" id="byline">By Mara Lindqvist</p>
      </div></div>
      <div class="l-sidebar-fixed l-segment"><div class="l-col__main">
        <div class="c-share-bar"><a aria-label="Share On Facebook" class="shareLink__3fA9x" href="#" id="share">Facebook</a>
          <a aria-label="Share On Twitter" class="shareLink__3fA9x" href="#">Twitter</a></div>
        <div class="c-entry-content" id="body">
          ${prose('the Great Firewall')}
          <h2 id="subhead">What changed in March</h2>
          <figure><img alt=""><figcaption id="caption">A café in Shanghai where students meet.</figcaption></figure>
          <aside class="c-related-list" id="related"><h3>Related</h3><ul><li><a href="/a">Why YouTube matters</a></li></ul></aside>
          ${prose('the filtering')}
          <p id="last">The students said they would keep trying.</p>
        </div>
        <div class="c-entry-box--compact__tags" id="tags"><ul class="tag-list"><li><a href="/t/vpn">Ether VPN</a></li><li><a href="/t/fb">Facebook</a></li></ul></div>
        <div class="c-newsletter_signup_box" id="newsletter"><p>Sign up for the newsletter: the week on Twitter and beyond, every Friday, with nothing else in it at all.</p></div>
        <div id="comments" class="comments-area">${prose('a reader’s view', 8)}</div>
      </div>
      <div class="l-col__sidebar"><div class="c-rail-module most-read" id="most-read">
        <ol><li><a href="/1">Facebook’s new rules, explained</a></li><li><a href="/2">Twitter outage</a></li></ol>
      </div></div></div>
    </section></div>${SITE_FOOTER}`;

  beforeEach(() => {
    decide(NEWS_PAGE, 'single has-comments');
  });

  it('finds the story: its paragraphs, subheadings, captions and its headline', () => {
    expect(verdict.roots.length).toBeGreaterThan(0);
    expect(isStory('body')).toBe(true);
    expect(isStory('subhead')).toBe(true);
    expect(isStory('caption')).toBe(true);
    expect(isStory('last')).toBe(true);
    expect(isStory('headline')).toBe(true);
  });

  it('leaves out the share bar, the related aside, tags, newsletter, comments and the rail', () => {
    for (const id of ['share', 'related', 'tags', 'newsletter', 'comments', 'most-read']) {
      expect(isStory(id), id).toBe(false);
    }
  });

  it('leaves out the site header, navigation and footer', () => {
    expect(isStory('site-footer')).toBe(false);
    const logo = document.querySelector('.logo h1') as Element;
    expect(verdict.roots.some((root) => root.contains(logo))).toBe(false);
  });

  it('counts the prose of the story for deciding again later', () => {
    expect(verdict.storyChars).toBeGreaterThan(2_000);
  });
});

describe('the story where landmarks mislead', () => {
  it('finds a story in plain divs when the only <article>s are teaser cards below it', () => {
    // The page the landmark rule got wrong: text in divs, three teaser cards as <article>s.
    decide(`${SITE_HEADER}
      <div class="page"><div class="txt" id="story">${prose('the Great Firewall', 6)}</div></div>
      <div class="more-stories">
        <article class="card" id="teaser-1"><h3><a href="/1">Facebook is blocked again</a></h3><p>Read more</p></article>
        <article class="card" id="teaser-2"><h3><a href="/2">Why Twitter left</a></h3><p>Read more</p></article>
        <article class="card" id="teaser-3"><h3><a href="/3">YouTube and the rest</a></h3><p>Read more</p></article>
      </div>${SITE_FOOTER}`);
    expect(isStory('story')).toBe(true);
    for (const id of ['teaser-1', 'teaser-2', 'teaser-3']) expect(isStory(id), id).toBe(false);
  });

  it('finds a story written as text and <br>s in one div', () => {
    const lines = Array.from(
      { length: 6 },
      (_, i) =>
        `Line ${i}: the officials said, again and again, that the rules had not changed, although everyone who tried to reach a foreign site that week knew otherwise, and said so.<br><br>`,
    ).join('');
    decide(`<div id="wrap"><div class="post" id="story">${lines}</div>
      <div class="social" id="social"><a href="https://facebook.com/x">Facebook</a></div></div>`);
    expect(isStory('story')).toBe(true);
    expect(isStory('social')).toBe(false);
  });

  it('keeps a WordPress article whose classes carry its tags (tag-facebook)', () => {
    decide(`<article class="post type-post tag-facebook tag-vpn hentry" id="post">
      <header class="entry-header"><h1 id="title">Facebook and the VPN question</h1></header>
      <div class="entry-content">${prose('Facebook')}</div>
      <footer class="entry-footer" id="entry-footer"><a href="/tag/facebook">Facebook</a></footer>
    </article>`);
    expect(isStory('post')).toBe(false);
    expect(isStory('title')).toBe(true);
    expect(document.querySelector('.entry-content p') && isStory('title')).toBe(true);
    // The entry footer (tags, share) is not story, as in reader modes.
    expect(isStory('entry-footer')).toBe(false);
  });

  it('takes the story over a longer comment thread below it', () => {
    decide(`<div id="main"><div class="article-body" id="story">${prose('the Great Firewall', 4)}</div>
      <section id="comments"><h2>Comments</h2>${Array.from(
        { length: 12 },
        (_, i) => `<div class="comment" id="c${i}">${prose('my own experience', 2)}</div>`,
      ).join('')}</section></div>`);
    expect(isStory('story')).toBe(true);
    expect(isStory('comments')).toBe(false);
    expect(isStory('c3')).toBe(false);
  });

  it('joins a story split over sibling containers by an ad', () => {
    decide(`<div id="column"><div class="story-part" id="part-1">${prose('the ban', 4)}</div>
      <div class="ad-slot" id="ad"><p>Advertisement: Facebook for business, try it free today.</p></div>
      <div class="story-part" id="part-2">${prose('the aftermath', 4)}</div></div>`);
    expect(isStory('part-1')).toBe(true);
    expect(isStory('part-2')).toBe(true);
    expect(isStory('ad')).toBe(false);
  });

  it('leaves out a list of links inside the story ("Read more")', () => {
    decide(`<div class="entry-content" id="story">${prose('the ban', 3)}
      <ul id="links"><li><a href="/1">Facebook’s new rules</a></li><li><a href="/2">Twitter, a year on</a></li></ul>
      ${prose('the aftermath', 3)}</div>`);
    expect(isStory('story')).toBe(true);
    expect(isStory('links')).toBe(false);
  });

  it('leaves out a share link known only by its label or its endpoint', () => {
    decide(`<div class="entry-content" id="story">${prose('the ban', 4)}
      <p>Tell a friend: <a id="by-label" aria-label="Share on Twitter" href="#">Twitter</a>
      <a id="by-href" href="https://twitter.com/intent/tweet?u=x">tweet</a></p></div>`);
    expect(isStory('by-label')).toBe(false);
    expect(isStory('by-href')).toBe(false);
  });

  it('reads a Chinese story by its Chinese commas and leaves out its share buttons', () => {
    const zh = Array.from(
      { length: 6 },
      () =>
        '<p>在上海，不少大学生说，使用翻墙工具已经成了日常，有人用它联系在海外读书的同学，有人看新闻，也有人学做菜，但他们都明白，防火长城随时可能再升级一次，到时候又要重新寻找办法，这样的日子已经过了很多年。</p>',
    ).join('');
    decide(`<div id="C-Main-Article" class="mod-left"><div class="hd"><h1 id="zh-title">防火长城再升级</h1>
      <div class="shareBtn" id="zh-share"><a>分享到新浪微博</a></div></div>
      <div class="bd" id="zh-story">${zh}</div></div>`);
    expect(isStory('zh-story')).toBe(true);
    expect(isStory('zh-title')).toBe(true);
    expect(isStory('zh-share')).toBe(false);
  });
});

describe('pages without a story', () => {
  it('a home page of teaser cards has none, and its follow box is still left out', () => {
    const cards = Array.from(
      { length: 20 },
      (_, i) =>
        `<article class="card"><h2><a href="/${i}">Headline number ${i} about Facebook</a></h2><p>A short summary, as home pages have them.</p></article>`,
    ).join('');
    decide(`${SITE_HEADER}<main><div class="grid">${cards}</div>
      <div class="follow-us" id="follow"><a href="https://twitter.com/x">Twitter</a></div></main>${SITE_FOOTER}`);
    expect(verdict.roots).toEqual([]);
    expect(isSocial('follow')).toBe(true);
  });

  it('search results have none', () => {
    const results = Array.from(
      { length: 10 },
      (_, i) =>
        `<li><h3><a href="/r${i}">Result ${i}: VPN</a></h3><p>A snippet of the page, with the term in it, cut short…</p></li>`,
    ).join('');
    decide(
      `<form role="search"><input name="q" value="VPN"></form><ol class="results">${results}</ol>`,
    );
    expect(verdict.roots).toEqual([]);
  });

  it('a page of short forum replies has none', () => {
    const posts = Array.from(
      { length: 15 },
      (_, i) =>
        `<div class="message" id="m${i}"><p>Reply ${i}: Twitter works for me today, thanks.</p></div>`,
    ).join('');
    decide(`<div class="thread">${posts}</div>`);
    expect(verdict.roots).toEqual([]);
  });

  it('an empty page and a page of a few words have none', () => {
    expect(decide('').roots).toEqual([]);
    expect(decide('<p>Twitter</p>').roots).toEqual([]);
  });
});

describe('in slices', () => {
  it('gives the same verdict when stopped and resumed at every look at the clock', () => {
    document.body.innerHTML = `<div id="story">${prose('the ban', 600)}</div><div class="share" id="s">x y z</div>`;
    const whole = detectStory(document.body);
    let clock = 0;
    const detector = new StoryDetector(
      document.body,
      () => clock++,
      () => true,
    );
    let steps = 0;
    while (!detector.step(clock + 1)) steps++;
    const sliced = detector.verdict();
    expect(steps).toBeGreaterThan(3);
    expect(sliced.roots).toEqual(whole.roots);
    expect([...sliced.notStory]).toEqual([...whole.notStory]);
    expect(sliced.storyChars).toBe(whole.storyChars);
  });

  it('refuses to answer before it has finished', () => {
    document.body.innerHTML = prose('the ban', 40);
    const detector = new StoryDetector(
      document.body,
      () => 1,
      () => true,
    );
    expect(detector.step(0)).toBe(false);
    expect(() => detector.verdict()).toThrow(/not finished/);
  });

  it('starts again when the page removed the node it stood on between two slices', () => {
    document.body.innerHTML = `<div id="before">${prose('the ban', 400)}</div><div id="story">${prose('the ban', 60)}</div>`;
    let clock = 0;
    const detector = new StoryDetector(
      document.body,
      () => clock++,
      () => true,
    );
    let removed = false;
    while (!detector.step(clock + 1)) {
      if (!removed) {
        document.getElementById('before')?.remove();
        removed = true;
      }
    }
    const verdict = detector.verdict();
    expect(verdict.roots.map((root) => root.id)).toEqual(['story']);
    expect(detector.matchedTexts().every((text) => text.isConnected)).toBe(true);
  });
});

describe('the text it hands to the scanner', () => {
  it('keeps the text nodes its matcher accepts, in document order, and none it never reads', () => {
    document.body.innerHTML = `<div id="story">${prose('the ban', 6)}<p id="vpn">A VPN, then <em>another VPN</em>.</p></div>
      <script>var x = "VPN";</script><div hidden>VPN</div><p aria-hidden="true">VPN</p>`;
    const detector = new StoryDetector(
      document.body,
      () => 0,
      (text) => text.includes('VPN'),
    );
    detector.step(Number.POSITIVE_INFINITY);
    expect(detector.matchedTexts().map((text) => text.data)).toEqual([
      'A VPN, then ',
      'another VPN',
    ]);
    expect(detector.verdict().roots.map((root) => root.id)).toEqual(['story']);
  });

  it('reads nothing below a hidden or skipped element, however deep the text lies', () => {
    document.body.innerHTML = `<div id="story">${prose('the ban', 6)}<p>A <a href="/v"><b>VPN</b></a>.</p></div>
      <div hidden><section><p>Deep <span><i>VPN</i></span></p></section></div>
      <svg><g><text>VPN</text></g></svg><div aria-hidden="true"><ul><li><a href="/x">VPN</a></li></ul></div>`;
    const detector = new StoryDetector(
      document.body,
      () => 0,
      (text) => text.includes('VPN'),
    );
    detector.step(Number.POSITIVE_INFINITY);
    expect(detector.matchedTexts().map((text) => text.parentElement?.localName)).toEqual(['b']);
    expect(detector.verdict().roots.map((root) => root.id)).toEqual(['story']);
  });

  it('asks nothing of the text before the one it is told to start matching at', () => {
    document.body.innerHTML = `<div id="story">${prose('the ban', 6)}<p id="first">A VPN first.</p><p>Another VPN.</p></div>`;
    const asked: string[] = [];
    const from = document.getElementById('first')?.firstChild as Text;
    const detector = new StoryDetector(
      document.body,
      () => 0,
      (text) => {
        asked.push(text);
        return text.includes('VPN');
      },
      from,
    );
    detector.step(Number.POSITIVE_INFINITY);
    expect(asked).toEqual(['A VPN first.', 'Another VPN.']);
    expect(detector.matchedTexts().map((text) => text.data)).toEqual([
      'A VPN first.',
      'Another VPN.',
    ]);
  });

  it('asks every text again when the text it was to start at is gone', () => {
    document.body.innerHTML = `<div id="story">${prose('the ban', 6)}<p id="first">A VPN first.</p><p>Another VPN.</p></div>`;
    const first = document.getElementById('first') as HTMLElement;
    const from = first.firstChild as Text;
    first.remove();
    const detector = new StoryDetector(
      document.body,
      () => 0,
      (text) => text.includes('VPN'),
      from,
    );
    detector.step(Number.POSITIVE_INFINITY);
    expect(detector.matchedTexts().map((text) => text.data)).toEqual(['Another VPN.']);
  });

  it('does not score a page where the matcher accepts nothing', () => {
    document.body.innerHTML = `<div id="story">${prose('the ban', 6)}</div>`;
    const detector = new StoryDetector(
      document.body,
      () => 0,
      () => false,
    );
    detector.step(Number.POSITIVE_INFINITY);
    expect(detector.verdict()).toBe(UNDECIDED);
    expect(detector.matchedTexts()).toEqual([]);
  });
});
