/**
 * What is not story, even inside the story: an element's nature by tag, role and name, share
 * links and social blocks, the inline elements on the paths of matched text, and what the story
 * leaves out of itself (the outermost of what is not story, link lists).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  decideNatures,
  excludeInsideStory,
  type InlineNotStory,
  isLinkList,
  isShareLink,
  judgeInlinePath,
  NameHints,
  natureOf,
  SOCIAL,
  STORY,
} from '../../../../entrypoints/content/marking/story-exclusions';
import {
  newRecord,
  sumTotals,
  type Tally,
} from '../../../../entrypoints/content/marking/story-records';
import { StoryWalk } from '../../../../entrypoints/content/marking/story-walk';

const done = Number.POSITIVE_INFINITY;
const now = () => 0;

beforeEach(() => {
  document.body.innerHTML = '';
  document.body.className = '';
});

function html(markup: string): Element {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  return template.content.firstElementChild as Element;
}

/** The nature of the element `markup` makes, as a child of story on a page of `rootChars`. */
function natureOfMarkup(markup: string, chars = 100, rootChars = 10_000): string {
  const element = html(markup);
  const attributed = element.hasAttributes();
  const hint = attributed ? new NameHints().hintOf(element) : 'none';
  const nature = natureOf(element, element.localName, attributed, hint, chars, rootChars);
  return nature === STORY ? 'story' : nature === SOCIAL ? 'social' : 'not story';
}

describe('the nature of an element', () => {
  it('is not story for navigation, footers, asides, forms, menus and dialogs', () => {
    for (const tag of ['nav', 'footer', 'aside', 'form', 'menu', 'dialog']) {
      expect(natureOfMarkup(`<${tag}>x</${tag}>`)).toBe('not story');
    }
    expect(natureOfMarkup('<section>x</section>')).toBe('story');
  });

  it('is not story for the roles of site chrome, whatever the tag', () => {
    for (const role of ['navigation', 'contentinfo', 'complementary', 'banner', 'dialog']) {
      expect(natureOfMarkup(`<div role="${role}">x</div>`)).toBe('not story');
    }
    expect(natureOfMarkup('<div role="article">x</div>')).toBe('story');
  });

  it('is not story when its name says so (comments, related, tags), social when it shares', () => {
    expect(natureOfMarkup('<div class="comment-list">x</div>')).toBe('not story');
    expect(natureOfMarkup('<div class="entry-related">x</div>')).toBe('not story');
    expect(natureOfMarkup('<div class="c-sidebar">x</div>')).toBe('not story');
    expect(natureOfMarkup('<div class="article-share">x</div>')).toBe('social');
    expect(natureOfMarkup('<div id="follow-us">x</div>')).toBe('social');
    expect(natureOfMarkup('<div class="article-body">x</div>')).toBe('story');
  });

  it('is story when a name would exclude most of the page: it names the page, not itself', () => {
    expect(natureOfMarkup('<div class="has-comments">x</div>', 5_999, 10_000)).toBe('not story');
    expect(natureOfMarkup('<div class="has-comments">x</div>', 6_000, 10_000)).toBe('story');
    // Tags and roles are not names: a nav is never the page.
    expect(natureOfMarkup('<nav>x</nav>', 9_000, 10_000)).toBe('not story');
  });

  it('is social for a link that offers to share the page', () => {
    expect(natureOfMarkup('<a href="https://twitter.com/intent/tweet?u=x">Tweet</a>')).toBe(
      'social',
    );
    expect(natureOfMarkup('<a href="#" aria-label="Share on Facebook">f</a>')).toBe('social');
    expect(natureOfMarkup('<a href="/world/china-vpn">China</a>')).toBe('story');
  });
});

describe('a share link', () => {
  it('is known by its endpoint', () => {
    for (const href of [
      'https://twitter.com/intent/tweet?text=a',
      'https://x.com/intent/post?text=a',
      'https://www.facebook.com/sharer/sharer.php?u=a',
      'https://www.facebook.com/share.php?u=a',
      'https://www.linkedin.com/shareArticle?url=a',
      'https://reddit.com/submit?url=a',
      'https://example.com/story?share=email',
    ]) {
      expect(isShareLink(html(`<a href="${href}">x</a>`)), href).toBe(true);
    }
  });

  it('or by its label', () => {
    expect(isShareLink(html('<a href="#" title="Share this story">x</a>'))).toBe(true);
    expect(isShareLink(html('<a href="#" aria-label="Tweet this">x</a>'))).toBe(true);
  });

  it('is not a link to a page about sharing, nor one without attributes', () => {
    expect(isShareLink(html('<a href="/sharepoint-guide">x</a>'))).toBe(false);
    expect(isShareLink(html('<a href="/shared-bikes">x</a>'))).toBe(false);
    expect(isShareLink(html('<a title="Shareholders meet">x</a>'))).toBe(false);
    expect(isShareLink(html('<a>Share</a>'))).toBe(false);
  });
});

/** The records of `markup` in the body, walked, summed and given their natures. */
function decided(markup: string): { records: Tally[]; social: Set<Element>; walk: StoryWalk } {
  document.body.innerHTML = markup;
  const walk = new StoryWalk(document.body, now, () => true);
  walk.walk(done);
  const social = new Set<Element>();
  sumTotals(walk.records, { cursor: 0 }, done, now);
  expect(decideNatures(walk.records, { cursor: 0 }, done, now, new NameHints(), social)).toBe(true);
  return { records: walk.records, social, walk };
}

function recordOf(records: readonly Tally[], id: string): Tally {
  const record = records.find((r) => r.element.id === id);
  if (record === undefined) throw new Error(`no record for #${id}`);
  return record;
}

const FILLER =
  '<div class="part"><p>Plenty of story text, long enough to be most of the page.</p></div>'.repeat(
    8,
  );

describe('the natures pass', () => {
  it('makes everything below what is not story not story too', () => {
    const { records } = decided(
      `${FILLER}<div class="comments" id="c"><div id="reply"><p id="text">A reply</p></div></div>`,
    );
    expect(recordOf(records, 'c').notStory).toBe(true);
    expect(recordOf(records, 'reply').notStory).toBe(true);
    expect(recordOf(records, 'text').notStory).toBe(true);
  });

  it('keeps a share bar inside a post footer a share bar, listing only the outermost', () => {
    const { records, social } = decided(
      `${FILLER}<footer id="foot"><div class="share-tools" id="bar"><div class="social-inner" id="inner"><p>Facebook Twitter</p></div></div></footer>`,
    );
    expect(recordOf(records, 'foot').social).toBe(false);
    expect(recordOf(records, 'bar').social).toBe(true);
    expect(recordOf(records, 'inner').social).toBe(true);
    expect([...social].map((e) => e.id)).toEqual(['bar']);
  });

  it('reads the hint of each named element for the scoring, and never judges the root', () => {
    const { records } = decided(
      `${FILLER}<div class="entry-content" id="named"><p>Text here</p></div>`,
    );
    expect(recordOf(records, 'named').hint).toBe('story');
    document.body.className = 'comments';
    const again = decided(FILLER);
    expect(again.records[0]?.notStory).toBe(false);
  });

  it('gives the same natures when stopped at every look at the clock and resumed', () => {
    const markup = `${FILLER}${'<div class="related" id="r"><p>x</p></div><div><p>y</p></div>'.repeat(300)}`;
    const whole = decided(markup).records.map((r) => [r.notStory, r.social]);
    document.body.innerHTML = markup;
    const walk = new StoryWalk(document.body, now, () => true);
    walk.walk(done);
    sumTotals(walk.records, { cursor: 0 }, done, now);
    const pass = { cursor: 0 };
    let clock = 0;
    let slices = 1;
    const hints = new NameHints();
    while (!decideNatures(walk.records, pass, clock + 1, () => clock++, hints, new Set())) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(walk.records.map((r) => [r.notStory, r.social])).toEqual(whole);
  });
});

describe('the inline path of a matched text', () => {
  function judged(markup: string): { notStory: string[]; social: string[] } {
    const { records, walk } = decided(`${FILLER}<p id="holder">${markup}</p>`);
    const notStory: InlineNotStory[] = [];
    const social = new Set<Element>();
    const rootChars = records[0]?.chars ?? 0;
    const hints = new NameHints();
    walk.matched.forEach((text, i) => {
      judgeInlinePath(text, walk.matchedRecords[i] as Tally, rootChars, hints, notStory, social);
    });
    for (const { holder } of notStory) expect(holder.element.id).toBe('holder');
    return {
      notStory: notStory.map(({ element }) => element.id),
      social: [...social].map((element) => element.id),
    };
  }

  it('judges the links and spans between the text and its block, which have no record', () => {
    expect(
      judged('<span class="related-link" id="rel"><a href="/x" id="a">Twitter</a></span>'),
    ).toEqual({
      notStory: ['rel'],
      social: [],
    });
  });

  it('lists a share link as social and as not story', () => {
    expect(judged('See <a href="https://twitter.com/intent/tweet" id="tw">Twitter</a>')).toEqual({
      notStory: ['tw'],
      social: ['tw'],
    });
  });

  it('finds a share link inside an inline element that is already not story', () => {
    expect(
      judged(
        '<span class="tags" id="tags"><a href="/share?x" aria-label="Share" id="s">Twitter</a></span>',
      ),
    ).toEqual({ notStory: ['tags'], social: ['s'] });
  });

  it('leaves plain emphasis and links in a paragraph story', () => {
    expect(judged('<em id="em"><a href="/world" id="a">Twitter</a></em> is blocked')).toEqual({
      notStory: [],
      social: [],
    });
  });
});

describe('inside the story', () => {
  /** The ids left out when `storyId` is the story. */
  function excluded(markup: string, storyId: string, inline: InlineNotStory[] = []): string[] {
    const { records } = decided(markup);
    const inStory = new Uint8Array(records.length);
    inStory[recordOf(records, storyId).index] = 1;
    const notStory = new Set<Element>();
    expect(excludeInsideStory(records, { cursor: 0 }, done, now, inStory, inline, notStory)).toBe(
      true,
    );
    return [...notStory].map((element) => element.id);
  }

  it('leaves out the outermost of what is not story, and nothing outside the story', () => {
    expect(
      excluded(
        `<div id="story">${FILLER}<aside id="aside"><div class="related" id="rel"><p>x</p></div></aside></div><nav id="nav"><p>Home</p></nav>`,
        'story',
      ),
    ).toEqual(['aside']);
  });

  it('leaves out a short list that is mostly links, not a list of prose', () => {
    const links =
      '<ul id="links"><li><a href="/a">Read more about the ban</a></li><li><a href="/b">And more</a></li></ul>';
    const prose =
      '<ul id="points"><li>The first point, in words, with a <a href="/c">link</a> in it.</li></ul>';
    expect(excluded(`<div id="story">${FILLER}${links}${prose}</div>`, 'story')).toEqual(['links']);
  });

  it('leaves out inline elements judged not story where their block lies in the story', () => {
    const { records } = decided(
      `<div id="story">${FILLER}<p id="in"><span id="s1">x</span></p></div><p id="out"><span id="s2">y</span></p>`,
    );
    const inline: InlineNotStory[] = [
      { element: document.getElementById('s1') as Element, holder: recordOf(records, 'in') },
      { element: document.getElementById('s2') as Element, holder: recordOf(records, 'out') },
    ];
    const inStory = new Uint8Array(records.length);
    inStory[recordOf(records, 'story').index] = 1;
    const notStory = new Set<Element>();
    excludeInsideStory(records, { cursor: 0 }, done, now, inStory, inline, notStory);
    expect([...notStory].map((element) => element.id)).toEqual(['s1']);
  });
});

describe('a link list', () => {
  function list(tag: string, chars: number, linkChars: number): Tally {
    const record = newRecord([], document.createElement(tag), tag, false, null, false);
    record.chars = chars;
    record.linkChars = linkChars;
    return record;
  }

  it('is a list or block more than half links, of at most 1,500 characters', () => {
    expect(isLinkList(list('ul', 100, 51))).toBe(true);
    expect(isLinkList(list('div', 1_500, 1_000))).toBe(true);
    expect(isLinkList(list('ul', 100, 50))).toBe(false);
    expect(isLinkList(list('ul', 1_501, 1_501))).toBe(false);
    expect(isLinkList(list('ul', 0, 0))).toBe(false);
  });

  it('is never a paragraph-sized inline run or a heading', () => {
    expect(isLinkList(list('li', 100, 100))).toBe(false);
    expect(isLinkList(list('h2', 100, 100))).toBe(false);
  });
});
