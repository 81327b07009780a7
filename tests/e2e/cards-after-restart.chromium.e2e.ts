import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../common/settings';
import { type StaticServer, startStaticServer } from '../../scripts/lib/static-server.mjs';
import { hover, quotesOf, waitForCard } from './cards.expectations';
import { type ChromiumExtension, launchChromium, sendMessageFromPage } from './harness/chromium';
import { tabIdOf } from './harness/extension-pages';
import { playwrightDriver } from './harness/page-driver';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import { countRanges, resetSettings, settledMarks, waitForBadge } from './harness/settings-steps';

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

/**
 * Runs in the page: the registered highlight names no stylesheet styles, i.e. marks that are
 * registered but not drawn (their per-tab stylesheet never arrived).
 */
function unstyledHighlights(): string[] {
  const styleOf = (name: string) => {
    const style = getComputedStyle(document.body, `::highlight(${name})`);
    return [style.textDecorationLine, style.backgroundColor, style.color].join('|');
  };
  const unstyled = styleOf('no-one-registers-this-name');
  return [...CSS.highlights.keys()].filter((name) => styleOf(name) === unstyled);
}

describe('the card cache in Chromium', () => {
  let extension: ChromiumExtension;
  let popup: Page;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    extension = await launchChromium();
    popup = await extension.openExtensionPage('popup.html');
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
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
      value: { cardCount: stored.ids.length, dataVersion: stored.dataVersion, cacheProblem: null },
    });
  });

  it('a marked page loses nothing when the worker stops during its first requests, a card request, badge updates and a settings change, and no error is recorded', async () => {
    const manager = await extension.extensionManager();
    const popupPage = playwrightDriver(popup);
    const pageErrors: string[] = [];
    // The worker stops while the new page asks for matcher data, mark styles, the badge and the
    // card prefetch: each must still arrive.
    await extension.stopServiceWorker();
    const [raw] = await Promise.all([
      extension.openPage(`${server.origin}/article.html`),
      extension.stopServiceWorker(),
    ]);
    raw.on('pageerror', (error) => pageErrors.push(error.message));
    raw.on('console', (message) => {
      // The fixture server has no favicon; that 404 is the browser's, not ours.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        pageErrors.push(message.text());
      }
    });
    const tab = playwrightDriver(raw);
    const marks = await settledMarks(tab);
    expect(await tab.evaluate(unstyledHighlights)).toEqual([]);
    const tabId = await tabIdOf(tab, popupPage);
    await waitForBadge(popupPage, tabId, String(countRanges(marks)));

    // A card while the worker is stopping.
    await tab.bringToFront();
    await Promise.all([hover(tab, 'lede', 'Great Firewall'), extension.stopServiceWorker()]);
    const card = await waitForCard(tab, 'the card while the worker restarts');
    expect(card.label).toBe('Great Firewall');
    expect(quotesOf('great-firewall')).toContain(card.quote);
    await tab.mouseMove(2, 2);

    // A setting that needs new styles (background marks have their own names) and a new badge.
    const settings = defaultSettings();
    const changed = {
      ...settings,
      markStyle: 'background' as const,
      categories: { ...settings.categories, circumvention: false },
    };
    try {
      await Promise.all([resetSettings(popupPage, changed), extension.stopServiceWorker()]);
      const after = await settledMarks(tab);
      expect(after.every(({ name }) => name.includes('-bg-'))).toBe(true);
      expect(after.some(({ name }) => name.endsWith('circumvention'))).toBe(false);
      expect(await tab.evaluate(unstyledHighlights)).toEqual([]);
      await waitForBadge(popupPage, tabId, String(countRanges(after)));
    } finally {
      await resetSettings(popupPage, settings);
    }

    expect(pageErrors).toEqual([]);
    expect(await manager.recordedErrors()).toEqual([]);
    await tab.close();
  });
});
