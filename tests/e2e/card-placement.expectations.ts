/**
 * Where the card sits, as both browsers must place it: the shared suite (`cardPlacementTests`),
 * the steps it is made of, functions that run inside the fixture pages (each self-contained, since
 * the driver sends its source text) and the geometry the card must keep.
 * `card-placement.<browser>.e2e.ts` launch the browser and call `cardPlacementTests`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../common/settings';
import { CARD_GAP_PX, VIEWPORT_PADDING_PX } from '../../entrypoints/content/card/card-layout';
import {
  type BrowserSession,
  browserForSuite,
  type PageOf,
  type SuiteBrowser,
} from './harness/browser-session';
import { waitForMarks } from './harness/foundation-expectations';
import type { PageDriver } from './harness/page-driver';
import { type Box, pointOnText, type TextScroll } from './harness/points-on-page';
import { poll } from './harness/poll';
import { clickControl, resetSettings } from './harness/settings-steps';

export type { Box } from './harness/points-on-page';

export interface TextSpec {
  elementId: string;
  text: string;
}

export interface PlacedText extends TextSpec {
  /** The line boxes of the text, in viewport coordinates. */
  lines: Box[];
  /** The middle of the line the pointer goes to. */
  x: number;
  y: number;
}
export interface CardBox extends Box {
  cardId: string | null;
  /** The line boxes of the text the card was asked about, measured with the card. */
  lines: Box[];
  /** The card's own writing direction. */
  direction: string;
  /** `tag#id` of the host's parent: `html`, or the fullscreen element. */
  hostParent: string;
  /** Whether the page's hit testing at the card's middle reaches our host (it is visible). */
  onTop: boolean;
  /** Whether the card's whole content (quote included) shows without scrolling inside it. */
  quoteVisible: boolean;
  viewportWidth: number;
  viewportHeight: number;
}

/**
 * Runs in the page: where the open card is (outside stealth its shadow root is open), or null;
 * with the line boxes of `about` measured at the same moment, so a late layout shift (a web font
 * arriving) cannot make the card and its mark disagree.
 */
export function readCardBox(about: TextSpec | null): CardBox | null {
  const host = document.querySelector('firewall-lens-ui');
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
  if (!host || !dialog) return null;
  const lines: Box[] = [];
  const root = about && document.getElementById(about.elementId);
  if (about && root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && lines.length === 0; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(about.text);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + about.text.length);
      for (const rect of range.getClientRects()) {
        if (rect.width > 0 && rect.height > 0) {
          lines.push({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
        }
      }
    }
  }
  const rect = dialog.getBoundingClientRect();
  const parent = host.parentElement;
  const quote = dialog.querySelector('blockquote')?.getBoundingClientRect();
  return {
    cardId: dialog.getAttribute('data-card-id'),
    lines,
    left: rect.left,
    top: rect.top,
    right: rect.right,
    bottom: rect.bottom,
    direction: getComputedStyle(dialog).direction,
    hostParent: parent ? `${parent.localName}${parent.id ? `#${parent.id}` : ''}` : '',
    onTop:
      document.elementFromPoint((rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2) ===
      host,
    quoteVisible:
      quote !== undefined && dialog.scrollTop === 0 && quote.bottom <= rect.bottom + 0.5,
    viewportWidth: document.documentElement.clientWidth,
    viewportHeight: document.documentElement.clientHeight,
  };
}

/** The card lies wholly inside the viewport. */
export function expectInsideViewport(card: CardBox): void {
  expect(card.left, 'card left edge').toBeGreaterThanOrEqual(0);
  expect(card.top, 'card top edge').toBeGreaterThanOrEqual(0);
  expect(card.right, 'card right edge').toBeLessThanOrEqual(card.viewportWidth);
  expect(card.bottom, 'card bottom edge').toBeLessThanOrEqual(card.viewportHeight);
}

/**
 * How far the card's edge keeps from its line where the window has room: one more line (the
 * line just above or below stays readable) and the gap (card-layout.ts).
 */
export function clearance(line: Box): number {
  return line.bottom - line.top + CARD_GAP_PX;
}

/** Where the top of a card below `line` is. */
export const topBelow = (line: Box) => line.bottom + clearance(line);

/** The card sits below or above the line it explains, the next line left clear, not covering it. */
export function expectBesideLine(card: Box, line: Box): void {
  const where = `card ${JSON.stringify(card)}, mark ${JSON.stringify(line)}`;
  const below = Math.abs(card.top - topBelow(line)) < 1;
  const above = Math.abs(card.bottom - (line.top - clearance(line))) < 1;
  expect(below || above, `the card is not beside its line: ${where}`).toBe(true);
  const overlaps =
    card.left < line.right &&
    line.left < card.right &&
    card.top < line.bottom &&
    line.top < card.bottom;
  expect(overlaps, `the card covers its mark: ${where}`).toBe(false);
}

/** Scrolls `text` inside `#elementId` as `scroll` says; the pointer goes to line `line`. */
export async function place(
  page: PageDriver,
  elementId: string,
  text: string,
  scroll: Exclude<TextScroll, 'element'> = 'center',
  line = 0,
): Promise<PlacedText> {
  const point = await page.evaluate(pointOnText, { elementId, text, scroll, line });
  if (!point) throw new Error(`"${text}" not found in #${elementId}`);
  return { elementId, text, ...point };
}

/** The open card once floating-ui has placed it: three equal reads in a row. */
export async function settledCard(
  page: PageDriver,
  message: string,
  about?: TextSpec,
): Promise<CardBox> {
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
export async function hoverCard(
  page: PageDriver,
  at: PlacedText,
  message: string,
): Promise<CardBox> {
  await page.mouseMove(at.x, at.y);
  return settledCard(page, message, at);
}

export async function waitForCardToClose(page: PageDriver, message: string): Promise<void> {
  await poll(async () => (await page.evaluate(readCardBox, null)) === null, {
    timeout: 3_000,
    message,
  });
}

/**
 * Runs in the page: what its own scripts can see of an extension. `extra`: elements in <html>
 * besides <head> and <body> (where a UI host goes).
 */
export function pageTrace(): {
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

export interface CardPlacementOptions<P extends PageDriver> {
  /** Readies each new tab before the test uses it, e.g. sizes its viewport where the driver can. */
  prepareTab?: (page: P) => Promise<void>;
}

export interface CardPlacementSuite<S extends BrowserSession> {
  browser(): SuiteBrowser<S>;
  /**
   * A fixture page in a new tab with the pointer parked where nothing is marked; unless `marked`
   * is false (stealth mode marks nothing), once its marks are painted.
   */
  open(file: string, options?: { marked?: boolean }): Promise<PageOf<S>>;
}

/**
 * Registers the placement tests in the calling `describe`; returns the browser and `open` for
 * browser-only tests.
 */
export function cardPlacementTests<S extends BrowserSession>(
  launch: () => Promise<S>,
  { prepareTab }: CardPlacementOptions<PageOf<S>> = {},
): CardPlacementSuite<S> {
  const env = browserForSuite(launch);
  const open = async (file: string, { marked = true } = {}): Promise<PageOf<S>> => {
    const { session, origin } = env();
    const page = (await session.openPage(`${origin}/${file}`)) as PageOf<S>;
    await prepareTab?.(page);
    if (marked) await waitForMarks(page);
    await page.mouseMove(2, 2);
    return page;
  };

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
    expect(onSecond.top).toBeCloseTo(topBelow(last), 0);
    expect(onSecond.left).toBeCloseTo(last.left, 0);

    await page.mouseMove(2, 2);
    await waitForCardToClose(page, 'the card to close after the pointer left');
    const onFirst = await hoverCard(
      page,
      { ...second, x: (first.left + first.right) / 2, y: (first.top + first.bottom) / 2 },
      'the card from the first line',
    );
    expect(onFirst.lines).toEqual(second.lines);
    expect(onFirst.top).toBeCloseTo(topBelow(first), 0);
    await page.close();
  });

  it('stays beside a mark in a fixed bar while the page scrolls under it', async () => {
    const page = await open('card-placement.html');
    await page.evaluate(() => window.scrollTo({ top: 300, behavior: 'instant' }));
    const at = await place(page, 'live-strip', 'Twitter', 'keep');
    const card = await hoverCard(page, at, 'the card in the fixed bar');
    const line = card.lines[0] as Box;
    expect(card.top).toBeCloseTo(topBelow(line), 0);
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
    expect(card.top).toBeCloseTo(topBelow(card.lines[0] as Box), 0);
    await page.evaluate(() => window.scrollBy({ top: 150, behavior: 'instant' }));
    await new Promise((done) => setTimeout(done, 150));
    const after = await settledCard(page, 'the card after scrolling');
    expect(after.top).toBeCloseTo(card.top, 0);
    await page.close();
  });

  it('follows the page into a fullscreen element and stays visible there', async () => {
    const page = await open('card-placement.html');
    await clickControl(page, 'button', 'Full screen');
    await poll(() => page.evaluate(() => document.fullscreenElement?.id === 'stage'), {
      timeout: 3_000,
      message: 'the stage to go fullscreen',
    });
    await page.mouseMove(2, 2);
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

  it("on a right-to-left page aligns the card to the mark's right edge, keeps it inside the viewport and left-to-right", async () => {
    const page = await open('card-rtl.html');
    const at = await place(page, 'platforms', 'YouTube');
    const card = await hoverCard(page, at, 'the YouTube card on the Arabic page');
    const line = card.lines[0] as Box;
    expect(card.direction).toBe('ltr');
    expect(card.right).toBeCloseTo(line.right, 0);
    expectInsideViewport(card);
    expectBesideLine(card, line);

    await page.mouseMove(2, 2);
    await waitForCardToClose(page, 'the first card to close');
    const edge = await place(page, 'left-edge', 'YouTube');
    const shifted = await hoverCard(page, edge, 'the card at the left edge');
    expectInsideViewport(shifted);
    expect(shifted.left).toBeCloseTo(VIEWPORT_PADDING_PX, 0);
    expectBesideLine(shifted, shifted.lines[0] as Box);
    await page.close();
  });

  describe('in stealth mode', () => {
    afterAll(async () => {
      const control = await env().session.openExtensionPage('popup.html');
      await resetSettings(control);
      await control.close();
    });

    it('leaves no element and no highlight in the page once the card has closed', async () => {
      const control = await env().session.openExtensionPage('popup.html');
      await resetSettings(control, { ...defaultSettings(), stealth: true });
      await control.close();
      const page = await open('card-placement.html', { marked: false });
      const before = await page.evaluate(pageTrace);
      expect(before.highlights).toBe(0);
      expect(before.extra).toEqual([]);

      const at = await place(page, 'lede', 'VPN');
      await page.keyDown('Alt');
      const opened = await poll(
        async () => {
          // The content script may still be starting: keep moving until a card answers.
          await page.mouseMove(at.x, at.y);
          await page.mouseMove(at.x + 1, at.y);
          const trace = await page.evaluate(pageTrace);
          return trace.extra.length > 0 && trace;
        },
        { timeout: 8_000, interval: 400, message: 'a card while Alt is held over "VPN"' },
      );
      // One element, not named after the extension, its shadow root closed to the page.
      expect(opened.extra).toHaveLength(1);
      expect(opened.extra[0]?.name).not.toMatch(/firewall|lens/i);
      expect(opened.extra[0]?.shadowReadable).toBe(false);

      await page.keyPress('Escape');
      await page.keyUp('Alt');
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

  return { browser: env, open };
}
