/**
 * The detector's records: how a record is made and how the totals pass sums a page's text into
 * the containers that will be scored.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  linkDensity,
  newRecord,
  type PassCursor,
  sumTotals,
  type Tally,
} from '../../../../entrypoints/content/marking/story-records';

function element(tag: string): Element {
  return document.createElement(tag);
}

let records: Tally[];

beforeEach(() => {
  records = [];
});

/** A record with own text already counted, as the walk leaves it. */
function counted(
  tag: string,
  parent: Tally | null,
  text: { chars?: number; linkChars?: number; commas?: number } = {},
): Tally {
  const record = newRecord(records, element(tag), tag, false, parent, false);
  record.chars = text.chars ?? 0;
  record.inlineChars = text.chars ?? 0;
  record.linkChars = text.linkChars ?? 0;
  record.inlineCommas = text.commas ?? 0;
  return record;
}

function totalsInOneGo(): void {
  expect(sumTotals(records, { cursor: 0 }, Number.POSITIVE_INFINITY, () => 0)).toBe(true);
}

describe('a new record', () => {
  it('takes its place in document order and knows its parent', () => {
    const body = counted('body', null);
    const div = counted('div', body);
    expect([body.index, div.index]).toEqual([0, 1]);
    expect(records).toEqual([body, div]);
    expect(div.parent).toBe(body);
  });

  it('makes its parent a container when it is a block, not when it is inline', () => {
    const body = counted('body', null);
    const p = counted('p', body);
    counted('span', p);
    expect(body.hasBlockChild).toBe(true);
    expect(p.hasBlockChild).toBe(false);
  });

  it('starts its score fields as floats, so the first fraction does not change its layout', () => {
    const record = counted('div', null);
    expect(Object.is(record.score, -0)).toBe(true);
    expect(Object.is(record.proseChars, -0)).toBe(true);
    expect(Object.is(record.prose, -0)).toBe(true);
    // A float zero adds up like zero.
    record.score += 1.5;
    expect(record.score).toBe(1.5);
  });
});

describe('the totals', () => {
  it("sum every descendant's text and link text into each container", () => {
    const body = counted('body', null, { chars: 5 });
    const article = counted('article', body, { chars: 0 });
    counted('p', article, { chars: 100, linkChars: 10 });
    counted('p', article, { chars: 50, linkChars: 50 });
    totalsInOneGo();
    expect([article.chars, article.linkChars]).toEqual([150, 60]);
    expect([body.chars, body.linkChars]).toEqual([155, 60]);
  });

  it("count an inline element's text as its parent's own run, a block's not", () => {
    const div = counted('div', null, { chars: 30, commas: 1 });
    counted('span', div, { chars: 40, commas: 2 });
    counted('p', div, { chars: 200, commas: 5 });
    totalsInOneGo();
    // The div's runs of text (own and the span's) are a paragraph of their own; the p is another.
    expect([div.inlineChars, div.inlineCommas]).toEqual([70, 3]);
    expect(div.chars).toBe(270);
  });

  it('carry runs up through nested inline elements, and stop at the first block', () => {
    const body = counted('body', null);
    const p = counted('p', body, { chars: 10 });
    const em = counted('em', p, { chars: 5 });
    counted('strong', em, { chars: 7, commas: 1 });
    totalsInOneGo();
    expect(em.inlineChars).toBe(12);
    expect([p.inlineChars, p.inlineCommas]).toEqual([22, 1]);
    expect(body.inlineChars).toBe(0);
  });

  it('give the same totals when stopped at every look at the clock and resumed', () => {
    const build = (): Tally[] => {
      records = [];
      const body = counted('body', null);
      for (let i = 0; i < 400; i++) {
        const div = counted('div', body);
        counted('p', div, { chars: i, linkChars: i % 7, commas: i % 3 });
        counted('a', div, { chars: 3, linkChars: 3 });
      }
      return records;
    };
    const whole = build();
    totalsInOneGo();
    const sliced = build();
    const pass: PassCursor = { cursor: 0 };
    let clock = 0;
    let slices = 1;
    while (!sumTotals(sliced, pass, clock + 1, () => clock++)) slices++;
    expect(slices).toBeGreaterThan(2);
    const numbers = (list: Tally[]) =>
      list.map((r) => [r.chars, r.linkChars, r.inlineChars, r.inlineCommas]);
    expect(numbers(sliced)).toEqual(numbers(whole));
  });
});

describe('link density', () => {
  it('is the share of text in links, and 0 for a container without text', () => {
    const record = counted('ul', null, { chars: 200, linkChars: 150 });
    expect(linkDensity(record)).toBe(0.75);
    expect(linkDensity(counted('ul', null))).toBe(0);
  });
});
