import { describe, expect, it } from 'vitest';
import { badgeText } from '../../../entrypoints/background/badge';

describe('the toolbar badge text', () => {
  it('is empty when a page has no mentions, so no badge shows', () => {
    expect(badgeText(0)).toBe('');
  });

  it('shows the count itself up to 99', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(42)).toBe('42');
    expect(badgeText(99)).toBe('99');
  });

  it('shows 99+ for 100 mentions or more, which still fits the badge', () => {
    expect(badgeText(100)).toBe('99+');
    expect(badgeText(100_000)).toBe('99+');
  });
});
