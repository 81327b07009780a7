/**
 * The scoring step: which blocks count as paragraphs, how many points each is worth and how they
 * reach the containers around it, and where a container starts from.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { StoryHint } from '../../../../entrypoints/content/marking/story-hints';
import { newRecord, type Tally } from '../../../../entrypoints/content/marking/story-records';
import {
  finalScore,
  prior,
  scoreParagraphs,
} from '../../../../entrypoints/content/marking/story-scoring';

let records: Tally[];
let candidates: Tally[];

beforeEach(() => {
  records = [];
  candidates = [];
});

/** A record as the totals and natures passes leave it. */
function block(
  tag: string,
  parent: Tally | null,
  text: { chars?: number; commas?: number; linkChars?: number; hint?: StoryHint } = {},
): Tally {
  const record = newRecord(records, document.createElement(tag), tag, false, parent, false);
  record.chars = text.chars ?? 0;
  record.inlineChars = text.chars ?? 0;
  record.inlineCommas = text.commas ?? 0;
  record.linkChars = text.linkChars ?? 0;
  record.hint = text.hint ?? 'none';
  return record;
}

function score(): void {
  expect(
    scoreParagraphs(records, { cursor: 0 }, Number.POSITIVE_INFINITY, () => 0, candidates),
  ).toBe(true);
}

/** A chain of `levels` sections, outermost first, with a paragraph below the innermost. */
function nested(levels: number, paragraph: { chars: number; commas?: number }): Tally[] {
  const chain: Tally[] = [];
  let parent: Tally | null = null;
  for (let i = 0; i < levels; i++) {
    parent = block('section', parent);
    chain.push(parent);
  }
  block('p', parent, paragraph);
  return chain;
}

describe('a paragraph', () => {
  it('is worth a point, one per comma and one per 100 characters, at most three of those', () => {
    const [short] = nested(1, { chars: 99, commas: 0 });
    const [commas] = nested(1, { chars: 250, commas: 4 });
    const [long] = nested(1, { chars: 2_000, commas: 0 });
    score();
    // 1, plus commas + 1, plus floor(chars / 100) capped at 3; a section starts from 0.
    expect((short as Tally).score).toBe(2);
    expect((commas as Tally).score).toBe(1 + 5 + 2);
    expect((long as Tally).score).toBe(1 + 1 + 3);
  });

  it('hands its points to its parent whole, its grandparent halved, then a third per level', () => {
    const chain = nested(7, { chars: 300, commas: 5 }); // 1 + 6 + 3 = 10 points
    score();
    const received = chain.reverse().map((record) => record.score);
    expect(received).toEqual([10, 5, 10 / 6, 10 / 9, 10 / 12, -0, -0]);
    expect(candidates).toHaveLength(5);
  });

  it('adds its characters and how much it reads like a story to each container it scores', () => {
    const [outer, inner] = nested(2, { chars: 240 });
    score();
    for (const container of [outer, inner] as Tally[]) {
      expect(container.proseChars).toBe(240);
      // Readability's "readerable" measure: the square root of what is over 140 characters.
      expect(container.prose).toBe(10);
    }
  });

  it('adds nothing when shorter than 25 characters, not story, inside a link, or not prose', () => {
    const body = block('body', null);
    block('p', body, { chars: 24 });
    block('p', body, { chars: 500 }).notStory = true;
    const link = newRecord(records, document.createElement('p'), 'p', false, body, true);
    link.chars = 500;
    link.inlineChars = 500;
    block('li', body, { chars: 500 });
    block('h1', body, { chars: 500 });
    score();
    expect(body.scored).toBe(false);
    expect(candidates).toEqual([]);
  });

  it('counts the runs of text between the blocks of a container as a paragraph inside it', () => {
    const body = block('body', null);
    const div = block('div', body, { chars: 300, commas: 2 });
    block('figure', div);
    score();
    // The div holds a block, so its own runs score the div itself (and the body halved).
    expect(div.score).toBe(5 + 1 + 3 + 3);
    expect(body.score).toBe((1 + 3 + 3) / 2);
  });
});

describe("a container's start", () => {
  it('comes from its tag: divs and articles up, lists and headings down, others at 0', () => {
    expect(prior(block('div', null))).toBe(5);
    expect(prior(block('article', null))).toBe(5);
    expect(prior(block('td', null))).toBe(3);
    expect(prior(block('ul', null))).toBe(-3);
    expect(prior(block('h2', null))).toBe(-5);
    expect(prior(block('section', null))).toBe(0);
  });

  it('and from its name: a story name up, a sidebar name down', () => {
    expect(prior(block('div', null, { hint: 'story' }))).toBe(30);
    expect(prior(block('div', null, { hint: 'weak' }))).toBe(-20);
    // Decisive names are not story at all: the natures pass keeps them from scoring.
    expect(prior(block('div', null, { hint: 'decisive' }))).toBe(5);
  });

  it('is where a candidate starts when it receives its first points', () => {
    const article = block('article', null, { hint: 'story' });
    block('p', article, { chars: 50 });
    score();
    expect(article.score).toBe(30 + 2);
    expect(candidates).toEqual([article]);
  });
});

describe('the final score', () => {
  it('is scaled by how little of the container is link text', () => {
    const record = block('div', null, { chars: 400, linkChars: 100 });
    record.score = 40;
    expect(finalScore(record)).toBe(30);
  });
});

describe('in slices', () => {
  it('gives the same scores when stopped at every look at the clock and resumed', () => {
    const build = () => {
      records = [];
      candidates = [];
      const body = block('body', null);
      for (let i = 0; i < 300; i++) {
        const div = block('div', body);
        block('p', div, { chars: 20 + i, commas: i % 4 });
      }
      return { records, candidates };
    };
    const whole = build();
    score();
    const sliced = build();
    const pass = { cursor: 0 };
    let clock = 0;
    let slices = 1;
    while (!scoreParagraphs(sliced.records, pass, clock + 1, () => clock++, sliced.candidates)) {
      slices++;
    }
    expect(slices).toBeGreaterThan(1);
    expect(sliced.records.map((r) => r.score)).toEqual(whole.records.map((r) => r.score));
    expect(sliced.candidates.map((r) => r.index)).toEqual(whole.candidates.map((r) => r.index));
  });
});
