import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumExtension, launchChromium, sendMessageFromPage } from './harness/chromium';

interface StoredCards {
  stores: string[];
  ids: string[];
  dataVersion: unknown;
}

/** Reads the background's database directly, from a page of the same (extension) origin. */
function readStoredCards(): Promise<StoredCards> {
  return new Promise((resolve, reject) => {
    // No version: opens the database as the background left it, never upgrading or creating it.
    const open = indexedDB.open('firewall-lens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const stores = [...db.objectStoreNames];
      if (!stores.includes('cards') || !stores.includes('meta')) {
        db.close();
        resolve({ stores, ids: [], dataVersion: undefined });
        return;
      }
      const tx = db.transaction(['cards', 'meta'], 'readonly');
      const ids = tx.objectStore('cards').getAllKeys();
      const version = tx.objectStore('meta').get('dataVersion');
      tx.oncomplete = () => {
        db.close();
        resolve({
          stores,
          ids: ids.result.map(String),
          dataVersion: (version.result as { value?: unknown } | undefined)?.value,
        });
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('the card cache in Chromium', () => {
  let extension: ChromiumExtension;
  let popup: Page;

  beforeAll(async () => {
    extension = await launchChromium();
    popup = await extension.openExtensionPage('popup.html');
  });

  afterAll(async () => {
    await extension?.close();
  });

  it('reads cards from IndexedDB in the extension’s origin after the service worker was stopped and restarted', async () => {
    const first = await sendMessageFromPage(popup, { type: 'card', id: 'great-firewall' });
    expect(first).toMatchObject({
      ok: true,
      value: { id: 'great-firewall', label: 'Great Firewall' },
    });
    const card = (first as { value: { quotes: { text: string }[]; sourceTitle: string } }).value;
    expect(card.quotes[0]?.text).toMatch(/Great Firewall/);
    expect(card.sourceTitle).toBe('Second World Internet Conference Concludes');

    await extension.evaluateInServiceWorker(() => {
      (globalThis as { beforeStop?: boolean }).beforeStop = true;
    });
    await extension.stopServiceWorker();

    const again = await sendMessageFromPage(popup, { type: 'card', id: 'great-firewall' });
    expect(again).toEqual(first);
    // A fresh global scope: the worker really restarted, and it read the card from its database.
    const survived = await extension.evaluateInServiceWorker(
      () => (globalThis as { beforeStop?: boolean }).beforeStop ?? false,
    );
    expect(survived).toBe(false);

    const stored = await popup.evaluate(readStoredCards);
    expect(stored.stores.sort()).toEqual(['cards', 'meta', 'sources']);
    expect(stored.ids).toContain('great-firewall');
    expect(stored.ids).toContain('vpn');
    const status = await sendMessageFromPage(popup, { type: 'data-status' });
    expect(status).toEqual({
      ok: true,
      value: { cardCount: stored.ids.length, dataVersion: stored.dataVersion },
    });
  });
});
