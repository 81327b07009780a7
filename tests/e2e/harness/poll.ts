import { expect } from 'vitest';

export interface PollOptions {
  timeout?: number;
  interval?: number;
  /** Says what was awaited, for the timeout error. */
  message?: string;
}

/**
 * Calls `check` until it returns something other than null, undefined or false, and returns that.
 * Errors thrown by `check` count as "not yet" (a page may be navigating); the last one is reported
 * on timeout.
 */
export async function poll<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  { timeout = 10_000, interval = 100, message = 'condition' }: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== null && value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolveWait) => setTimeout(resolveWait, interval));
  }
  const detail = last instanceof Error ? last.message : JSON.stringify(last);
  throw new Error(`Timed out after ${timeout} ms waiting for ${message} (last: ${detail})`);
}

/**
 * Reads until the value equals `expected` (compared as JSON); on timeout the assertion shows the
 * difference with the last value read, not only "timed out".
 */
export async function waitForEqual<T>(
  read: () => Promise<T>,
  expected: T,
  { timeout = 10_000, message = 'value' }: { timeout?: number; message?: string } = {},
): Promise<void> {
  const wanted = JSON.stringify(expected);
  let last: T | undefined;
  try {
    await poll(
      async () => {
        last = await read();
        return JSON.stringify(last) === wanted;
      },
      { timeout, message },
    );
  } catch (error) {
    expect(last, message).toEqual(expected);
    throw error;
  }
}
