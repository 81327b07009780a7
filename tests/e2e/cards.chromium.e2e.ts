import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDE_GRACE_MS, SHOW_BUDGET_MS } from '../../utils/card-timing';
import {
  AXE_PATH,
  axeViolationsInCard,
  cardCenter,
  forbidPageStyles,
  HOVER_DELAY_MS,
  pageStyleElementsBlocked,
  pointOnText,
  quotesOf,
  readCard,
  readInContextCenter,
  readReaderPage,
  readStopwatch,
  SOURCE_TITLE,
  startStopwatch,
} from './cards.expectations';
import { type ChromiumExtension, launchChromium } from './harness/chromium';
import { waitForMarks } from './harness/foundation-expectations';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import { poll } from './harness/poll';
import { type StaticServer, startStaticServer } from './harness/static-server';

describe('context cards in Chromium', () => {
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

  async function openArticle(): Promise<Page> {
    const page = await extension.openPage(`${server.origin}/article.html`);
    await waitForMarks(page);
    // Park the pointer where nothing is marked.
    await page.mouse.move(2, 2);
    return page;
  }

  async function hover(page: Page, elementId: string, text: string): Promise<void> {
    const point = await page.evaluate(pointOnText, { elementId, text });
    if (!point) throw new Error(`"${text}" not found in #${elementId}`);
    await page.mouse.move(point.x, point.y);
  }

  const waitForCard = (page: Page, message: string) =>
    poll(() => page.evaluate(readCard), { timeout: 5_000, message });

  it('resting the pointer on "Great Firewall" opens its card with a verbatim quote and source', async () => {
    const page = await openArticle();
    await hover(page, 'lede', 'Great Firewall');
    const card = await waitForCard(page, 'the Great Firewall card');
    expect(card.cardId).toBe('great-firewall');
    expect(card.label).toBe('Great Firewall');
    expect(card.labelledBy).toContain('Great Firewall');
    expect(card.category).toMatch(/censorship system/i);
    expect(quotesOf('great-firewall')).toContain(card.quote);
    expect(card.cite).toBe(SOURCE_TITLE);
    expect(card.related).toContain('VPN');
    expect(card.hostStyle).toMatch(/all: initial/);
    await page.close();
  });

  it('opens nothing when the pointer only passes over a mention', async () => {
    const page = await openArticle();
    await hover(page, 'lede', 'Great Firewall');
    await page.mouse.move(2, 400);
    await new Promise((done) => setTimeout(done, HOVER_DELAY_MS * 3));
    expect(await page.evaluate(readCard)).toBeNull();
    await page.close();
  });

  it('the card stays open while the pointer moves from the mention into it', async () => {
    const page = await openArticle();
    await hover(page, 'lede', 'Great Firewall');
    await waitForCard(page, 'the card to open');
    const center = await page.evaluate(cardCenter);
    if (!center) throw new Error('no card');
    await page.mouse.move(center.x, center.y, { steps: 8 });
    await new Promise((done) => setTimeout(done, HIDE_GRACE_MS * 3));
    expect((await page.evaluate(readCard))?.cardId).toBe('great-firewall');
    await page.mouse.move(2, 2);
    await poll(async () => (await page.evaluate(readCard)) === null, {
      timeout: 2_000,
      message: 'the card to close after the pointer left it',
    });
    await page.close();
  });

  it('the reader page shows the article with the card quote highlighted', async () => {
    const reader = await extension.openExtensionPage('reader.html?card=great-firewall&quote=0');
    const shown = await poll(() => reader.evaluate(readReaderPage), {
      timeout: 5_000,
      message: 'the reader page to render',
    });
    expect(shown.title).toBe(SOURCE_TITLE);
    expect(shown.marks).toEqual([quotesOf('great-firewall')[0]]);
    expect(shown.focused).toBe(true);
    await reader.close();
  });

  it('"Read in context" in the card opens the reader tab at that quote', async () => {
    const page = await openArticle();
    await hover(page, 'lede', 'Great Firewall');
    await waitForCard(page, 'the card to open');
    const target = await page.evaluate(readInContextCenter);
    if (!target) throw new Error('no "Read in context" control');
    const opened = extension.context.waitForEvent('page', { timeout: 5_000 });
    await page.mouse.move(target.x, target.y, { steps: 4 });
    await page.mouse.click(target.x, target.y);
    const reader = await opened;
    await reader.waitForLoadState();
    expect(reader.url()).toBe(extension.extensionUrl('reader.html?card=great-firewall&quote=0'));
    const shown = await poll(() => reader.evaluate(readReaderPage), {
      timeout: 5_000,
      message: 'the reader page to render',
    });
    expect(shown.marks).toEqual([quotesOf('great-firewall')[0]]);
    await reader.close();
    await page.close();
  });

  it('Escape closes the card', async () => {
    const page = await openArticle();
    await hover(page, 'lede', 'Great Firewall');
    await waitForCard(page, 'the card to open');
    await page.keyboard.press('Escape');
    await poll(async () => (await page.evaluate(readCard)) === null, {
      timeout: 2_000,
      message: 'the card to close on Escape',
    });
    await page.close();
  });

  it('shows the card within the budget after the delay, even after the service worker stopped', async () => {
    const page = await openArticle();
    // Let the idle-time prefetch fill the page's card cache, then put the worker to sleep.
    await new Promise((done) => setTimeout(done, 2_500));
    await extension.stopServiceWorker();
    // Two terms: a regression shows in both, a stall of this shared 2-core machine in one.
    const latencies: number[] = [];
    for (const [term, id] of [
      ['YouTube', 'youtube'],
      ['Facebook', 'facebook'],
    ] as const) {
      await page.mouse.move(2, 2);
      await poll(async () => (await page.evaluate(readCard)) === null, {
        timeout: 2_000,
        message: 'the previous card to close',
      });
      await page.evaluate(startStopwatch);
      await hover(page, 'platforms', term);
      const card = await waitForCard(page, `the ${term} card`);
      expect(card.cardId).toBe(id);
      const { move, shown } = await page.evaluate(readStopwatch);
      latencies.push(shown - move - HOVER_DELAY_MS);
    }
    console.info(
      `Chromium: cards shown ${latencies.map((ms) => ms.toFixed(1)).join(' and ')} ms after the hover delay (cold worker)`,
    );
    expect(Math.min(...latencies)).toBeLessThan(SHOW_BUDGET_MS);
    await page.close();
  });

  it('"reveal-mention" from an extension page scrolls to a mention and moves focus into its card', async () => {
    const page = await openArticle();
    const popup = await extension.openExtensionPage('popup.html');
    await page.bringToFront();
    const reply = await popup.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          tabs: {
            query(q: object): Promise<{ id?: number }[]>;
            sendMessage(tabId: number, message: unknown): Promise<unknown>;
          };
        };
      };
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) return 'no active tab';
      return chrome.tabs.sendMessage(tab.id, { type: 'reveal-mention', direction: 'next' });
    });
    expect(reply).toEqual({ ok: true, value: { revealed: true } });
    const card = await waitForCard(page, 'the revealed card');
    expect(card.cardId).not.toBeNull();
    await poll(async () => (await page.evaluate(readCard))?.focusedInside, {
      timeout: 2_000,
      message: 'focus to move into the revealed card',
    });
    await page.keyboard.press('Escape');
    await poll(async () => (await page.evaluate(readCard)) === null, {
      timeout: 2_000,
      message: 'the revealed card to close on Escape',
    });
    await popup.close();
    await page.close();
  });

  it("a page stylesheet forcing every p, span and div to 31px leaves the card's type alone", async () => {
    const page = await openArticle();
    await hover(page, 'lede', 'Great Firewall');
    const before = await waitForCard(page, 'the card before the page style');
    await page.keyboard.press('Escape');
    await page.addStyleTag({ content: 'p, span, div { font-size: 31px !important; }' });
    await page.mouse.move(2, 2);
    await hover(page, 'lede', 'Great Firewall');
    const after = await waitForCard(page, 'the card after the page style');
    expect(after.summaryFontSize).toBe(before.summaryFontSize);
    expect(after.rootFontSize).toBe(before.rootFontSize);
    expect(after.summaryFontSize).toBe('14px');
    await page.close();
  });

  it('the card keeps its styles on a page whose CSP forbids style elements', async () => {
    const page = await openArticle();
    await page.evaluate(forbidPageStyles);
    expect(await page.evaluate(pageStyleElementsBlocked)).toBe(true);
    await hover(page, 'lede', 'Great Firewall');
    const card = await waitForCard(page, 'the card under a strict CSP');
    expect(card.summaryFontSize).toBe('14px');
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe-core finds no accessibility violations in the card (${colorScheme})`, async () => {
      const page = await openArticle();
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await hover(page, 'lede', 'Great Firewall');
      await waitForCard(page, 'the card to check');
      await page.addScriptTag({ path: AXE_PATH });
      expect(await page.evaluate(axeViolationsInCard)).toEqual([]);
      await page.close();
    });
  }
});
