import { describe, expect, it } from 'vitest';
import {
  type FrameMentions,
  framesWithMentions,
  tabTotal,
  withoutDocument,
  withoutTab,
  withReport,
} from '../../../entrypoints/background/frame-mentions';

const TOP = 'a00000000001';
const FRAME = 'b00000000002';
const NEXT = 'c00000000003';

function page(): FrameMentions {
  let state: FrameMentions = {};
  state = withReport(state, 7, 0, { page: TOP, total: 1 });
  state = withReport(state, 7, 12, { page: FRAME, total: 2 });
  state = withReport(state, 9, 0, { page: TOP, total: 5 });
  return state;
}

describe("the badge's count per tab, summed over its frames", () => {
  it('adds the top page and every frame of the tab, and no other tab', () => {
    expect(tabTotal(page(), 7)).toBe(3);
    expect(tabTotal(page(), 9)).toBe(5);
    expect(tabTotal(page(), 8)).toBe(0);
  });

  it("replaces a frame's count with its newest report", () => {
    const state = withReport(page(), 7, 12, { page: FRAME, total: 6 });
    expect(tabTotal(state, 7)).toBe(7);
  });

  it('drops a removed or navigated frame, and keeps the rest of the tab', () => {
    const state = withoutDocument(page(), 7, 12, FRAME);
    expect(tabTotal(state, 7)).toBe(1);
    expect(framesWithMentions(state, 7)).toEqual([0]);
  });

  it("keeps a frame's new document when the old document's lifeline closes late", () => {
    const navigated = withReport(page(), 7, 12, { page: NEXT, total: 4 });
    const state = withoutDocument(navigated, 7, 12, FRAME);
    expect(state).toBe(navigated);
    expect(tabTotal(state, 7)).toBe(5);
  });

  it('forgets a tab whose last frame went, and a closed tab', () => {
    let state = withoutDocument(page(), 9, 0, TOP);
    expect(Object.keys(state)).toEqual(['7']);
    state = withoutTab(state, 7);
    expect(state).toEqual({});
    expect(withoutTab(state, 7)).toBe(state);
  });

  it('lists the frames with mentions, top first, leaving out frames with none', () => {
    let state = withReport(page(), 7, 5, { page: NEXT, total: 0 });
    state = withReport(state, 7, 3, { page: NEXT, total: 1 });
    expect(framesWithMentions(state, 7)).toEqual([0, 3, 12]);
    expect(framesWithMentions(state, 42)).toEqual([]);
  });

  it('stays plain JSON, as storage.session keeps it', () => {
    expect(JSON.parse(JSON.stringify(page()))).toEqual(page());
  });
});
