import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORT_PADDING_PX } from '../../utils/card-placement';
import {
  type Box,
  type CardBox,
  expectBesideLine,
  expectInsideViewport,
  type PlacedText,
  placeText,
  readCardBox,
} from './card-placement.expectations';
import { type FirefoxExtension, launchFirefox, poll } from './harness/firefox';
import { waitForMarks } from './harness/foundation-expectations';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import { type StaticServer, startStaticServer } from './harness/static-server';

describe('card placement in Firefox ESR', () => {
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

  async function open(file: string): Promise<Page> {
    const page = await extension.openPage(`${server.origin}/${file}`);
    await waitForMarks(page);
    await page.mouse.move(2, 2);
    return page;
  }

  async function place(
    page: Page,
    elementId: string,
    text: string,
    where: 'center' | 'bottom' = 'center',
  ): Promise<PlacedText> {
    const placed = await page.evaluate(placeText, { elementId, text, place: where });
    if (!placed) throw new Error(`"${text}" not found in #${elementId}`);
    return placed;
  }

  /**
   * Rests the pointer on the text; returns the card once floating-ui has placed it (three equal
   * reads in a row), with the text's lines measured alongside (`card.lines`).
   */
  async function hoverCard(page: Page, at: PlacedText, message: string): Promise<CardBox> {
    await page.mouse.move(at.x, at.y);
    const reads: string[] = [];
    return poll(
      async () => {
        const box = await page.evaluate(readCardBox, at);
        reads.push(JSON.stringify(box));
        const settled = box !== null && reads.slice(-3).every((read) => read === reads.at(-1));
        return reads.length >= 3 && settled && box;
      },
      { timeout: 5_000, interval: 50, message },
    );
  }

  it('flips above a mark near the bottom edge, inside the viewport', async () => {
    const page = await open('card-placement.html');
    const at = await place(page, 'bottom-text', 'Great Firewall', 'bottom');
    const card = await hoverCard(page, at, 'the card near the bottom edge');
    const line = card.lines[0] as Box;
    expectInsideViewport(card);
    expect(card.bottom).toBeLessThanOrEqual(line.top);
    expectBesideLine(card, line);
    await page.close();
  });

  it('shifts left from a mark at the right edge, staying beside it', async () => {
    const page = await open('card-placement.html');
    const at = await place(page, 'right-edge', 'YouTube');
    const card = await hoverCard(page, at, 'the card at the right edge');
    const line = card.lines[0] as Box;
    expectInsideViewport(card);
    expect(card.left).toBeLessThan(line.left);
    expect(card.right).toBeCloseTo(card.viewportWidth - VIEWPORT_PADDING_PX, 0);
    expectBesideLine(card, line);
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
    await poll(async () => (await page.evaluate(readCardBox, null)) === null, {
      timeout: 3_000,
      message: 'the first card to close',
    });
    const edge = await place(page, 'left-edge', 'YouTube');
    const shifted = await hoverCard(page, edge, 'the card at the left edge');
    expectInsideViewport(shifted);
    expect(shifted.left).toBeCloseTo(VIEWPORT_PADDING_PX, 0);
    expectBesideLine(shifted, shifted.lines[0] as Box);
    await page.close();
  });
});
