import { describe, expect, it } from 'vitest';
import {
  chooseRevealIndex,
  pickLineRect,
  rectContains,
} from '../../../../entrypoints/content/card/card-placement';

const line = (left: number, top: number, right: number, bottom: number) => ({
  left,
  top,
  right,
  bottom,
});

describe('hit geometry', () => {
  it('counts a point as on the mention only inside one of its line boxes', () => {
    const box = line(100, 50, 180, 70);
    expect(rectContains(box, 140, 60)).toBe(true);
    // The caret API would snap this point in the margin to the mention's last letter.
    expect(rectContains(box, 400, 60)).toBe(false);
    expect(rectContains(box, 140, 90)).toBe(false);
  });

  it('anchors a wrapped mention to the line under the pointer', () => {
    const wrapped = [line(500, 50, 600, 70), line(0, 72, 60, 92)];
    expect(pickLineRect(wrapped, 20, 80)).toBe(1);
    expect(pickLineRect(wrapped, 550, 60)).toBe(0);
    expect(pickLineRect([], 0, 0)).toBe(-1);
  });
});

describe('which mention "next" and "previous" reveal', () => {
  const height = 800;
  // Two mentions above the viewport, two in it, one below.
  const tops = [-900, -100, 200, 600, 1500];

  it('starts from the viewport when nothing was revealed yet', () => {
    expect(chooseRevealIndex(tops, undefined, 'next', height)).toBe(2);
    expect(chooseRevealIndex(tops, undefined, 'previous', height)).toBe(3);
  });

  it('steps from the last revealed mention and wraps around the page', () => {
    expect(chooseRevealIndex(tops, 2, 'next', height)).toBe(3);
    expect(chooseRevealIndex(tops, 4, 'next', height)).toBe(0);
    expect(chooseRevealIndex(tops, 0, 'previous', height)).toBe(4);
  });

  it('skips mentions that have no box (hidden text)', () => {
    expect(chooseRevealIndex([Number.NaN, 300, Number.NaN], 1, 'next', height)).toBe(1);
    expect(chooseRevealIndex([Number.NaN, Number.NaN], undefined, 'next', height)).toBe(-1);
    expect(chooseRevealIndex([], undefined, 'previous', height)).toBe(-1);
  });
});
