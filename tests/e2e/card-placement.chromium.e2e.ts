import type { CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  type Box,
  cardPlacementTests,
  expectBesideLine,
  expectInsideViewport,
  hoverCard,
  place,
  readCardBox,
  settledCard,
  waitForCardToClose,
} from './card-placement.expectations';
import { launchChromiumSession } from './harness/chromium';
import { tabIdOf } from './harness/extension-pages';
import type { PlaywrightDriver } from './harness/page-driver';
import { poll } from './harness/poll';

/** The height the card's content is designed for: a small laptop's browser viewport. */
const VIEWPORT = { width: 1280, height: 760 };

describe('card placement in Chromium', () => {
  const { browser, open } = cardPlacementTests(launchChromiumSession, {
    prepareTab: (page) => page.raw.setViewportSize(VIEWPORT),
  });

  // Chromium only: Playwright sizes the viewport to 760 px; Firefox ESR 140 rejects setViewport,
  // so its window keeps the 800 px it was launched with.
  it('shows the quote without scrolling inside the card on a 760 px high viewport', async () => {
    const page = await open('article.html');
    const at = await place(page, 'lede', 'Great Firewall');
    const card = await hoverCard(page, at, 'the Great Firewall card');
    expect(card.cardId).toBe('great-firewall');
    expect(card.quoteVisible).toBe(true);
    await page.close();
  });

  // Chromium only: Firefox ESR rejects a per-tab zoom scope ("Unsupported zoom settings"), and its
  // per-site zoom would carry over to the next tests' pages on 127.0.0.1.
  it('keeps the card inside the viewport and beside its mark at 150% page zoom', async () => {
    const page = await open('card-placement.html');
    const control = await browser().session.openExtensionPage('popup.html');
    const tabId = await tabIdOf(page, control);
    await control.evaluate(zoomTabInExtensionPage, { tabId, zoom: 1.5 });
    await control.close();
    await poll(() => page.evaluate(() => Math.abs(window.devicePixelRatio - 1.5) < 0.01), {
      timeout: 3_000,
      message: 'the page to be zoomed',
    });
    const at = await place(page, 'right-edge', 'YouTube');
    const card = await hoverCard(page, at, 'the card at 150% zoom');
    expectInsideViewport(card);
    expect(card.viewportWidth).toBeCloseTo(VIEWPORT.width / 1.5, 0);
    expectBesideLine(card, card.lines[0] as Box);
    await page.close();
  });

  // Chromium only: touch is emulated and taps are sent over CDP, which Firefox's WebDriver BiDi
  // connection does not offer.
  describe('with touch', () => {
    async function touchPage(
      file: string,
    ): Promise<{ page: PlaywrightDriver; tap(x: number, y: number): Promise<void> }> {
      const page = await open(file);
      const cdp: CDPSession = await browser().session.extension.context.newCDPSession(page.raw);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
      return {
        page,
        async tap(x, y) {
          await cdp.send('Input.dispatchTouchEvent', {
            type: 'touchStart',
            touchPoints: [{ x, y }],
          });
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        },
      };
    }

    it('tapping a mark opens its card and tapping elsewhere closes it', async () => {
      const { page, tap } = await touchPage('card-placement.html');
      const at = await place(page, 'lede', 'VPN');
      await tap(at.x, at.y);
      const card = await settledCard(page, 'the card after a tap');
      expect(card.cardId).toBe('vpn');
      const line = at.lines[0] as Box;
      // A tap on plain text, below the card.
      await tap(line.left, Math.max(card.bottom, line.bottom) + 40);
      await waitForCardToClose(page, 'the card to close after a tap elsewhere');
      await page.close();
    });

    it('a tap on a mark inside a link follows the link and opens no card', async () => {
      const { page, tap } = await touchPage('card-placement.html');
      const at = await place(page, 'story-link', 'VPN');
      await tap(at.x, at.y);
      await poll(() => page.evaluate(() => location.hash === '#followed'), {
        timeout: 3_000,
        message: 'the link to be followed',
      });
      await new Promise((done) => setTimeout(done, 400));
      expect(await page.evaluate(readCardBox, null)).toBeNull();
      await page.close();
    });

    it('follows its mark when the page scrolls, and closes once the mark has left the viewport', async () => {
      const { page, tap } = await touchPage('card-placement.html');
      const at = await place(page, 'lede', 'VPN');
      await tap(at.x, at.y);
      const card = await settledCard(page, 'the card after a tap');
      await page.evaluate(() => window.scrollBy({ top: 80, behavior: 'instant' }));
      const moved = await poll(
        async () => {
          const box = await page.evaluate(readCardBox, null);
          return box && Math.abs(box.top - (card.top - 80)) < 1 && box;
        },
        { timeout: 3_000, message: 'the card to move up with its mark' },
      );
      expect(moved.left).toBeCloseTo(card.left, 0);
      await page.evaluate(() => window.scrollBy({ top: 1_000, behavior: 'instant' }));
      await waitForCardToClose(page, 'the card to close once its mark scrolled out of view');
      await page.close();
    });
  });
});

/** Runs in an extension page: zooms one tab, as the reader would with Ctrl +. */
async function zoomTabInExtensionPage({ tabId, zoom }: { tabId: number; zoom: number }) {
  const { tabs } = (
    globalThis as unknown as {
      chrome: {
        tabs: {
          setZoomSettings(id: number, settings: { scope: 'per-tab' }): Promise<void>;
          setZoom(id: number, zoom: number): Promise<void>;
        };
      };
    }
  ).chrome;
  // Per tab: Chromium otherwise remembers the zoom for 127.0.0.1 and the next test's pages.
  await tabs.setZoomSettings(tabId, { scope: 'per-tab' });
  await tabs.setZoom(tabId, zoom);
}
