import { describe, expect, it } from 'vitest';
import {
  HIDE_GRACE_MS,
  PREFETCH_IDLE_TIMEOUT_MS,
} from '../../entrypoints/content/card/card-timing';
import {
  cardCenter,
  cardTests,
  HOVER_DELAY_MS,
  hover,
  openArticle,
  quotesOf,
  readCard,
  readInContextCenter,
  readReaderPage,
  SHOW_BUDGET_MS,
  SOURCE_TITLE,
  showLatency,
  startStopwatch,
  waitForCard,
  waitForNoCard,
} from './cards.expectations';
import { launchChromiumSession } from './harness/chromium';
import { playwrightDriver } from './harness/page-driver';
import { poll } from './harness/poll';

describe('context cards in Chromium', () => {
  const env = cardTests(launchChromiumSession, {
    // Checked cold, with the service worker stopped, below.
    checkWarmShowBudget: false,
    emulateColorScheme: (page, colorScheme) =>
      page.raw.emulateMedia({ colorScheme, reducedMotion: 'reduce' }),
  });

  // Chromium only: Playwright sees every request of the browser context, extension pages included.
  it('reading a card, the popup, the options and the privacy policy sends nothing beyond this machine', async () => {
    const { session, origin } = env();
    const requests: string[] = [];
    const record = (request: { url(): string }) => requests.push(request.url());
    session.extension.context.on('request', record);
    try {
      const page = await openArticle(env());
      await hover(page, 'lede', 'Great Firewall');
      await waitForCard(page, 'the card to open');
      for (const path of [
        'popup.html',
        'options.html',
        'reader.html?card=vpn&quote=0',
        'privacy.html',
      ]) {
        const extensionPage = await session.openExtensionPage(path);
        await new Promise((done) => setTimeout(done, 500));
        await extensionPage.close();
      }
      await page.close();
    } finally {
      session.extension.context.off('request', record);
    }
    const outside = requests.filter(
      (url) => !url.startsWith(`${origin}/`) && !url.startsWith('chrome-extension://'),
    );
    expect(requests.some((url) => url.startsWith('chrome-extension://'))).toBe(true);
    expect(outside).toEqual([]);
  });

  it("the options page's privacy link opens the policy bundled with the extension", async () => {
    const { session } = env();
    const options = await session.openExtensionPage('options.html');
    try {
      const [opened] = await Promise.all([
        session.extension.context.waitForEvent('page'),
        options.raw.click('a[href="/privacy.html"]'),
      ]);
      await opened.waitForSelector('article h1');
      expect(opened.url()).toBe(session.extensionUrl('privacy.html'));
      expect(await opened.textContent('article h1')).toBe('Firewall Lens privacy policy');
      expect(await opened.textContent('article')).toContain('No data leaves your browser');
      await opened.close();
    } finally {
      await options.close();
    }
  });

  // The next four use nothing Chromium-specific but have so far run only here; moving them into
  // `cardTests` adds them to Firefox ESR.
  it('opens nothing when the pointer only passes over a mention', async () => {
    const page = await openArticle(env());
    await hover(page, 'lede', 'Great Firewall');
    await page.mouseMove(2, 400);
    await new Promise((done) => setTimeout(done, HOVER_DELAY_MS * 3));
    expect(await page.evaluate(readCard)).toBeNull();
    await page.close();
  });

  it('the card stays open while the pointer moves from the mention into it', async () => {
    const page = await openArticle(env());
    await hover(page, 'lede', 'Great Firewall');
    await waitForCard(page, 'the card to open');
    const center = await page.evaluate(cardCenter);
    if (!center) throw new Error('no card');
    await page.mouseMove(center.x, center.y, { steps: 8 });
    await new Promise((done) => setTimeout(done, HIDE_GRACE_MS * 3));
    expect((await page.evaluate(readCard))?.cardId).toBe('great-firewall');
    await page.mouseMove(2, 2);
    await waitForNoCard(page, 'the card to close after the pointer left it');
    await page.close();
  });

  it('the reader page shows the article with the card quote highlighted', async () => {
    const reader = await env().session.openExtensionPage('reader.html?card=great-firewall&quote=0');
    const shown = await poll(() => reader.evaluate(readReaderPage), {
      timeout: 5_000,
      message: 'the reader page to render',
    });
    expect(shown.title).toBe(SOURCE_TITLE);
    expect(shown.marks).toEqual([quotesOf('great-firewall')[0]]);
    expect(shown.focused).toBe(true);
    await reader.close();
  });

  // Waits for the tab the card opens through Playwright's context events.
  it('"Read in context" in the card opens the reader tab at that quote', async () => {
    const { session } = env();
    const page = await openArticle(env());
    await hover(page, 'lede', 'Great Firewall');
    await waitForCard(page, 'the card to open');
    const target = await page.evaluate(readInContextCenter);
    if (!target) throw new Error('no "Read in context" control');
    const opened = session.extension.context.waitForEvent('page', { timeout: 5_000 });
    await page.mouseMove(target.x, target.y, { steps: 4 });
    await page.click(target.x, target.y);
    const readerPage = await opened;
    await readerPage.waitForLoadState();
    expect(readerPage.url()).toBe(session.extensionUrl('reader.html?card=great-firewall&quote=0'));
    const reader = playwrightDriver(readerPage);
    const shown = await poll(() => reader.evaluate(readReaderPage), {
      timeout: 5_000,
      message: 'the reader page to render',
    });
    expect(shown.marks).toEqual([quotesOf('great-firewall')[0]]);
    await reader.close();
    await page.close();
  });

  // Chromium only: it stops the MV3 service worker on demand (CDP), as Chromium does when idle.
  it('shows the card within the budget after the delay, even after the service worker stopped', async () => {
    const { session } = env();
    const page = await openArticle(env());
    // Let the idle-time prefetch fill the page's card cache (it runs at the latest after its idle
    // timeout, then one message to the worker), then put the worker to sleep.
    await new Promise((done) => setTimeout(done, PREFETCH_IDLE_TIMEOUT_MS + 1_500));
    await session.extension.stopServiceWorker();
    // Two terms: a regression shows in both, a stall of this shared 2-core machine in one.
    const latencies: number[] = [];
    for (const [term, id] of [
      ['YouTube', 'youtube'],
      ['Facebook', 'facebook'],
    ] as const) {
      await page.mouseMove(2, 2);
      await waitForNoCard(page, 'the previous card to close');
      await page.evaluate(startStopwatch);
      await hover(page, 'platforms', term);
      const card = await waitForCard(page, `the ${term} card`);
      expect(card.cardId).toBe(id);
      latencies.push(await showLatency(page));
    }
    console.info(
      `Chromium: cards shown ${latencies.map((ms) => ms.toFixed(1)).join(' and ')} ms after the hover delay (cold worker)`,
    );
    expect(Math.min(...latencies)).toBeLessThan(SHOW_BUDGET_MS);
    await page.close();
  });
});
