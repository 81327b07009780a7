import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORT_PADDING_PX } from '../../utils/card-placement';
import { defaultSettings } from '../../utils/settings';
import {
  type Box,
  CARD_GAP_PX,
  type CardBox,
  expectBesideLine,
  expectInsideViewport,
  type PlacedText,
  placeText,
  readCardBox,
  type TextSpec,
} from './card-placement.expectations';
import { type ChromiumExtension, launchChromium } from './harness/chromium';
import { waitForMarks } from './harness/foundation-expectations';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import { poll } from './harness/poll';
import { activeTabIdInExtensionPage, chromiumTab, resetSettings } from './harness/settings-steps';
import { type StaticServer, startStaticServer } from './harness/static-server';

/** The height the card's content is designed for: a small laptop's browser viewport. */
const VIEWPORT = { width: 1280, height: 760 };

describe('card placement in Chromium', () => {
  let extension: ChromiumExtension;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    extension = await launchChromium();
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  async function open(file: string): Promise<Page> {
    const page = await extension.openPage(`${server.origin}/${file}`);
    await page.setViewportSize(VIEWPORT);
    await waitForMarks(page);
    // Park the pointer where nothing is marked.
    await page.mouse.move(2, 2);
    return page;
  }

  async function place(
    page: Page,
    elementId: string,
    text: string,
    where: 'center' | 'bottom' | 'keep' = 'center',
    line = 0,
  ): Promise<PlacedText> {
    const placed = await page.evaluate(placeText, { elementId, text, place: where, line });
    if (!placed) throw new Error(`"${text}" not found in #${elementId}`);
    return placed;
  }

  /** The open card once floating-ui has placed it: three equal reads in a row. */
  async function settledCard(page: Page, message: string, about?: TextSpec): Promise<CardBox> {
    const reads: string[] = [];
    return poll(
      async () => {
        const box = await page.evaluate(readCardBox, about ?? null);
        reads.push(JSON.stringify(box));
        const settled = box !== null && reads.slice(-3).every((read) => read === reads.at(-1));
        return reads.length >= 3 && settled && box;
      },
      { timeout: 5_000, interval: 50, message },
    );
  }

  /** Rests the pointer on the text; the card once placed, with the text's lines (`card.lines`). */
  async function hoverCard(page: Page, at: PlacedText, message: string): Promise<CardBox> {
    await page.mouse.move(at.x, at.y);
    return settledCard(page, message, at);
  }

  const noCard = (page: Page, message: string) =>
    poll(async () => (await page.evaluate(readCardBox, null)) === null, {
      timeout: 3_000,
      message,
    });

  it('shows the quote without scrolling inside the card on a 760 px high viewport', async () => {
    const page = await open('article.html');
    const at = await place(page, 'lede', 'Great Firewall');
    const card = await hoverCard(page, at, 'the Great Firewall card');
    expect(card.cardId).toBe('great-firewall');
    expect(card.quoteVisible).toBe(true);
    await page.close();
  });

  it('flips above a mark near the bottom edge, inside the viewport', async () => {
    const page = await open('card-placement.html');
    const at = await place(page, 'bottom-text', 'Great Firewall', 'bottom');
    const card = await hoverCard(page, at, 'the card near the bottom edge');
    expectInsideViewport(card);
    const line = card.lines[0] as Box;
    expect(card.bottom).toBeLessThanOrEqual(line.top);
    expectBesideLine(card, line);
    await page.close();
  });

  it('shifts left from a mark at the right edge, staying beside it', async () => {
    const page = await open('card-placement.html');
    const at = await place(page, 'right-edge', 'YouTube');
    const card = await hoverCard(page, at, 'the card at the right edge');
    expectInsideViewport(card);
    const line = card.lines[0] as Box;
    // Aligned to the mark's start, the card would run 250 px past the viewport's edge.
    expect(card.left).toBeLessThan(line.left);
    expect(card.right).toBeCloseTo(card.viewportWidth - VIEWPORT_PADDING_PX, 0);
    expectBesideLine(card, line);
    await page.close();
  });

  it('anchors a mark that wraps over two lines to the line under the pointer', async () => {
    const page = await open('card-placement.html');
    const second = await place(page, 'wrapped', 'Great Firewall', 'center', 1);
    expect(second.lines).toHaveLength(2);
    const [first, last] = second.lines as [Box, Box];
    const onSecond = await hoverCard(page, second, 'the card from the second line');
    expect(onSecond.lines).toEqual(second.lines);
    expect(onSecond.top).toBeCloseTo(last.bottom + CARD_GAP_PX, 0);
    expect(onSecond.left).toBeCloseTo(last.left, 0);

    await page.mouse.move(2, 2);
    await noCard(page, 'the card to close after the pointer left');
    const onFirst = await hoverCard(
      page,
      { ...second, x: (first.left + first.right) / 2, y: (first.top + first.bottom) / 2 },
      'the card from the first line',
    );
    expect(onFirst.lines).toEqual(second.lines);
    expect(onFirst.top).toBeCloseTo(first.bottom + CARD_GAP_PX, 0);
    await page.close();
  });

  it('stays beside a mark in a fixed bar while the page scrolls under it', async () => {
    const page = await open('card-placement.html');
    await page.evaluate(() => window.scrollTo({ top: 300, behavior: 'instant' }));
    const at = await place(page, 'live-strip', 'Twitter', 'keep');
    const card = await hoverCard(page, at, 'the card in the fixed bar');
    const line = card.lines[0] as Box;
    expect(card.top).toBeCloseTo(line.bottom + CARD_GAP_PX, 0);
    await page.evaluate(() => window.scrollBy({ top: 200, behavior: 'instant' }));
    await new Promise((done) => setTimeout(done, 150));
    const after = await settledCard(page, 'the card after scrolling');
    expect(after.top).toBeCloseTo(card.top, 0);
    expect(after.left).toBeCloseTo(card.left, 0);
    await page.close();
  });

  it('stays beside a mark in a stuck sticky box while the page scrolls', async () => {
    const page = await open('card-placement.html');
    // Scroll the section well past its top, so the note is stuck 56 px below the viewport's top.
    await page.evaluate(() => {
      const section = document.getElementById('sticky-section') as HTMLElement;
      window.scrollBy({ top: section.getBoundingClientRect().top + 400, behavior: 'instant' });
    });
    const at = await place(page, 'sticky-note', 'Facebook', 'keep');
    const line = at.lines[0] as Box;
    expect(line.top).toBeGreaterThanOrEqual(56);
    const card = await hoverCard(page, at, 'the card in the sticky box');
    expect(card.top).toBeCloseTo((card.lines[0] as Box).bottom + CARD_GAP_PX, 0);
    await page.evaluate(() => window.scrollBy({ top: 150, behavior: 'instant' }));
    await new Promise((done) => setTimeout(done, 150));
    const after = await settledCard(page, 'the card after scrolling');
    expect(after.top).toBeCloseTo(card.top, 0);
    await page.close();
  });

  describe('with touch', () => {
    async function touchPage(
      file: string,
    ): Promise<{ page: Page; tap(x: number, y: number): Promise<void> }> {
      const page = await open(file);
      const cdp: CDPSession = await extension.context.newCDPSession(page);
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
      await noCard(page, 'the card to close after a tap elsewhere');
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
      await noCard(page, 'the card to close once its mark scrolled out of view');
      await page.close();
    });
  });

  it('follows the page into a fullscreen element and stays visible there', async () => {
    const page = await open('card-placement.html');
    await page.click('#go-fullscreen');
    await poll(() => page.evaluate(() => document.fullscreenElement?.id === 'stage'), {
      timeout: 3_000,
      message: 'the stage to go fullscreen',
    });
    await page.mouse.move(2, 2);
    const at = await place(page, 'stage-text', 'VPN', 'keep');
    const card = await hoverCard(page, at, 'the card in fullscreen');
    expect(card.hostParent).toBe('section#stage');
    expect(card.onTop).toBe(true);
    expectInsideViewport(card);
    await page.evaluate(() => document.exitFullscreen());
    await poll(async () => (await page.evaluate(readCardBox, null))?.hostParent === 'html', {
      timeout: 3_000,
      message: 'the host to move back to <html> after fullscreen',
    });
    await page.close();
  });

  it('keeps the card inside the viewport and beside its mark at 150% page zoom', async () => {
    const page = await open('card-placement.html');
    const control = await extension.openExtensionPage('popup.html');
    await page.bringToFront();
    const tabId = await control.evaluate(activeTabIdInExtensionPage);
    if (tabId === null) throw new Error('no active tab');
    await control.evaluate(
      async ({ tabId, zoom }) => {
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
      },
      { tabId, zoom: 1.5 },
    );
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

  it("on a right-to-left page aligns the card to the mark's right edge, keeps it inside the viewport and left-to-right", async () => {
    const page = await open('card-rtl.html');
    const at = await place(page, 'platforms', 'YouTube');
    const card = await hoverCard(page, at, 'the YouTube card on the Arabic page');
    const line = card.lines[0] as Box;
    expect(card.direction).toBe('ltr');
    expect(card.right).toBeCloseTo(line.right, 0);
    expectInsideViewport(card);
    expectBesideLine(card, line);

    await page.mouse.move(2, 2);
    await noCard(page, 'the first card to close');
    const edge = await place(page, 'left-edge', 'YouTube');
    const shifted = await hoverCard(page, edge, 'the card at the left edge');
    expectInsideViewport(shifted);
    expect(shifted.left).toBeCloseTo(VIEWPORT_PADDING_PX, 0);
    expectBesideLine(shifted, shifted.lines[0] as Box);
    await page.close();
  });

  describe('in stealth mode', () => {
    afterAll(async () => {
      const control = await extension.openExtensionPage('popup.html');
      await resetSettings(chromiumTab(control));
      await control.close();
    });

    it('leaves no element and no highlight in the page once the card has closed', async () => {
      const control = await extension.openExtensionPage('popup.html');
      await resetSettings(chromiumTab(control), { ...defaultSettings(), stealth: true });
      await control.close();
      const page = await extension.openPage(`${server.origin}/card-placement.html`);
      await page.setViewportSize(VIEWPORT);
      await page.mouse.move(2, 2);
      const before = await page.evaluate(pageTrace);
      expect(before.highlights).toBe(0);
      expect(before.extra).toEqual([]);

      const at = await place(page, 'lede', 'VPN');
      await page.keyboard.down('Alt');
      const open = await poll(
        async () => {
          // The content script may still be starting: keep moving until a card answers.
          await page.mouse.move(at.x, at.y);
          await page.mouse.move(at.x + 1, at.y);
          const trace = await page.evaluate(pageTrace);
          return trace.extra.length > 0 && trace;
        },
        { timeout: 8_000, interval: 400, message: 'a card while Alt is held over "VPN"' },
      );
      // One element, not named after the extension, its shadow root closed to the page.
      expect(open.extra).toHaveLength(1);
      expect(open.extra[0]?.name).not.toMatch(/firewall|lens/i);
      expect(open.extra[0]?.shadowReadable).toBe(false);

      await page.keyboard.press('Escape');
      await page.keyboard.up('Alt');
      const after = await poll(
        async () => {
          const trace = await page.evaluate(pageTrace);
          return trace.extra.length === 0 && trace;
        },
        { timeout: 3_000, message: 'the card host to leave the page' },
      );
      expect(after.elements).toBe(before.elements);
      expect(after.highlights).toBe(0);
      await page.close();
    });
  });
});

/**
 * Runs in the page: what its own scripts can see of an extension. `extra`: elements in <html>
 * besides <head> and <body> (where a UI host goes), and in a fullscreen element.
 */
function pageTrace(): {
  elements: number;
  highlights: number;
  extra: { name: string; shadowReadable: boolean }[];
} {
  const extra = [...document.documentElement.children]
    .filter((element) => element !== document.head && element !== document.body)
    .map((element) => ({ name: element.localName, shadowReadable: element.shadowRoot !== null }));
  return {
    elements: document.getElementsByTagName('*').length,
    highlights: CSS.highlights.size,
    extra,
  };
}
