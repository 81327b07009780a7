import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOW_BUDGET_MS } from '../../utils/card-timing';
import {
  AXE_PATH,
  axeViolationsInCard,
  cardSummarySpacing,
  forbidPageStyles,
  HOVER_DELAY_MS,
  pageStyleElementsBlocked,
  pointOnText,
  quotesOf,
  readCard,
  readStopwatch,
  SOURCE_TITLE,
  startStopwatch,
} from './cards.expectations';
import { type FirefoxExtension, launchFirefox, poll } from './harness/firefox';
import { waitForMarks } from './harness/foundation-expectations';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import { type StaticServer, startStaticServer } from './harness/static-server';

describe('context cards in Firefox ESR', () => {
  let extension: FirefoxExtension;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    extension = await launchFirefox();
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  async function openArticle(): Promise<Page> {
    const page = await extension.openPage(`${server.origin}/article.html`);
    await waitForMarks(page);
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

  const waitForNoCard = (page: Page, message: string) =>
    poll(async () => (await page.evaluate(readCard)) === null, { timeout: 2_000, message });

  it('resting the pointer on "Great Firewall" opens its card with a verbatim quote and source', async () => {
    const page = await openArticle();
    await page.evaluate(startStopwatch);
    await hover(page, 'lede', 'Great Firewall');
    const card = await waitForCard(page, 'the Great Firewall card');
    expect(card.cardId).toBe('great-firewall');
    expect(card.label).toBe('Great Firewall');
    expect(card.labelledBy).toContain('Great Firewall');
    expect(card.category).toMatch(/censorship system/i);
    expect(quotesOf('great-firewall')).toContain(card.quote);
    expect(card.cite).toBe(SOURCE_TITLE);
    const { move, shown } = await page.evaluate(readStopwatch);
    const latency = shown - move - HOVER_DELAY_MS;
    console.info(`Firefox: card shown ${latency.toFixed(1)} ms after the hover delay`);
    expect(latency).toBeLessThan(SHOW_BUDGET_MS);
    await page.close();
  });

  it('Escape closes the card', async () => {
    const page = await openArticle();
    await hover(page, 'lede', 'Great Firewall');
    await waitForCard(page, 'the card to open');
    await page.keyboard.press('Escape');
    await waitForNoCard(page, 'the card to close on Escape');
    await page.close();
  });

  it('"reveal-mention" from an extension page scrolls to a mention and moves focus into its card', async () => {
    const page = await openArticle();
    const popup = await extension.openExtensionPage('popup.html');
    await page.bringToFront();
    const reply = await popup.evaluate(async () => {
      const { browser } = globalThis as unknown as {
        browser: {
          tabs: {
            query(q: object): Promise<{ id?: number; url?: string }[]>;
            sendMessage(tabId: number, message: unknown): Promise<unknown>;
          };
        };
      };
      const tabs = await browser.tabs.query({});
      const tab = tabs.find((candidate) => candidate.url?.endsWith('/article.html'));
      if (tab?.id === undefined) return 'no article tab';
      return browser.tabs.sendMessage(tab.id, { type: 'reveal-mention', direction: 'next' });
    });
    expect(reply).toEqual({ ok: true, value: { revealed: true } });
    await waitForCard(page, 'the revealed card');
    await poll(async () => (await page.evaluate(readCard))?.focusedInside, {
      timeout: 2_000,
      message: 'focus to move into the revealed card',
    });
    await page.keyboard.press('Escape');
    await waitForNoCard(page, 'the revealed card to close on Escape');
    await popup.close();
    await page.close();
  });

  it("a page stylesheet forcing every p, span and div to 31px leaves the card's type alone", async () => {
    const page = await openArticle();
    await page.addStyleTag({
      content:
        'p, span, div { font-size: 31px !important; } * { line-height: 3 !important; letter-spacing: 4px !important; }',
    });
    await hover(page, 'lede', 'Great Firewall');
    const card = await waitForCard(page, 'the card after the page style');
    expect(card.summaryFontSize).toBe('14px');
    expect(card.rootFontSize).toBe('14px');
    expect(await page.evaluate(cardSummarySpacing)).toEqual({
      lineHeight: '21px',
      letterSpacing: 'normal',
    });
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

  it('axe-core finds no accessibility violations in the card', async () => {
    const page = await openArticle();
    await hover(page, 'lede', 'Great Firewall');
    await waitForCard(page, 'the card to check');
    // Past the entrance fade: axe measures contrast on what is painted.
    await new Promise((done) => setTimeout(done, 300));
    await page.addScriptTag({ path: AXE_PATH });
    expect(await page.evaluate(axeViolationsInCard)).toEqual([]);
    await page.close();
  });
});
