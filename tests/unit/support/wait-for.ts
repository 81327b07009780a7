import { vi } from 'vitest';

/**
 * Retries `check` until it stops throwing. Generous on purpose: the suite shares two cores with
 * browsers in CI, and a UI test that waits for a render must not fail because the machine was busy.
 */
export function waitFor<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 3_000, interval: 5 });
}
