/**
 * Tells every open tab that the reader's own terms changed, the way settings changes reach them:
 * through `storage.onChanged`. The value is the new matcher-data version, nothing about the terms
 * themselves (they stay in the background's database).
 */
import { browser } from 'wxt/browser';

export const USER_TERMS_SIGNAL_KEY = 'userTermsVersion';

export async function announceUserTermsChanged(version: string): Promise<void> {
  await browser.storage.local.set({ [USER_TERMS_SIGNAL_KEY]: version });
}

/** Calls `cb` after every change of the reader's terms, made from any extension page. */
export function watchUserTerms(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'local' && USER_TERMS_SIGNAL_KEY in changes) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
