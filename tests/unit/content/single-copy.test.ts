import { describe, expect, it } from 'vitest';
import { claimPage } from '../../../entrypoints/content/single-copy';

describe('one live content script per page', () => {
  it('lets the first copy run and turns away a second while the first is alive', () => {
    const page = {};
    expect(claimPage(page, () => true)).toBe(true);
    expect(claimPage(page, () => true)).toBe(false);
  });

  it('lets a new copy take over from one whose extension is gone', () => {
    const page = {};
    let oldAlive = true;
    claimPage(page, () => oldAlive);
    oldAlive = false;
    expect(claimPage(page, () => true)).toBe(true);
    // The new copy is the one asked from now on.
    expect(claimPage(page, () => true)).toBe(false);
  });

  it('treats a copy that throws when asked as dead', () => {
    const page = {};
    claimPage(page, () => {
      throw new Error('Extension context invalidated.');
    });
    expect(claimPage(page, () => true)).toBe(true);
  });

  it('keeps pages apart', () => {
    expect(claimPage({}, () => true)).toBe(true);
    expect(claimPage({}, () => true)).toBe(true);
  });
});
