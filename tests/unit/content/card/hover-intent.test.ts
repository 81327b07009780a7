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

describe('a pinned card', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function pinnedOn(target: Target) {
    const pinned = setup();
    pinned.intent.openNow(target, 'click', true);
    return pinned;
  }

  it('stays open after the pointer leaves its mention and the card', () => {
    const { intent, events } = pinnedOn(gfw);
    intent.enterTarget(gfw);
    intent.leaveTarget();
    intent.enterCard();
    intent.leaveCard();
    vi.advanceTimersByTime(HIDE_GRACE_MS * 10);
    expect(events).toEqual(['open great-firewall']);
    expect(intent.current).toBe(gfw);
    expect(intent.pinned).toBe(true);
  });

  it('is not replaced by hovering another mention: one card at a time, the pinned one', () => {
    const { intent, events } = pinnedOn(gfw);
    intent.enterTarget(vpn);
    vi.advanceTimersByTime(SHOW_DELAY_MS * 3);
    expect(events).toEqual(['open great-firewall']);
    expect(intent.current).toBe(gfw);
  });

  it('is replaced by pinning another mention', () => {
    const { intent, events } = pinnedOn(gfw);
    intent.openNow(vpn, 'click', true);
    expect(events).toEqual(['open great-firewall', 'open vpn']);
    expect(intent.current).toBe(vpn);
    expect(intent.pinned).toBe(true);
  });

  it('closes on Escape or a press elsewhere, like any card', () => {
    const { intent, events } = pinnedOn(gfw);
    intent.close();
    expect(events).toEqual(['open great-firewall', 'close']);
    expect(intent.pinned).toBe(false);
  });

  it('pinned again by a second click on its mention stays the same card', () => {
    const { intent, events, opened } = pinnedOn(gfw);
    intent.openNow(gfw, 'click', true);
    expect(events).toEqual(['open great-firewall']);
    expect(intent.isCurrent(opened[0]?.token ?? -1)).toBe(true);
  });

  it('a hover card pinned from its button stays; unpinned, it closes after the grace period', () => {
    const { intent, events } = setup();
    intent.enterTarget(gfw);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    intent.enterCard();
    intent.leaveTarget();
    intent.setPinned(true);
    intent.leaveCard();
    vi.advanceTimersByTime(HIDE_GRACE_MS * 3);
    expect(intent.current).toBe(gfw);
    intent.setPinned(false);
    expect(intent.pinned).toBe(false);
    vi.advanceTimersByTime(HIDE_GRACE_MS);
    expect(events).toEqual(['warm great-firewall', 'open great-firewall', 'close']);
  });

  it('a related term opened from a pinned card keeps the card pinned', () => {
    const { intent, events } = pinnedOn(gfw);
    const related = { key: 'great-firewall' };
    intent.openNow(related, 'related', true);
    expect(events).toEqual(['open great-firewall', 'open great-firewall']);
    expect(intent.pinned).toBe(true);
  });

  it('tells the card when it is pinned or unpinned, so its pin button shows it', () => {
    const changes: boolean[] = [];
    const intent = new HoverIntent<Target>(
      {
        setTimer: (callback, ms) => {
          const handle = setTimeout(callback, ms);
          return () => clearTimeout(handle);
        },
        open: () => undefined,
        close: () => undefined,
        pinChanged: (pinned) => changes.push(pinned),
      },
      { showDelayMs: SHOW_DELAY_MS, hideGraceMs: HIDE_GRACE_MS, same: (a, b) => a.key === b.key },
    );
    intent.setPinned(true); // No card: nothing to pin.
    intent.openNow(gfw, 'focus');
    intent.setPinned(true);
    intent.setPinned(true);
    intent.setPinned(false);
    expect(changes).toEqual([true, false]);
  });
});
