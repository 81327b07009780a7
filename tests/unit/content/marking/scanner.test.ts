import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Matcher } from '../../../../entrypoints/content/marking/matcher';
import { MentionStore } from '../../../../entrypoints/content/marking/mention-store';
import {
  HUGE_BATCH,
  Scanner,
  type ScannerEnvironment,
} from '../../../../entrypoints/content/marking/scanner';
import {
  MAX_MARKS_PER_SLICE,
  SLICE_MS,
} from '../../../../entrypoints/content/marking/yield-to-page';
import { realMatcher } from '../../support/real-cards';

const matcher = realMatcher();
const ARTICLE = readFileSync(resolve(__dirname, '../../../fixtures/pages/article.html'), 'utf8');

/** How many mentions of one term the store holds. */
function countOf(id: string): number {
  return store.all().filter((mention) => mention.id === id).length;
}

/** `id-of-closest-element-with-id: text` per mention, in document order. */
function marks(store: MentionStore): string[] {
  return store.all().map((m) => {
    const where = m.node.parentElement?.closest('[id]')?.id ?? '?';
    return `${where}: ${m.node.data.slice(m.start, m.end)}`;
  });
}

function loadArticle(): void {
  const body = ARTICLE.slice(ARTICLE.indexOf('<body>') + 6, ARTICLE.indexOf('</body>'));
  document.body.innerHTML = body;
}

/** A story as sites write it: several paragraphs of prose with commas, in plain elements. */
const STORY_PARAGRAPHS = [
  'Engineers in Shanghai said the Great Firewall had grown stricter this spring, and that the tools they relied on were failing more often than at any time since 2019, when the last large tightening came before an anniversary.',
  'One of them, a developer who asked not to be named, said a VPN he had paid for since university now connected for minutes at a time, then dropped without warning, and that colleagues had given up on theirs.',
  'Others moved their conversations to domestic platforms, where posts on Weibo about the outages were removed within hours, sometimes within minutes of appearing, and accounts that shared them were suspended.',
  'Officials did not respond to questions about the changes, and the ministry in charge of the internet published no notice about them, as it rarely does, leaving companies to guess what was allowed.',
]
  .map((text) => `<p>${text}</p>`)
  .join('');

/** Teaser cards as <article>s: a headline link and a line, as home pages and rails show them. */
const TEASER_ARTICLES = ['Facebook', 'Twitter', 'YouTube']
  .map(
    (name) =>
      `<article class="card"><h3><a href="/${name}">Why ${name} matters</a></h3><p>Read more</p></article>`,
  )
  .join('');

let store: MentionStore;
let yields: number;
let env: ScannerEnvironment;

function newScanner(overrides: Partial<ScannerEnvironment> = {}): Scanner {
  env = {
    document,
    store,
    yieldToPage: async () => {
      yields++;
    },
    ...overrides,
  };
  return new Scanner(matcher, env);
}

/** Mutation records as the observer would report them, taken synchronously. */
function recordsOf(change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden', 'aria-hidden', 'contenteditable', 'role'],
  });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

const ARTICLE_MARKS = [
  'headline: Great Firewall',
  'headline: VPNs',
  'lede: VPNs',
  'lede: Great Firewall',
  'platforms: Facebook',
  'platforms: YouTube',
  "platforms: Google's",
  "platforms: Twitter's",
  'rules: cyber sovereignty',
  'rules: censorship in China',
  'domestic: Weibo',
  'conference: World Internet Conference',
  'zh: VPN',
  'zh: 翻墙',
  'zh: 脸书',
  'zh: 推特',
  'zh: 防火长城',
];

beforeEach(() => {
  store = new MentionStore();
  yields = 0;
  document.body.innerHTML = '';
});

describe('a full scan of the fixture article', () => {
  it('marks exactly the mentions in the story, none in chrome, controls, editors or decoys', async () => {
    loadArticle();
    await newScanner().fullScan();
    expect(marks(store)).toEqual(ARTICLE_MARKS);
  });

  it('reads the body outside site chrome when the page has no story', async () => {
    document.body.innerHTML = `
      <header><p id="h">Twitter</p></header>
      <div id="story"><p id="p">The Great Firewall blocks Twitter.</p></div>
      <footer><p id="f">Twitter</p></footer>`;
    await newScanner().fullScan();
    expect(marks(store)).toEqual(['p: Great Firewall', 'p: Twitter']);
  });

  it('finds the story in plain divs when the only <article>s are teasers further down', async () => {
    document.body.innerHTML = `
      <main><form><p id="search">Search</p></form></main>
      <div class="wrap"><div id="story">${STORY_PARAGRAPHS}</div></div>
      <div class="more">${TEASER_ARTICLES}</div>`;
    await newScanner().fullScan();
    expect(marks(store)).toEqual(['story: Great Firewall', 'story: VPN', 'story: Weibo']);
  });

  it('slices long work and yields between slices, with the same result', async () => {
    document.body.innerHTML = `<main>${'<p>Twitter and Weibo.</p>'.repeat(400)}</main>`;
    let clock = 0;
    // Each look at the clock advances it: a slice ends after a few looks.
    await newScanner({ now: () => (clock += SLICE_MS / 4) }).fullScan();
    expect(yields).toBeGreaterThan(5);
    expect(store.total()).toBe(800);
  });

  it('ends a slice once it found enough marks to paint, however fast the clock', async () => {
    document.body.innerHTML = `<main>${'<p>Twitter</p>'.repeat(1_200)}</main>`;
    const atYields: number[] = [];
    // As the painter does at every commit (before each yield): take what is waiting.
    store.onChange(() => store.takeChanges());
    // A clock that never moves: only the number of marks waiting to be painted ends a slice.
    await newScanner({
      now: () => 0,
      yieldToPage: async () => {
        atYields.push(store.total());
      },
    }).fullScan();
    expect(store.total()).toBe(1_200);
    expect(atYields.length).toBeGreaterThanOrEqual(2);
    // Checked every 16 text nodes: a slice paints at most MAX_MARKS_PER_SLICE plus 15 more.
    const perSlice = atYields.map((total, i) => total - (atYields[i - 1] ?? 0));
    for (const marks of perSlice) {
      expect(marks).toBeGreaterThanOrEqual(MAX_MARKS_PER_SLICE);
      expect(marks).toBeLessThan(MAX_MARKS_PER_SLICE + 16);
    }
  });

  it('keeps the marks up during a rescan and drops what disappeared only at its end', async () => {
    // Enough text between the two that the rescan yields before it reaches #b.
    document.body.innerHTML = `<main><p id="a">Twitter</p>${'<p>Plain filler text.</p>'.repeat(
      40,
    )}<p id="b">Weibo</p></main>`;
    const scanner = newScanner();
    await scanner.fullScan();
    expect(store.total()).toBe(2);
    // A detached-but-unnoticed change: the text changed without our observer seeing it.
    (document.getElementById('b')?.firstChild as Text).data = 'nothing';
    const seenDuring: number[] = [];
    const rescan = newScanner({
      yieldToPage: async () => {
        seenDuring.push(store.total());
      },
      now: (() => {
        let t = 0;
        return () => (t += SLICE_MS);
      })(),
    });
    await rescan.fullScan();
    // Mid-rescan, #b's old mark is still up; it goes only when the rescan ends.
    expect(seenDuring.length).toBeGreaterThan(0);
    expect(seenDuring[0]).toBe(2);
    expect(marks(store)).toEqual(['a: Twitter']);
  });

  it('matches each text with a mention once: what the walk found is marked without a second reading', async () => {
    document.body.innerHTML = `<div id="story">${STORY_PARAGRAPHS}${STORY_PARAGRAPHS}</div>`;
    const reads = new Map<string, number>();
    const count = (text: string) => reads.set(text, (reads.get(text) ?? 0) + 1);
    const counting: Matcher = {
      version: matcher.version,
      test: (text) => {
        count(text);
        return matcher.test(text);
      },
      findAll: (text) => {
        count(text);
        return matcher.findAll(text);
      },
    };
    await new Scanner(counting, { document, store, yieldToPage: async () => {} }).fullScan();
    expect(store.total()).toBe(6);
    const withMention = [...reads].filter(([text]) => matcher.test(text));
    expect(withMention).toHaveLength(3);
    // Each is in the story twice; the first once more: the probe stops at it, and the story
    // detector's walk starts there.
    expect(withMention.map(([, n]) => n)).toEqual([1 + 2, 2, 2]);
  });

  it('matches again a text the page edited between the walk and the marking', async () => {
    document.body.innerHTML = `<div id="story"><p id="late">Weibo, said one of them.</p>${STORY_PARAGRAPHS.replace(/Great Firewall|VPN|Weibo/g, 'network').repeat(8)}</div>`;
    const late = document.getElementById('late')?.firstChild as Text;
    let editAtNextYield = false;
    const editing: Matcher = {
      version: matcher.version,
      test: matcher.test,
      findAll: (text) => {
        if (text === late.data) editAtNextYield = true;
        return matcher.findAll(text);
      },
    };
    let clock = 0;
    await new Scanner(editing, {
      document,
      store,
      now: () => (clock += SLICE_MS / 4),
      yieldToPage: async () => {
        if (editAtNextYield && store.total() === 0) late.data = 'Now Twitter, said one of them.';
        editAtNextYield = false;
      },
    }).fullScan();
    expect(late.data).toMatch(/^Now Twitter/);
    expect(marks(store)).toEqual(['late: Twitter']);
  });

  it('reads the page again when it removes its story while the story is being decided', async () => {
    document.body.innerHTML = `<div id="old">${STORY_PARAGRAPHS}</div><p id="note">Twitter</p>`;
    let removed = false;
    let clock = 0;
    const scanner = newScanner({
      now: () => (clock += SLICE_MS / 4),
      yieldToPage: async () => {
        if (removed) return;
        removed = true;
        // Between two slices of the reading, as a client render clearing the served page would.
        void scanner.handleMutations(recordsOf(() => document.getElementById('old')?.remove()));
      },
    });
    await scanner.fullScan();
    expect(removed).toBe(true);
    // No story left: the rest of the page is read.
    expect(marks(store)).toEqual(['note: Twitter']);
  });

  it('reads nothing in a page in design mode (the whole page is an editor)', async () => {
    document.body.innerHTML = '<main><p>Twitter</p></main>';
    // happy-dom has no design mode of its own.
    Object.defineProperty(document, 'designMode', { value: 'on', configurable: true });
    try {
      await newScanner().fullScan();
      expect(store.total()).toBe(0);
    } finally {
      Reflect.deleteProperty(document, 'designMode');
    }
  });
});

describe('following the page as it changes', () => {
  let scanner: Scanner;

  beforeEach(async () => {
    loadArticle();
    scanner = newScanner();
    await scanner.fullScan();
  });

  it('marks a paragraph added to the story', async () => {
    const p = document.createElement('p');
    p.id = 'late';
    p.textContent = 'Later, YouTube came back for an hour.';
    await scanner.handleMutations(recordsOf(() => document.getElementById('story')?.append(p)));
    expect(marks(store)).toEqual([...ARTICLE_MARKS, 'late: YouTube']);
  });

  it('drops the marks of a removed paragraph', async () => {
    await scanner.handleMutations(recordsOf(() => document.getElementById('platforms')?.remove()));
    expect(marks(store).filter((m) => m.startsWith('platforms'))).toEqual([]);
    expect(store.total()).toBe(ARTICLE_MARKS.length - 4);
  });

  it('re-reads text the page edits', async () => {
    const text = document.getElementById('domestic')?.firstChild as Text;
    await scanner.handleMutations(recordsOf(() => (text.data = 'Twitter and Weibo')));
    expect(marks(store).filter((m) => m.startsWith('domestic'))).toEqual([
      'domestic: Twitter',
      'domestic: Weibo',
    ]);
  });

  it('ignores text added to the site footer or a contenteditable draft', async () => {
    await scanner.handleMutations(
      recordsOf(() => {
        document.getElementById('site-footer')?.append('More on Weibo.');
        document.getElementById('draft')?.append(' The Great Firewall.');
      }),
    );
    expect(marks(store)).toEqual(ARTICLE_MARKS);
  });

  it('drops marks of a subtree the page hides with [hidden] and restores them when shown', async () => {
    const zh = document.getElementById('zh') as HTMLElement;
    await scanner.handleMutations(recordsOf(() => zh.setAttribute('hidden', '')));
    expect(marks(store).some((m) => m.startsWith('zh'))).toBe(false);
    await scanner.handleMutations(recordsOf(() => zh.removeAttribute('hidden')));
    expect(marks(store)).toEqual(ARTICLE_MARKS);
  });

  it('keeps the very same marks when an attribute change leaves the story readable', async () => {
    store.takeChanges();
    const story = document.getElementById('story') as HTMLElement;
    await scanner.handleMutations(recordsOf(() => story.setAttribute('aria-hidden', 'false')));
    expect(marks(store)).toEqual(ARTICLE_MARKS);
    // Nothing to repaint: no mark was dropped and made again.
    expect(store.takeChanges()).toEqual({ added: [], removed: [] });
  });

  it('a huge batch triggers one full rescan', async () => {
    const story = document.getElementById('story') as HTMLElement;
    const records = recordsOf(() => {
      for (let i = 0; i < HUGE_BATCH + 1; i++) story.append(document.createTextNode(' Weibo '));
    });
    await scanner.handleMutations(records);
    expect(countOf('sina-weibo')).toBe(HUGE_BATCH + 2);
  });

  it('decides again when a single-page app renders its story into an empty shell', async () => {
    document.body.innerHTML = '<div id="shell"><p id="menu">Twitter</p></div>';
    await scanner.fullScan();
    expect(store.total()).toBe(1);
    await scanner.handleMutations(
      recordsOf(() => {
        const view = document.createElement('div');
        view.innerHTML = `<div id="story">${STORY_PARAGRAPHS}</div>`;
        document.body.append(view);
      }),
    );
    expect(marks(store)).toEqual(['story: Great Firewall', 'story: VPN', 'story: Weibo']);
  });

  it('decides again when the story is replaced by the next one', async () => {
    await scanner.handleMutations(
      recordsOf(() => {
        const next = document.createElement('div');
        next.innerHTML = `<div id="next">${STORY_PARAGRAPHS}</div>`;
        document.getElementById('story')?.replaceWith(next);
      }),
    );
    expect(marks(store)).toEqual(['next: Great Firewall', 'next: VPN', 'next: Weibo']);
  });

  it('keeps reading the story when teasers are loaded below it (not a new story)', async () => {
    await scanner.handleMutations(
      recordsOf(() => {
        const more = document.createElement('div');
        more.className = 'load-more';
        more.innerHTML = TEASER_ARTICLES;
        document.getElementById('main')?.append(more);
      }),
    );
    expect(marks(store)).toEqual(ARTICLE_MARKS);
  });

  it('keeps the marks in document order when the page moves a paragraph with a mention up', async () => {
    const story = document.getElementById('story') as HTMLElement;
    await scanner.handleMutations(
      recordsOf(() => story.prepend(document.getElementById('domestic') as HTMLElement)),
    );
    // The popup's list, "first mention only" and reveal read the store in document order.
    const fresh = new MentionStore();
    await new Scanner(matcher, { document, store: fresh, yieldToPage: async () => {} }).fullScan();
    expect(marks(store)).toEqual(marks(fresh));
    expect(marks(store).indexOf('domestic: Weibo')).toBeLessThan(
      marks(store).indexOf('lede: VPNs'),
    );
  });

  it('keeps the marks in document order when a move comes in a batch read by a full rescan', async () => {
    const story = document.getElementById('story') as HTMLElement;
    await scanner.handleMutations(
      recordsOf(() => {
        story.prepend(document.getElementById('zh') as HTMLElement);
        for (let i = 0; i < HUGE_BATCH + 1; i++) story.append(document.createTextNode(' '));
      }),
    );
    const fresh = new MentionStore();
    await new Scanner(matcher, { document, store: fresh, yieldToPage: async () => {} }).fullScan();
    expect(marks(store)).toEqual(marks(fresh));
  });

  it("keeps a platform link's mark when the page edits the link's own mention out of it", async () => {
    document.body.innerHTML = `<div id="story">${STORY_PARAGRAPHS}<p id="linked">Its page on <a href="https://facebook.com/page">Great Firewall</a>, they said, was taken down within the hour, and the group moved elsewhere.</p></div>`;
    await scanner.fullScan();
    const text = document.querySelector('#linked a')?.firstChild as Text;
    expect(
      store
        .all()
        .filter((m) => m.node === text)
        .map((m) => m.id),
    ).toEqual(['great-firewall']);
    await scanner.handleMutations(recordsOf(() => text.insertData(1, ' ')));
    expect(
      store
        .all()
        .filter((m) => m.node === text)
        .map((m) => m.id),
    ).toEqual(['facebook']);
  });

  it('stops reading after stop()', async () => {
    scanner.stop();
    const p = document.createElement('p');
    p.textContent = 'YouTube';
    await scanner.handleMutations(recordsOf(() => document.getElementById('story')?.append(p)));
    expect(countOf('youtube')).toBe(1);
  });
});

describe('scrolled-down pages', () => {
  it('reads the text at the viewport first, then the rest once', async () => {
    document.body.innerHTML = `<main>${Array.from(
      { length: 200 },
      (_, i) => `<p id="p${i}">Twitter ${i}</p>`,
    ).join('')}</main>`;
    const anchor = document.getElementById('p150') as HTMLElement;
    const order: string[] = [];
    let firstSlice = true;
    let clock = 0;
    const scanner = newScanner({
      viewportAnchor: () => anchor,
      // A slice ends at the second look at the clock: 32 text nodes.
      now: () => (clock += SLICE_MS / 2),
      yieldToPage: async () => {
        // The first slice with marks (the story is decided before any is made).
        if (firstSlice && store.total() > 0) {
          firstSlice = false;
          order.push(...marks(store));
        }
      },
    });
    await scanner.fullScan();
    expect(order[0]).toBe('p150: Twitter');
    expect(order).toHaveLength(32);
    expect(store.total()).toBe(200);
    expect(marks(store)[0]).toBe('p0: Twitter');
  });

  it('starts at the viewport inside the story and still leaves the rest of the page unread', async () => {
    document.body.innerHTML = `<div id="story">${Array.from(
      { length: 40 },
      (_, i) =>
        `<p id="p${i}">Twitter, said the officials in line ${i}, was blocked again this week, while the rest of the internet stayed open for those who could pay for it, and nobody explained why.</p>`,
    ).join('')}</div><div id="promo">Follow us on Twitter</div>`;
    const anchor = document.getElementById('p10') as HTMLElement;
    let clock = 0;
    await newScanner({
      viewportAnchor: () => anchor,
      now: () => (clock += SLICE_MS / 2),
    }).fullScan();
    expect(store.total()).toBe(40);
    expect(marks(store).some((mark) => mark.startsWith('promo'))).toBe(false);
  });
});

describe('a page without mentions', () => {
  const PLAIN_STORY = STORY_PARAGRAPHS.replaceAll('Great Firewall', 'new rules')
    .replaceAll('VPN', 'tool')
    .replaceAll('Weibo', 'forums');

  /** The records of a paragraph appended to the story, as the observer reports them. */
  const storyGains = (text: string): MutationRecord[] =>
    recordsOf(() => {
      const p = document.createElement('p');
      p.textContent = text;
      document.getElementById('story')?.append(p);
    });

  it('decides its story when the first mention appears: one in a teaser rail stays unmarked, one in the story is marked', async () => {
    document.body.innerHTML = `<div id="story">${PLAIN_STORY}</div><div id="rail" class="related-stories"></div>`;
    const scanner = newScanner();
    await scanner.fullScan();
    expect(store.total()).toBe(0);

    await scanner.handleMutations(
      recordsOf(() => {
        const rail = document.getElementById('rail') as HTMLElement;
        rail.innerHTML =
          '<p>Why Twitter matters, and what happens to those who still post there</p>';
      }),
    );
    expect(marks(store)).toEqual([]);

    await scanner.handleMutations(
      storyGains('Many of them turned to a VPN, and then to nothing at all.'),
    );
    expect(marks(store)).toEqual(['story: VPN']);
  });

  it('is not scored for a mention in its footer, which stays unmarked; a later one in the story is marked', async () => {
    document.body.innerHTML = `<div id="story">${PLAIN_STORY}</div><footer id="foot"><p>Follow us on Twitter</p></footer>`;
    const scanner = newScanner();
    await scanner.fullScan();
    expect(store.total()).toBe(0);
    await scanner.handleMutations(storyGains('Then the Great Firewall closed the last of them.'));
    expect(marks(store)).toEqual(['story: Great Firewall']);
  });

  it('is scored once a mention appears in its site header, as a first reading would', async () => {
    document.body.innerHTML = `<header><a href="/">The Daily</a></header><div id="story">${PLAIN_STORY}<p>Their statement is <a href="https://facebook.com/page">on this page</a>.</p></div>`;
    const scanner = newScanner();
    await scanner.fullScan();
    const fresh = new MentionStore();
    const text = document.querySelector('header a')?.firstChild as Text;
    await scanner.handleMutations(recordsOf(() => (text.data = 'The Daily on the Great Firewall')));
    await new Scanner(matcher, { document, store: fresh, yieldToPage: async () => {} }).fullScan();
    expect(fresh.total()).toBeGreaterThan(0);
    expect(marks(store)).toEqual(marks(fresh));
  });

  it('is not scored for a mention inside a script, and reads nothing there', async () => {
    document.body.innerHTML = `<div id="story">${PLAIN_STORY}</div><script>window.share = "Twitter";</script>`;
    await newScanner().fullScan();
    expect(store.total()).toBe(0);
  });
});
