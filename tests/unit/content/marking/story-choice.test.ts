/**
 * The choice: from the scored containers of a page, which are the story (the best one, climbed
 * and joined by its siblings and headline), and when a page has no story at all.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { chooseStory, MIN_STORY_CHARS } from '../../../../entrypoints/content/marking/story-choice';
import { decideNatures, NameHints } from '../../../../entrypoints/content/marking/story-exclusions';
import { sumTotals, type Tally } from '../../../../entrypoints/content/marking/story-records';
import { scoreParagraphs } from '../../../../entrypoints/content/marking/story-scoring';
import { StoryWalk } from '../../../../entrypoints/content/marking/story-walk';

/** A paragraph of prose with commas, about 230 characters. */
function paragraph(topic: string, i = 0): string {
  return `<p>In account ${i} of ${topic}, engineers and students described, at length and with examples, how the rules changed from one month to the next, which services stopped working, and what they did instead when their tools failed.</p>`;
}

function paragraphs(topic: string, count: number): string {
  return Array.from({ length: count }, (_, i) => paragraph(topic, i)).join('');
}

/** The ids of the story's containers on `html`, or null when it has none. */
function storyOf(html: string): (string | null)[] | null {
  document.body.innerHTML = html;
  const walk = new StoryWalk(
    document.body,
    () => 0,
    () => true,
  );
  const done = Number.POSITIVE_INFINITY;
  const now = () => 0;
  walk.walk(done);
  const records = walk.records;
  const candidates: Tally[] = [];
  sumTotals(records, { cursor: 0 }, done, now);
  decideNatures(records, { cursor: 0 }, done, now, new NameHints(), new Set());
  scoreParagraphs(records, { cursor: 0 }, done, now, candidates);
  const roots = chooseStory(records, candidates);
  return roots === null ? null : roots.map((root) => root.element.id || root.tag);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the best container', () => {
  it('is the one holding the most prose, over a shorter block of paragraphs beside it', () => {
    expect(
      storyOf(
        `<div id="teasers"><div id="t">${paragraphs('the feed', 2)}</div></div><div id="main"><div id="story">${paragraphs('the ban', 6)}</div><div id="aside-note">${paragraphs('ads', 1)}</div></div>`,
      ),
    ).toEqual(['story']);
  });

  it('is not a container that is not story, even one longer than the story (comments)', () => {
    expect(
      storyOf(
        `<div id="main"><div id="story">${paragraphs('the ban', 4)}</div><div class="comments" id="comments">${paragraphs('replies', 5)}</div></div>`,
      ),
    ).toEqual(['story']);
  });
});

describe('climbing', () => {
  it('takes the shared ancestor of a story split over three nearly-as-good blocks', () => {
    const parts = ['a', 'b', 'c', 'd']
      .map(
        (id) =>
          `<div class="part-${id}" id="${id}"><div><div>${paragraphs(id, 4)}</div></div></div>`,
      )
      .join('<div class="ad">Advertisement</div>');
    expect(
      storyOf(`<div id="page"><div id="parts">${parts}</div><div id="x">end</div></div>`),
    ).toEqual(['parts']);
  });

  it("takes the parent of a container that is its parent's only child", () => {
    expect(
      storyOf(
        `<div id="page"><div id="wrap"><div id="story">${paragraphs('the ban', 6)}</div></div><div id="rail">Most read</div></div>`,
      ),
    ).toEqual(['wrap']);
  });
});

describe('the siblings that join the story', () => {
  it('are prose paragraphs and headings or figures between its parts, not a link list', () => {
    expect(
      storyOf(
        `<div id="page"><div id="one">${paragraphs('the ban', 10)}</div><h2 id="sub">What changed</h2><figure id="fig"><figcaption>A café</figcaption></figure><div id="two">${paragraphs('the tools', 5)}</div><p id="coda">The students said they would keep trying, whatever the rules will say next year, and wrote it down.</p><ul id="links"><li><a href="/a">Read more about this and that</a></li></ul></div>`,
      ),
    ).toEqual(['one', 'sub', 'fig', 'two', 'coda']);
  });

  it('include a sibling with the same class as the story that scores less on its own', () => {
    expect(
      storyOf(
        `<div id="page"><div class="c-block" id="one">${paragraphs('the ban', 10)}</div><div class="c-block" id="two">${paragraph('the end')}</div><div class="other" id="three">${paragraph('the end')}</div></div>`,
      ),
    ).toEqual(['one', 'two']);
  });

  it('include the headline: the last h1 before the story', () => {
    expect(
      storyOf(
        `<header><h1 id="site">The Ledger</h1></header><div id="hero"><h1 id="headline">Students swap notes on VPNs</h1></div><div id="page"><div id="story">${paragraphs('the ban', 6)}</div><div id="x">more</div></div>`,
      ),
    ).toEqual(['headline', 'story']);
  });

  it('do not include an h1 that is not story (a site header in a nav)', () => {
    expect(
      storyOf(
        `<nav><h1 id="site">The Ledger</h1></nav><div id="page"><div id="story">${paragraphs('the ban', 6)}</div><div id="x">more</div></div>`,
      ),
    ).toEqual(['story']);
  });
});

describe('no story', () => {
  it(`when the best container holds under ${MIN_STORY_CHARS} characters of prose`, () => {
    expect(storyOf(`<div id="story">${paragraph('the ban')}</div>`)).toBeNull();
  });

  it('when its paragraphs are teasers rather than prose (all short)', () => {
    const teasers = Array.from(
      { length: 20 },
      (_, i) => `<p>Teaser ${i}: a café, a VPN, a firewall, a ban, a rule.</p>`,
    ).join('');
    expect(storyOf(`<div id="feed">${teasers}</div>`)).toBeNull();
  });

  it('when the container is mostly links, however well it scores (summaries with long links)', () => {
    const linked = Array.from({ length: 8 }, (_, i) => {
      const text = paragraph('the feed', i).slice(3, -4);
      const cut = Math.floor(text.length * 0.4);
      return `<p>${text.slice(0, cut)}<a href="/${i}">${text.slice(cut)}</a></p>`;
    }).join('');
    expect(storyOf(`<div id="feed">${linked}</div>`)).toBeNull();
    // The same summaries with short links are a story.
    expect(storyOf(`<div id="feed">${linked.replace(/<a href="\/\d+">/g, '<a>')}</div>`)).toEqual([
      'feed',
    ]);
  });

  it('when nothing scored', () => {
    expect(storyOf('<div><span>Twitter</span></div>')).toBeNull();
  });
});
