import { beforeEach, describe, expect, it } from 'vitest';
import {
  createRegionMemo,
  type RegionMemo,
  type ScanMode,
} from '../../../../entrypoints/content/marking/scan-regions';

let memo: RegionMemo;

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

function scanned(id: string, mode: ScanMode = 'body'): boolean {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`no #${id}`);
  return memo.isScanned(element, mode);
}

beforeEach(() => {
  memo = createRegionMemo();
});

describe('text that is never read', () => {
  it.each([
    ['a script', '<script id="x">var s = "Twitter";</script>'],
    ['a style sheet', '<style id="x">.Twitter {}</style>'],
    ['a noscript fallback', '<noscript><p id="x">Twitter</p></noscript>'],
    ['a textarea', '<textarea id="x">Twitter</textarea>'],
    ['a button', '<button><span id="x">Share on Twitter</span></button>'],
    ['a select option', '<select><option id="x">Twitter</option></select>'],
    ['an svg label', '<svg><text id="x">Twitter</text></svg>'],
    ['a video fallback', '<video><p id="x">Twitter</p></video>'],
    ['an editable region', '<div contenteditable="true"><p id="x">Twitter</p></div>'],
    ['an editable region (empty attribute)', '<div contenteditable><p id="x">Twitter</p></div>'],
    ['a plaintext-only editor', '<div contenteditable="plaintext-only"><p id="x">x</p></div>'],
    ['a hidden subtree', '<div hidden><p id="x">Twitter</p></div>'],
    ['an aria-hidden subtree', '<div aria-hidden="true"><p id="x">Twitter</p></div>'],
    ['a role=button widget', '<div role="button"><span id="x">Twitter</span></div>'],
    ['a role=textbox editor', '<div role="textbox"><p id="x">Twitter</p></div>'],
    ['a toolbar', '<div role="toolbar"><a id="x" href="#">Twitter</a></div>'],
    ['Firewall Lens\u2019 own card', '<firewall-lens-ui><p id="x">Twitter</p></firewall-lens-ui>'],
    ['a share link', '<p><a id="x" href="https://twitter.com/intent/tweet?url=a">Twitter</a></p>'],
    [
      'a Facebook sharer link',
      '<a id="x" href="https://www.facebook.com/sharer/sharer.php?u=a">f</a>',
    ],
    [
      'a LinkedIn share link',
      '<a id="x" href="https://www.linkedin.com/shareArticle?url=a">in</a>',
    ],
  ])('%s', (_, html) => {
    page(`<article>${html}</article>`);
    expect(scanned('x')).toBe(false);
  });

  it('a non-editable island in a page is still read (contenteditable="false")', () => {
    page('<div contenteditable="false"><p id="x">Twitter</p></div>');
    expect(scanned('x')).toBe(true);
  });

  it('a link to a profile is read; only share endpoints are skipped', () => {
    page('<p><a id="x" href="https://twitter.com/someone/status/1">Twitter</a></p>');
    expect(scanned('x')).toBe(true);
  });
});

describe('site chrome and article parts', () => {
  it('the site header, navigation and footer are not read', () => {
    page(`
      <header id="site-header"><p id="tagline">News</p></header>
      <nav><a id="nav-link" href="/">Twitter</a></nav>
      <div role="navigation"><a id="role-nav" href="/">Twitter</a></div>
      <div role="banner"><p id="role-banner">x</p></div>
      <div role="contentinfo"><p id="role-footer">x</p></div>
      <footer><p id="site-footer">Follow us on Twitter</p></footer>
      <aside><p id="sidebar">Most read</p></aside>
      <p id="body-text">A paragraph</p>`);
    for (const id of [
      'tagline',
      'nav-link',
      'role-nav',
      'role-banner',
      'role-footer',
      'site-footer',
      'sidebar',
    ]) {
      expect([id, scanned(id)]).toEqual([id, false]);
    }
    expect(scanned('body-text')).toBe(true);
  });

  it('before the story is known, only a site header may still turn out to be read', () => {
    page(`
      <header><h1 id="headline">Twitter blocked again</h1><nav><a id="menu" href="/">Twitter</a></nav></header>
      <footer><p id="site-footer">Follow us on Twitter</p></footer>
      <aside><p id="sidebar">Most read</p></aside>
      <script id="code">var s = "Twitter";</script>
      <p id="body-text">A paragraph</p>`);
    const mayBeRead = (id: string) => memo.mayBeRead(document.getElementById(id) as Element);
    expect(mayBeRead('headline')).toBe(true);
    expect(scanned('headline')).toBe(false);
    for (const id of ['menu', 'site-footer', 'sidebar', 'code']) {
      expect([id, mayBeRead(id)]).toEqual([id, false]);
    }
    expect(mayBeRead('body-text')).toBe(true);
  });

  it("an article's own header, footer and fact box are content", () => {
    page(`
      <article>
        <header><h1 id="headline">Behind the Great Firewall</h1></header>
        <aside><p id="factbox">What is a VPN?</p></aside>
        <footer><p id="article-footer">Topics: Twitter</p></footer>
      </article>
      <main><header><p id="main-header">x</p></header></main>`);
    expect(scanned('headline')).toBe(true);
    expect(scanned('factbox')).toBe(true);
    expect(scanned('article-footer')).toBe(true);
    expect(scanned('main-header')).toBe(true);
  });

  it('navigation stays excluded inside an article (a table of contents)', () => {
    page('<article><nav><a id="toc" href="#a">The Great Firewall</a></nav></article>');
    expect(scanned('toc')).toBe(false);
  });

  it('a header inside a mere <section> wrapper is still the site header', () => {
    page('<section><header><p id="x">x</p></header><article><p id="y">y</p></article></section>');
    expect(scanned('x')).toBe(false);
    expect(scanned('y')).toBe(true);
  });
});

describe('story mode', () => {
  const byId = (id: string) => document.getElementById(id) as HTMLElement;
  const verdict = (roots: string[], notStory: string[] = [], social: string[] = []) => ({
    roots: roots.map(byId),
    notStory: new Set(notStory.map(byId)),
    social: new Set(social.map(byId)),
    storyChars: 1_000,
  });

  it('reads only the story, less what is not story inside it', () => {
    page(`
      <div><p id="outside">Twitter</p></div>
      <div id="story"><p id="in-story">Twitter</p><div id="share"><a id="in-share">Twitter</a></div></div>`);
    expect(memo.setStory(verdict(['story'], ['share']))).toBe('story');
    expect(scanned('outside', 'story')).toBe(false);
    expect(scanned('in-story', 'story')).toBe(true);
    expect(scanned('in-share', 'story')).toBe(false);
  });

  it("reads the story's own header, even outside any article or main", () => {
    page('<div id="story"><header><h1 id="headline">x</h1></header><p id="p">y</p></div>');
    memo.setStory(verdict(['story']));
    expect(scanned('headline', 'story')).toBe(true);
  });

  it('keeps the hard rules inside the story (navigation, buttons, hidden text)', () => {
    page(`<div id="story"><nav><a id="toc">x</a></nav><button id="b">x</button>
      <div hidden><p id="h">x</p></div></div>`);
    memo.setStory(verdict(['story']));
    expect(scanned('toc', 'story')).toBe(false);
    expect(scanned('b', 'story')).toBe(false);
    expect(scanned('h', 'story')).toBe(false);
  });

  it('without a story reads the body, less site chrome and the social blocks', () => {
    page(`<div id="feed"><p id="item">Twitter</p></div>
      <div id="follow"><a id="follow-link">Twitter</a></div>`);
    expect(memo.setStory(verdict([], [], ['follow']))).toBe('body');
    expect(scanned('item')).toBe(true);
    expect(scanned('follow-link')).toBe(false);
  });

  it('forgets the old story when given a new one', () => {
    page('<div id="a"><p id="pa">x</p></div><div id="b"><p id="pb">y</p></div>');
    memo.setStory(verdict(['a']));
    expect(scanned('pa', 'story')).toBe(true);
    memo.setStory(verdict(['b']));
    expect(scanned('pa', 'story')).toBe(false);
    expect(scanned('pb', 'story')).toBe(true);
  });
});

describe('the memo', () => {
  it('answers from the memo until reset, then sees the changed attribute', () => {
    page('<article><div id="box"><p id="x">x</p></div></article>');
    expect(scanned('x')).toBe(true);
    document.getElementById('box')?.setAttribute('hidden', '');
    expect(scanned('x')).toBe(true);
    memo.reset();
    expect(scanned('x')).toBe(false);
  });

  it('computes an element once and reuses it for its descendants', () => {
    page('<article><div id="box"><p id="x">x</p><p id="y">y</p></div></article>');
    const box = document.getElementById('box') as HTMLElement;
    let reads = 0;
    const original = box.getAttribute.bind(box);
    box.getAttribute = (name: string) => {
      reads++;
      return original(name);
    };
    scanned('x');
    const afterFirst = reads;
    scanned('y');
    expect(afterFirst).toBeGreaterThan(0);
    expect(reads).toBe(afterFirst);
  });
});
