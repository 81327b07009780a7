import { beforeEach, describe, expect, it } from 'vitest';
import domains from '../../../../data/platform-domains.json';
import { MentionStore } from '../../../../entrypoints/content/marking/mention-store';
import {
  isFollowLabel,
  platformOfHost,
  platformOfLink,
} from '../../../../entrypoints/content/marking/platform-links';
import { Scanner } from '../../../../entrypoints/content/marking/scanner';
import { realMatcher } from '../../support/real-cards';

describe('which blocked platform a link goes to', () => {
  it.each([
    ['https://www.youtube.com/watch?v=abc', 'youtube'],
    ['https://m.youtube.com/shorts/abc', 'youtube'],
    ['https://youtu.be/abc', 'youtube'],
    ['https://t.me/somechannel', 'telegram'],
    ['https://www.facebook.com/some.page', 'facebook'],
    ['https://fb.watch/xyz/', 'facebook'],
    ['https://www.instagram.com/p/abc/', 'instagram'],
    ['https://x.com/someone/status/1', 'twitter'],
    ['https://twitter.com/someone', 'twitter'],
    ['https://en.wikipedia.org/wiki/Great_Firewall', 'wikipedia'],
    ['https://zh.wikipedia.org/wiki/防火长城', 'wikipedia'],
    ['https://www.google.com/maps/place/Beijing', 'google'],
    ['https://www.google.com.hk/search?q=vpn', 'google'],
    ['https://mail.google.com/', 'google'],
    ['https://wa.me/123456', 'whatsapp'],
    ['HTTPS://WWW.YOUTUBE.COM/', 'youtube'],
    ['https://www.youtube.com:443/watch?v=abc', 'youtube'],
    ['https://someone:secret@twitter.com/x', 'twitter'],
    ['https://youtube.com.', 'youtube'],
    ['https://www.youtube.com\\watch?v=abc', 'youtube'],
    ['https://you\ttube.com/', 'youtube'],
    ['https://%79outube.com/', 'youtube'],
    ['https://ＹＯＵＴＵＢＥ.com/', 'youtube'],
  ])('%s → %s', (href, id) => {
    expect(platformOfLink(href, domains)).toBe(id);
  });

  it.each([
    'https://www.nytimes.com/2026/12/01/world/asia/china.html',
    'https://notyoutube.com/',
    'https://youtube.com.evil.example/',
    'https://www.baidu.com/s?wd=youtube.com',
    'https://example.org/?next=https://t.me/x',
    '/local/youtube.com',
    'mailto:someone@gmail.com',
    'javascript:void(0)',
    'https://',
    'https://youtube.com@evil.example/',
    'https://evil.example\\@youtube.com/',
    'https://[::1]/youtube.com',
  ])('%s goes to none', (href) => {
    expect(platformOfLink(href, domains)).toBeUndefined();
  });

  it('reads every link’s host as the browser’s URL parser does', () => {
    const hrefs = [
      'https://a.youtube.com:8080/x',
      'http://u@b.facebook.com',
      'https://t.me?x',
      'https://t.me#x',
      'https://x.com\\y',
      'https://ex.com\\@youtube.com/',
      'https://youtube.com%2F.evil.example/',
      'https://xn--fiqs8s.example/',
      'https://中国.example/',
    ];
    for (const href of hrefs) {
      const parsed = URL.canParse(href) ? new URL(href).hostname : null;
      const expected = parsed === null ? undefined : platformOfHost(parsed, domains);
      expect(platformOfLink(href, domains), href).toBe(expected);
    }
  });

  it('looks a host up by its own keys only, never by Object’s', () => {
    expect(platformOfHost('constructor', domains)).toBeUndefined();
    expect(platformOfHost('__proto__', domains)).toBeUndefined();
  });

  it('knows a follow invitation from a link in the story', () => {
    expect(isFollowLabel('Follow us on X')).toBe(true);
    expect(isFollowLabel('Subscribe on YouTube')).toBe(true);
    expect(isFollowLabel('关注我们的推特')).toBe(true);
    expect(isFollowLabel('@bromano')).toBe(true);
    expect(isFollowLabel('a video of the protest')).toBe(false);
    expect(isFollowLabel('the followers he lost')).toBe(false);
  });
});

/** A story as sites write it, with links to blocked platforms in it and in the page around it. */
const STORY = `
  <header><nav><a href="https://x.com/paper">X</a> <a href="https://www.facebook.com/paper">Facebook</a></nav></header>
  <main><article>
    <h1>Chinese creators build audiences abroad</h1>
    <p>Chinese creators are finding audiences on X, formerly Twitter, and on YouTube, although both are blocked in China, where the Great Firewall keeps most foreign platforms out of reach.</p>
    <p>One of them posted <a id="video" href="https://www.youtube.com/watch?v=abc">a video of her studio</a>, which drew thousands of views within a day, and she now runs <a id="channel" href="https://t.me/studio">a channel of her own</a> for her followers.</p>
    <p>Her <a id="page" href="https://www.facebook.com/studio">page</a> has grown too, she said, and on X her posts are shared by X users across the diaspora, although a Model X owner asked if she made car videos.</p>
    <p>She links to the <a id="named" href="https://www.youtube.com/@studio">YouTube</a> channel and to <a id="news" href="https://www.example.com/report">a news report</a> about the studio.</p>
    <p><a id="share" href="https://twitter.com/intent/tweet?url=x">Share this story</a> <a id="follow" href="https://x.com/studio">Follow her on X</a></p>
  </article></main>
  <footer><a id="footer" href="https://www.instagram.com/paper">Instagram</a></footer>`;

let store: MentionStore;

async function scan(html: string): Promise<Scanner> {
  document.body.innerHTML = html;
  store = new MentionStore();
  const scanner = new Scanner(realMatcher(), {
    document,
    store,
    yieldToPage: async () => {},
  });
  await scanner.fullScan();
  return scanner;
}

/** `id of the closest element with one (or its text): marked text → entry`, in page order. */
function marks(): string[] {
  return store.all().map((m) => {
    const where = m.node.parentElement?.closest('[id]')?.id ?? '';
    return `${where}: ${m.node.data.slice(m.start, m.end)} → ${m.id}`;
  });
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('links in the story to blocked platforms are marked like mentions', () => {
  it('marks the text of links to YouTube, Telegram and Facebook as those platforms', async () => {
    await scan(STORY);
    expect(marks()).toEqual(
      expect.arrayContaining([
        'video: a video of her studio → youtube',
        'channel: a channel of her own → telegram',
        'page: page → facebook',
      ]),
    );
  });

  it('keeps a link’s own words as the mention where they name a term', async () => {
    await scan(STORY);
    expect(marks().filter((mark) => mark.startsWith('named:'))).toEqual([
      'named: YouTube → youtube',
    ]);
  });

  it('leaves ordinary links, share and follow links, navigation and the footer unmarked', async () => {
    await scan(STORY);
    const where = marks().map((mark) => mark.split(':')[0]);
    for (const id of ['news', 'share', 'follow', 'footer']) expect(where).not.toContain(id);
    expect(store.all().some((m) => m.node.parentElement?.closest('nav'))).toBe(false);
  });

  it('marks X where the story says it is the platform, and not Model X', async () => {
    await scan(STORY);
    const xMarks = store
      .all()
      .filter((m) => m.node.data.slice(m.start, m.end) === 'X')
      .map((m) => `${m.node.data.slice(m.start, m.end + 8)} → ${m.id}`);
    expect(xMarks).toEqual(['X, former → twitter', 'X her pos → twitter', 'X users a → twitter']);
  });

  it('takes a link to x.com in the story as the page saying which X it means', async () => {
    await scan(`<main><article>
      <h1>Diaspora voices</h1>
      <p>Creators abroad say the Great Firewall shapes what they post, and many of them publish first on X, where <a href="https://x.com/creator">one creator</a> has gathered a large audience among Chinese speakers overseas.</p>
      <p>Others prefer YouTube for longer videos, which they say travel further than short clips, and which the platform recommends to viewers outside China who search for Chinese-language content.</p>
    </article></main>`);
    expect(marks()).toEqual(expect.arrayContaining([': X → twitter', ': one creator → twitter']));
  });

  it('leaves a platform’s links to itself unmarked on its own pages (a Wikipedia article)', async () => {
    const canonical = document.createElement('link');
    canonical.rel = 'canonical';
    canonical.href = 'https://en.wikipedia.org/wiki/New_Zealand';
    document.head.append(canonical);
    try {
      await scan(
        STORY.replace('https://t.me/studio', 'https://en.wikipedia.org/w/index.php?action=edit'),
      );
      expect(marks().map((mark) => mark.split(':')[0])).not.toContain('channel');
      expect(marks()).toContain('video: a video of her studio → youtube');
    } finally {
      canonical.remove();
    }
  });

  it('marks a link to a platform the page adds later, in the story', async () => {
    const scanner = await scan(STORY);
    const p = document.createElement('p');
    p.innerHTML =
      'Update: she moved to <a id="late" href="https://www.instagram.com/studio">a new account</a>.';
    document.querySelector('article')?.append(p);
    const observer = new MutationObserver(() => {});
    observer.observe(document.body, { childList: true, subtree: true });
    p.remove();
    observer.takeRecords();
    document.querySelector('article')?.append(p);
    const records = observer.takeRecords();
    observer.disconnect();
    await scanner.handleMutations(records);
    expect(marks()).toContain('late: a new account → instagram');
  });
});
