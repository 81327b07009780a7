import { describe, expect, it } from 'vitest';
import {
  HEALTHY_PORT_MS,
  holdLifeline,
  type LifelinePort,
  RETRY_DELAYS_MS,
  VERDICT_DELAY_MS,
} from '../../../entrypoints/content/lifeline';

/** A browser stand-in: ports it can close, an extension that can go away, a clock and timers. */
function world() {
  const ports: { port: LifelinePort; close(): void; closedByScript: boolean }[] = [];
  const timers: { at: number; run: () => void; cleared: boolean }[] = [];
  const state = { now: 0, gone: false, invalidated: 0, connectThrows: false };
  const connect = (): LifelinePort => {
    if (state.connectThrows) throw new Error('Extension context invalidated.');
    const listeners: (() => void)[] = [];
    const entry = {
      closedByScript: false,
      port: {
        onDisconnect: { addListener: (callback: () => void) => listeners.push(callback) },
        disconnect: () => {
          entry.closedByScript = true;
        },
      },
      close: () => {
        for (const listener of listeners) listener();
      },
    };
    ports.push(entry);
    return entry.port;
  };
  const release = holdLifeline({
    connect,
    isInvalid: () => state.gone,
    invalidate: () => state.invalidated++,
    now: () => state.now,
    setTimer: (run, ms) => {
      const timer = { at: state.now + ms, run, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
  });
  /** Moves the clock on, running the timers that come due. */
  const advance = (ms: number) => {
    const until = state.now + ms;
    for (;;) {
      const due = timers
        .filter((timer) => !timer.cleared && timer.at <= until)
        .sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.cleared = true;
      state.now = due.at;
      due.run();
    }
    state.now = until;
  };
  const pending = () => timers.filter((timer) => !timer.cleared).length;
  const last = () => {
    const entry = ports.at(-1);
    if (!entry) throw new Error('no port');
    return entry;
  };
  return { state, ports, advance, release, pending, last };
}

describe('the lifeline to the background', () => {
  it('opens one port as soon as it is held', () => {
    const { ports } = world();
    expect(ports).toHaveLength(1);
  });

  it('reconnects, without a teardown, when the port closes while the extension is still there (a sleeping worker)', () => {
    const { ports, state, advance, last } = world();
    state.now = 35_000;
    last().close();
    expect(ports).toHaveLength(1);
    advance(VERDICT_DELAY_MS);
    expect(ports).toHaveLength(2);
    expect(state.invalidated).toBe(0);
  });

  it('stops reconnecting and opens nothing more once the extension is gone', () => {
    const { ports, state, advance, last, pending } = world();
    state.now = 5_000;
    state.gone = true;
    last().close();
    advance(10_000);
    expect(ports).toHaveLength(1);
    expect(pending()).toBe(0);
  });

  it('judges only after the delay, so a runtime.id removed just after the port closed is seen', () => {
    const { ports, state, advance, last } = world();
    state.now = 5_000;
    last().close();
    // Chromium takes the id away a moment after closing the port.
    state.gone = true;
    advance(VERDICT_DELAY_MS);
    expect(ports).toHaveLength(1);
  });

  it('runs the teardown itself when connecting throws (the context was invalidated meanwhile)', () => {
    const { ports, state, advance, last } = world();
    state.now = 5_000;
    state.connectThrows = true;
    last().close();
    advance(VERDICT_DELAY_MS);
    expect(state.invalidated).toBe(1);
    advance(60_000);
    expect(ports).toHaveLength(1);
    expect(state.invalidated).toBe(1);
  });

  it('backs off when ports close right after opening, and reconnects at once again after a healthy one', () => {
    const { ports, state, advance, last } = world();
    const openedAt: number[] = [];
    for (const delay of RETRY_DELAYS_MS) {
      last().close();
      advance(delay - 1);
      const before = ports.length;
      advance(1);
      expect(ports.length).toBe(before + 1);
      openedAt.push(state.now);
    }
    // Past the last step the wait stays at its longest.
    const longest = RETRY_DELAYS_MS.at(-1) ?? 0;
    last().close();
    advance(longest);
    expect(ports.length).toBe(RETRY_DELAYS_MS.length + 2);
    // A port that lived long enough resets the back-off.
    advance(HEALTHY_PORT_MS);
    last().close();
    advance(VERDICT_DELAY_MS);
    expect(ports.length).toBe(RETRY_DELAYS_MS.length + 3);
    expect(state.invalidated).toBe(0);
  });

  it('closes its port and cancels a pending reconnect when released', () => {
    const first = world();
    first.release();
    expect(first.last().closedByScript).toBe(true);

    const second = world();
    second.state.now = 5_000;
    second.last().close();
    expect(second.pending()).toBe(1);
    second.release();
    expect(second.pending()).toBe(0);
    second.advance(60_000);
    expect(second.ports).toHaveLength(1);
  });

  it('ignores a close reported for a port it already replaced or released', () => {
    const { ports, state, advance, last, release } = world();
    const first = last();
    release();
    first.close();
    advance(60_000);
    expect(ports).toHaveLength(1);
    expect(state.invalidated).toBe(0);
  });
});
