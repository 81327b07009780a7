import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOVER_DELAY_DEFAULT_MS as SHOW_DELAY_MS } from '../../../../common/settings';
import { HIDE_GRACE_MS } from '../../../../entrypoints/content/card/card-timing';
import { HoverIntent, type OpenReason } from '../../../../entrypoints/content/card/hover-intent';

interface Target {
  key: string;
}

function setup(showDelayMs = SHOW_DELAY_MS) {
  const events: string[] = [];
  const opened: { target: Target; token: number; reason: OpenReason }[] = [];
  const intent = new HoverIntent<Target>(
    {
      setTimer(callback, ms) {
        const handle = setTimeout(callback, ms);
        return () => clearTimeout(handle);
      },
      warm: (target) => events.push(`warm ${target.key}`),
      open(target, token, reason) {
        opened.push({ target, token, reason });
        events.push(`open ${target.key}`);
      },
      close: () => events.push('close'),
    },
    { showDelayMs, hideGraceMs: HIDE_GRACE_MS, same: (a, b) => a.key === b.key },
  );
  return { intent, events, opened };
}

const gfw = { key: 'great-firewall' };
const vpn = { key: 'vpn' };

describe('hover intent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens a card only after the pointer has rested for the show delay', () => {
    const { intent, events } = setup();
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(SHOW_DELAY_MS - 1);
    expect(events).toEqual(['warm great-firewall']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['warm great-firewall', 'open great-firewall']);
    expect(intent.current).toBe(gfw);
  });

  it('opens nothing when the pointer sweeps across a mention', () => {
    const { intent, events } = setup();
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(SHOW_DELAY_MS / 2);
    intent.leaveTarget();
    vi.advanceTimersByTime(SHOW_DELAY_MS * 10);
    expect(events.filter((event) => event.startsWith('open'))).toEqual([]);
  });

  it('does not restart the delay while the pointer moves within the same mention', () => {
    const { intent, events } = setup();
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(SHOW_DELAY_MS - 50);
    intent.enterTarget({ key: 'great-firewall' });
    vi.advanceTimersByTime(50);
    expect(events).toContain('open great-firewall');
  });

  it('keeps the card through the grace period after leaving, then closes it', () => {
    const { intent, events } = setup();
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    intent.leaveTarget();
    vi.advanceTimersByTime(HIDE_GRACE_MS - 1);
    expect(events).not.toContain('close');
    vi.advanceTimersByTime(1);
    expect(events.at(-1)).toBe('close');
    expect(intent.current).toBeUndefined();
  });

  it('stays open while the pointer moves from the mention into the card', () => {
    const { intent, events } = setup();
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    intent.leaveTarget();
    vi.advanceTimersByTime(HIDE_GRACE_MS - 10);
    intent.enterCard();
    vi.advanceTimersByTime(HIDE_GRACE_MS * 20);
    expect(events).not.toContain('close');
    intent.leaveCard();
    vi.advanceTimersByTime(HIDE_GRACE_MS);
    expect(events.at(-1)).toBe('close');
  });

  it('stays open when the pointer returns to the mention within the grace period', () => {
    const { intent, events } = setup();
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    intent.leaveTarget();
    vi.advanceTimersByTime(HIDE_GRACE_MS / 2);
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(HIDE_GRACE_MS * 5);
    expect(events).toEqual(['warm great-firewall', 'open great-firewall']);
  });

  it('drops a late answer for a card the pointer has left for another one', () => {
    const { intent, opened } = setup();
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    const first = opened[0]?.token ?? -1;
    intent.leaveTarget();
    intent.enterTarget(vpn);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    const second = opened[1]?.token ?? -1;
    // The answer for the first card arrives only now: it must not be shown.
    expect(intent.isCurrent(first)).toBe(false);
    expect(intent.isCurrent(second)).toBe(true);
    expect(intent.current).toBe(vpn);
  });

  it('drops a late answer for a card that closed while the background was answering', () => {
    const { intent, opened } = setup();
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    intent.leaveTarget();
    vi.advanceTimersByTime(HIDE_GRACE_MS);
    expect(intent.isCurrent(opened[0]?.token ?? -1)).toBe(false);
  });

  it('closes at once on Escape and does not reopen while the pointer still rests there', () => {
    const { intent, events } = setup();
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    intent.close();
    expect(events.at(-1)).toBe('close');
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(SHOW_DELAY_MS * 5);
    expect(events.filter((event) => event === 'open great-firewall')).toHaveLength(1);
    intent.leaveTarget();
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    expect(events.filter((event) => event === 'open great-firewall')).toHaveLength(2);
  });

  it('opens immediately for a tap, a focus or a command, cancelling a pending hover', () => {
    const { intent, opened } = setup();
    intent.enterTarget(vpn);
    intent.openNow(gfw, 'tap');
    vi.advanceTimersByTime(SHOW_DELAY_MS * 2);
    expect(opened.map((entry) => [entry.target.key, entry.reason])).toEqual([
      ['great-firewall', 'tap'],
    ]);
    expect(intent.currentReason).toBe('tap');
  });

  it('uses a changed show delay for the next hover', () => {
    const { intent, events } = setup(SHOW_DELAY_MS);
    intent.setShowDelay(1_000);
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(999);
    expect(events).not.toContain('open great-firewall');
    vi.advanceTimersByTime(1);
    expect(events).toContain('open great-firewall');
  });

  it('leaves no timer running after dispose', () => {
    const { intent, events } = setup();
    intent.enterTarget(gfw);
    intent.dispose();
    vi.advanceTimersByTime(SHOW_DELAY_MS * 10);
    expect(events).toEqual(['warm great-firewall']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
