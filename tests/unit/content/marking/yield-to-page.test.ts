/**
 * The page yielder: `scheduler.yield()` where the browser has it, otherwise (Firefox ESR 140) a
 * MessageChannel message, which is not clamped like nested timers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageYielder } from '../../../../entrypoints/content/marking/yield-to-page';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the page yielder', () => {
  it('uses scheduler.yield() when the browser has it', async () => {
    const native = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: native });
    const yielder = createPageYielder();
    await yielder.yield();
    await yielder.yield();
    expect(native).toHaveBeenCalledTimes(2);
    yielder.close();
  });

  it('without it, resumes each waiter in order after a task, not synchronously', async () => {
    vi.stubGlobal('scheduler', undefined);
    const yielder = createPageYielder();
    const order: string[] = [];
    const first = yielder.yield().then(() => order.push('first'));
    const second = yielder.yield().then(() => order.push('second'));
    await Promise.resolve();
    expect(order).toEqual([]);
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    yielder.close();
  });

  it('on close, lets whoever still waits run on (to its cancellation check) and stops listening', async () => {
    vi.stubGlobal('scheduler', undefined);
    const yielder = createPageYielder();
    const waiting = yielder.yield();
    yielder.close();
    await expect(waiting).resolves.toBeUndefined();
  });
});
