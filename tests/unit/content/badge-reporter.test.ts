import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_DEBOUNCE_MS, BadgeReporter } from '../../../entrypoints/content/badge-reporter';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the badge count', () => {
  it('sends the latest total once after a burst of changes', () => {
    const send = vi.fn(async () => null);
    const badge = new BadgeReporter(send);
    badge.report(1);
    badge.report(3);
    badge.report(7);
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(BADGE_DEBOUNCE_MS);
    expect(send.mock.calls).toEqual([[7]]);
  });

  it('does not send an unchanged total', () => {
    const send = vi.fn(async () => null);
    const badge = new BadgeReporter(send);
    badge.report(0);
    vi.advanceTimersByTime(BADGE_DEBOUNCE_MS);
    badge.report(4);
    vi.advanceTimersByTime(BADGE_DEBOUNCE_MS);
    badge.report(5);
    badge.report(4);
    vi.advanceTimersByTime(BADGE_DEBOUNCE_MS);
    expect(send.mock.calls).toEqual([[4]]);
  });

  it('clears the badge at once when marking stops', () => {
    const send = vi.fn(async () => null);
    const badge = new BadgeReporter(send);
    badge.report(4);
    vi.advanceTimersByTime(BADGE_DEBOUNCE_MS);
    badge.report(6);
    badge.reset();
    expect(send.mock.calls).toEqual([[4], [0]]);
    vi.advanceTimersByTime(BADGE_DEBOUNCE_MS);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('never throws when the extension was updated under the page', () => {
    const badge = new BadgeReporter(() => {
      throw new Error('Extension context invalidated.');
    });
    badge.report(2);
    expect(() => vi.advanceTimersByTime(BADGE_DEBOUNCE_MS)).not.toThrow();
    const rejecting = new BadgeReporter(() => Promise.reject(new Error('no receiver')));
    rejecting.report(2);
    expect(() => vi.advanceTimersByTime(BADGE_DEBOUNCE_MS)).not.toThrow();
  });

  it('sends the same total again after a send was lost (the worker stopped while it answered)', async () => {
    const results = [Promise.reject(new Error('The message port closed')), Promise.resolve(null)];
    const send = vi.fn(() => results.shift() ?? Promise.resolve(null));
    const badge = new BadgeReporter(send);
    badge.report(3);
    vi.advanceTimersByTime(BADGE_DEBOUNCE_MS);
    await vi.advanceTimersByTimeAsync(0);
    // The page's count did not change, but the badge never got it.
    badge.report(3);
    vi.advanceTimersByTime(BADGE_DEBOUNCE_MS);
    expect(send.mock.calls).toEqual([[3], [3]]);
  });
});
