/**
 * Context cards as both browsers must show them: the shared suite (`cardTests`), the steps it is
 * made of, functions that run inside the fixture page (each self-contained, since the driver sends
 * its source text) and the facts the cards must show. `cards.<browser>.e2e.ts` launch the browser
 * and call `cardTests`.
 */
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import type { Glossary } from '../../common/glossary-types';
import { defaultSettings } from '../../common/settings';
import glossaryJson from '../../data/glossary.json';
import {
  type BrowserSession,
  browserForSuite,
  type PageOf,
  type SuiteBrowser,
} from './harness/browser-session';
import { sendToTabInExtensionPage, tabIdOf } from './harness/extension-pages';
import { waitForMarks } from './harness/foundation-expectations';
import type { PageDriver } from './harness/page-driver';
import { REPO_ROOT } from './harness/paths';
import { type Point, pointOnText } from './harness/points-on-page';
import { poll } from './harness/poll';

/**
 * The budget between the show delay ending and the card being on screen. Above about 100 ms a
 * response stops feeling immediate (the RAIL model's response budget); cards are prefetched and
 * cached per page so that waking a stopped service worker never lands inside this budget.
 */
export const SHOW_BUDGET_MS = 100;

const glossary = glossaryJson as Glossary;

export const AXE_PATH = resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
export const SOURCE_TITLE = 'Second World Internet Conference Concludes';
/** The settings' default show delay; the fixture profile keeps the defaults. */
export const HOVER_DELAY_MS = defaultSettings().hoverDelayMs;

export function quotesOf(id: string): string[] {
  return glossary.entries.find((entry) => entry.id === id)?.quotes.map((quote) => quote.text) ?? [];
}

export interface CardSnapshot {
  cardId: string | null;
  label: string;
  labelledBy: string;
  category: string;
  quote: string;
  cite: string;
  related: string[];
  summaryFontSize: string;
  rootFontSize: string;
  focusedInside: boolean;
  hostStyle: string;
}

/** The open inline card as the page could read it through the (open) shadow root, or null. */
export function readCard(): CardSnapshot | null {
  const host = document.querySelector('firewall-lens-ui');
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
  if (!host || !dialog) return null;
  const text = (selector: string) => dialog.querySelector(selector)?.textContent?.trim() ?? '';
  const labelledBy = dialog.getAttribute('aria-labelledby') ?? '';
  return {
    cardId: dialog.getAttribute('data-card-id'),
    label: text('.fl-card__label'),
    labelledBy: host.shadowRoot?.getElementById(labelledBy)?.textContent ?? '',
    category: text('.fl-card__category'),
    quote: text('blockquote'),
    cite: text('cite'),
    related: [...dialog.querySelectorAll('.fl-card__related button')].map(
      (button) => button.textContent ?? '',
    ),
    summaryFontSize: getComputedStyle(dialog.querySelector('.fl-card__summary') as Element)
      .fontSize,
    rootFontSize: getComputedStyle(dialog).fontSize,
    focusedInside: document.activeElement === host && host.shadowRoot?.activeElement !== null,
    hostStyle: host.getAttribute('style') ?? '',
  };
}

/**
 * Starts a stopwatch in the page: the time of the last pointer move, and the first animation
 * frame in which a card is in the DOM. Read it with `readStopwatch`.
 */
export function startStopwatch(): void {
  const state = { move: 0, shown: 0 };
  (window as unknown as { __cardStopwatch: typeof state }).__cardStopwatch = state;
  document.addEventListener(
    'pointermove',
    () => {
      state.move = performance.now();
    },
    { capture: true },
  );
  const tick = () => {
    const dialog = document
      .querySelector('firewall-lens-ui')
      ?.shadowRoot?.querySelector('[role="dialog"]');
    if (dialog) state.shown = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export function readStopwatch(): { move: number; shown: number } {
  return (window as unknown as { __cardStopwatch: { move: number; shown: number } })
    .__cardStopwatch;
}

/** Runs axe-core (injected by the test) on the card's shadow tree only. */
export async function axeViolationsInCard(): Promise<
  { id: string; impact: string; nodes: number }[]
> {
  const axe = (
    window as unknown as {
      axe: {
        run(
          context: unknown,
          options: unknown,
        ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
      };
    }
  ).axe;
  const results = await axe.run(
    { include: [['firewall-lens-ui']] },
    { resultTypes: ['violations'] },
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.length,
  }));
}

/**
 * Gives the page a strict style CSP from now on, as many news sites have: a `<style>` element
 * added to the page (or to a shadow root in it) would be ignored.
 */
export function forbidPageStyles(): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "style-src 'none'";
  document.head.append(meta);
}

/** Whether the page's CSP now blocks a `<style>` element (proves `forbidPageStyles` took hold). */
export function pageStyleElementsBlocked(): boolean {
  const probe = document.createElement('p');
  probe.id = 'csp-probe';
  document.body.append(probe);
  const style = document.createElement('style');
  style.textContent = '#csp-probe { outline-width: 7px; outline-style: solid; }';
  document.head.append(style);
  const blocked = getComputedStyle(probe).outlineWidth !== '7px';
  style.remove();
  probe.remove();
  return blocked;
}

/** Computed spacing of the card's summary, to check page rules aimed at every element miss it. */
export function cardSummarySpacing(): { lineHeight: string; letterSpacing: string } | null {
  const summary = document
    .querySelector('firewall-lens-ui')
    ?.shadowRoot?.querySelector('.fl-card__summary');
  if (!summary) return null;
  const style = getComputedStyle(summary);
  return { lineHeight: style.lineHeight, letterSpacing: style.letterSpacing };
}

/** The middle of the open card, for moving the pointer into it. */
export function cardCenter(): Point | null {
  const dialog = document
    .querySelector('firewall-lens-ui')
    ?.shadowRoot?.querySelector('[role="dialog"]');
  if (!dialog) return null;
  const rect = dialog.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** What the reader page highlighted, once it has rendered. */
export function readReaderPage(): { marks: string[]; title: string; focused: boolean } | null {
  const article = document.querySelector('article');
  if (!article) return null;
  const marks = [...document.querySelectorAll('mark')];
  return {
    marks: marks.map((mark) => mark.textContent ?? ''),
    title: document.querySelector('h1')?.textContent ?? '',
    focused: marks.length > 0 && document.activeElement === marks[0],
  };
}

/** The middle of the card's "Read in context" control, scrolled into view inside the card. */
export function readInContextCenter(): Point | null {
  const button = document
    .querySelector('firewall-lens-ui')
    ?.shadowRoot?.querySelector('.fl-card__reader');
  if (!button) return null;
  // A long card scrolls inside its own capped height.
  button.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  const rect = button.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** The fixture article in a new tab, marked, with the pointer parked where nothing is marked. */
export async function openArticle<P extends PageDriver>({
  session,
  origin,
}: SuiteBrowser<BrowserSession<P>>): Promise<P> {
  const page = await session.openPage(`${origin}/article.html`);
  await waitForMarks(page);
  await page.mouseMove(2, 2);
  return page;
}

/** Rests the pointer on the first `text` inside `#elementId`. */
export async function hover(page: PageDriver, elementId: string, text: string): Promise<void> {
  const point = await page.evaluate(pointOnText, { elementId, text });
  if (!point) throw new Error(`"${text}" not found in #${elementId}`);
  await page.mouseMove(point.x, point.y);
}

export function waitForCard(page: PageDriver, message: string): Promise<CardSnapshot> {
  return poll(() => page.evaluate(readCard), { timeout: 5_000, message });
}

export async function waitForNoCard(page: PageDriver, message: string): Promise<void> {
  await poll(async () => (await page.evaluate(readCard)) === null, { timeout: 2_000, message });
}

/** After `startStopwatch` and a hover: ms from the show delay's end to the card on screen. */
export async function showLatency(page: PageDriver): Promise<number> {
  const { move, shown } = await page.evaluate(readStopwatch);
  return shown - move - HOVER_DELAY_MS;
}

export interface CardTestOptions<P extends PageDriver> {
  /**
   * Whether the first card must show within `SHOW_BUDGET_MS` with the background awake. Where the
   * test can stop the background (Chromium's service worker), the budget is checked cold instead,
   * the harder case, over two terms (see cards.chromium.e2e.ts).
   */
  checkWarmShowBudget: boolean;
  /**
   * Puts the page in a color scheme with reduced motion, so axe checks the card in light and dark;
   * where the driver cannot emulate media, axe checks the card as the browser shows it.
   */
  emulateColorScheme?: (page: P, colorScheme: 'light' | 'dark') => Promise<void>;
}

/** Registers the card tests in the calling `describe`; returns the browser for browser-only tests. */
export function cardTests<S extends BrowserSession>(
  launch: () => Promise<S>,
  { checkWarmShowBudget, emulateColorScheme }: CardTestOptions<PageOf<S>>,
): () => SuiteBrowser<S> {
  const env = browserForSuite(launch);

  it('resting the pointer on "Great Firewall" opens its card with a verbatim quote and source', async () => {
    const page = await openArticle(env());
    await page.evaluate(startStopwatch);
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
    const latency = await showLatency(page);
    console.info(
      `${env().session.name}: card shown ${latency.toFixed(1)} ms after the hover delay`,
    );
    if (checkWarmShowBudget) {
      // A second term as well: a regression shows in both, a stall of a shared 2-core machine in one.
      await page.mouseMove(2, 2);
      await waitForNoCard(page, 'the first card to close');
      await page.evaluate(startStopwatch);
      await hover(page, 'platforms', 'YouTube');
      expect((await waitForCard(page, 'the YouTube card')).cardId).toBe('youtube');
      expect(Math.min(latency, await showLatency(page))).toBeLessThan(SHOW_BUDGET_MS);
    }
    await page.close();
  });

  it('Escape closes the card', async () => {
    const page = await openArticle(env());
    await hover(page, 'lede', 'Great Firewall');
    await waitForCard(page, 'the card to open');
    await page.keyPress('Escape');
    await waitForNoCard(page, 'the card to close on Escape');
    await page.close();
  });

  it('"reveal-mention" from an extension page opens a mention\'s card and moves focus into it', async () => {
    const page = await openArticle(env());
    const popup = await env().session.openExtensionPage('popup.html');
    const tabId = await tabIdOf(page, popup);
    const reply = await popup.evaluate(sendToTabInExtensionPage, {
      tabId,
      message: { type: 'reveal-mention', direction: 'next' },
    });
    expect(reply).toEqual({ ok: true, value: { revealed: true } });
    const card = await waitForCard(page, 'the revealed card');
    expect(card.cardId).not.toBeNull();
    await poll(async () => (await page.evaluate(readCard))?.focusedInside, {
      timeout: 2_000,
      message: 'focus to move into the revealed card',
    });
    await page.keyPress('Escape');
    await waitForNoCard(page, 'the revealed card to close on Escape');
    await popup.close();
    await page.close();
  });

  it("a page stylesheet forcing every p, span and div to 31px leaves the card's type alone", async () => {
    const page = await openArticle(env());
    await hover(page, 'lede', 'Great Firewall');
    const before = await waitForCard(page, 'the card before the page style');
    await page.keyPress('Escape');
    await waitForNoCard(page, 'the first card to close');
    await page.addStyleTag(
      'p, span, div { font-size: 31px !important; } * { line-height: 3 !important; letter-spacing: 4px !important; }',
    );
    await page.mouseMove(2, 2);
    await hover(page, 'lede', 'Great Firewall');
    const after = await waitForCard(page, 'the card after the page style');
    expect(after.summaryFontSize).toBe(before.summaryFontSize);
    expect(after.rootFontSize).toBe(before.rootFontSize);
    expect(after.summaryFontSize).toBe('14px');
    expect(after.rootFontSize).toBe('14px');
    expect(await page.evaluate(cardSummarySpacing)).toEqual({
      lineHeight: '21px',
      letterSpacing: 'normal',
    });
    await page.close();
  });

  it('the card keeps its styles on a page whose CSP forbids style elements', async () => {
    const page = await openArticle(env());
    await page.evaluate(forbidPageStyles);
    expect(await page.evaluate(pageStyleElementsBlocked)).toBe(true);
    await hover(page, 'lede', 'Great Firewall');
    const card = await waitForCard(page, 'the card under a strict CSP');
    expect(card.summaryFontSize).toBe('14px');
    await page.close();
  });

  const axeRuns = emulateColorScheme ? (['light', 'dark'] as const) : [undefined];
  for (const colorScheme of axeRuns) {
    const shown = colorScheme ? ` (${colorScheme})` : '';
    it(`axe-core finds no accessibility violations in the card${shown}`, async () => {
      // S's own page type (TypeScript keeps the constraint's inside this generic function).
      const page = (await openArticle(env())) as PageOf<S>;
      if (colorScheme) await emulateColorScheme?.(page, colorScheme);
      await hover(page, 'lede', 'Great Firewall');
      await waitForCard(page, 'the card to check');
      // Past the entrance fade (where motion is not reduced): axe measures contrast on what is painted.
      await new Promise((done) => setTimeout(done, 300));
      await page.addScriptTag(AXE_PATH);
      expect(await page.evaluate(axeViolationsInCard)).toEqual([]);
      await page.close();
    });
  }

  return env;
}
