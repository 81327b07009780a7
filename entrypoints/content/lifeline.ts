/**
 * A port held open to the background while the page is marked, so the content script learns at
 * once that the extension was disabled, removed, updated or reloaded under the page: the browser
 * then closes every port of the old extension, and `runtime.id` is gone. Nothing is polled.
 *
 * WXT's `ctx` does not notice this by itself: it aborts only when something reads `ctx.isInvalid`
 * (our code reads it when the settings change, which no longer happens once the extension is
 * gone) or when a newer copy of the script starts in the same page. That is why a disabled
 * extension's marks stayed on screen (issue 15).
 *
 * A port also closes when an idle MV3 service worker is stopped (Chromium stops it after 30 s
 * without events; an open port does not keep it alive). The extension is still there then, so the
 * script connects again, which starts the worker.
 */

/** The part of `runtime.Port` the lifeline uses. */
export interface LifelinePort {
  onDisconnect: { addListener(callback: () => void): void };
  disconnect(): void;
}

export interface LifelineOptions {
  /** `runtime.connect`; throws once the extension is gone. */
  connect(): LifelinePort;
  /** Whether the extension is gone (WXT's `ctx.isInvalid`, which then runs `ctx`'s teardown). */
  isInvalid(): boolean;
  /** Runs the teardown when `isInvalid` did not, e.g. when `connect` threw. */
  invalidate(): void;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * A port that closes sooner than this after it opened did not close because the worker went
 * idle: something refuses it (a background without the listener, a worker crashing at start).
 * Reconnecting at once would spin, so the next attempt waits.
 */
export const HEALTHY_PORT_MS = 1_000;
/**
 * Chromium closes the port a few milliseconds before it takes `runtime.id` away: in the disconnect
 * handler and its microtasks the id is still there, and it was gone by the next task. The verdict
 * waits this long, so the check sees the extension's real state under load too.
 */
export const VERDICT_DELAY_MS = 100;
/** Waits before reconnecting after short-lived ports, doubling from the first to the last. */
export const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000] as const;

/** Holds the lifeline until the returned function is called. */
export function holdLifeline(options: LifelineOptions): () => void {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer =
    options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let port: LifelinePort | undefined;
  let retryTimer: unknown;
  let shortLived = 0;
  let released = false;

  const open = () => {
    retryTimer = undefined;
    if (released) return;
    if (options.isInvalid()) {
      released = true;
      return;
    }
    let opened: LifelinePort;
    try {
      opened = options.connect();
    } catch {
      // "Extension context invalidated": the extension went away between the check and here.
      released = true;
      options.invalidate();
      return;
    }
    port = opened;
    const openedAt = now();
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = undefined;
      if (released) return;
      const lived = now() - openedAt;
      if (lived >= HEALTHY_PORT_MS) shortLived = 0;
      else shortLived++;
      // `open` checks `isInvalid` first: gone means teardown, still there means the worker was
      // stopped or restarted, and the script connects again. Should the verdict still come too
      // early, the new port closes at once and the retry, later, sees the extension gone.
      const delay =
        shortLived === 0
          ? VERDICT_DELAY_MS
          : (RETRY_DELAYS_MS[Math.min(shortLived, RETRY_DELAYS_MS.length) - 1] ?? HEALTHY_PORT_MS);
      retryTimer = setTimer(open, delay);
    });
  };

  open();
  return () => {
    if (released) return;
    released = true;
    if (retryTimer !== undefined) clearTimer(retryTimer);
    retryTimer = undefined;
    const current = port;
    port = undefined;
    try {
      current?.disconnect();
    } catch {
      // Already closed by the browser.
    }
  };
}
