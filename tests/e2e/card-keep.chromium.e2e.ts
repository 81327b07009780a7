import type { CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cardKeepTests, pinButton } from './card-keep.expectations';
import { place, readCardBox, settledCard, waitForCardToClose } from './card-placement.expectations';
import { launchChromiumSession } from './harness/chromium';
import type { Box } from './harness/points-on-page';
import { poll } from './harness/poll';

describe('the card a reader can keep, in Chromium', () => {
  const { browser, open } = cardKeepTests(launchChromiumSession, {
    widths: [1100, 400],
    // Observed: the test's Chromium (a fresh profile, --load-extension) reports every command
    // without a key; the list and its "Not set" are checked, the keys only in Firefox.
    suggestedKeysAssigned: false,
    resize: (page, size) => page.raw.setViewportSize(size),
  });

  // Chromium only: the clipboard is read back with a permission granted over CDP.
  it('"Copy quote" puts the quote and its source line on the clipboard as text and as HTML with a link', async () => {
    const page = await open('card-placement.html');
    const cdp: CDPSession = await browser().session.extension.context.newCDPSession(page.raw);
    await cdp.send('Browser.grantPermissions', {
      origin: new URL(page.raw.url()).origin,
      permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'],
    });
    const at = await place(page, 'lede', 'VPN');
    await page.click(at.x, at.y);
    await settledCard(page, 'the pinned VPN card');
    const button = await page.evaluate(() => {
      const root = document.querySelector('firewall-lens-ui')?.shadowRoot;
      const copy = root?.querySelector('.fl-card__copy')?.getBoundingClientRect();
      const quote = root?.querySelector('blockquote')?.textContent ?? '';
      return copy && { x: (copy.left + copy.right) / 2, y: (copy.top + copy.bottom) / 2, quote };
    });
    expect(button).toBeTruthy();
    if (!button) return;
    await page.mouseMove(button.x, button.y, { steps: 4 });
    await page.click(button.x, button.y);
    await poll(
      () =>
        page.evaluate(
          () =>
            document
              .querySelector('firewall-lens-ui')
              ?.shadowRoot?.querySelector('.fl-card__copied')?.textContent === 'Copied',
        ),
      { timeout: 3_000, message: 'the card to say "Copied"' },
    );
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item) return null;
      const read = async (type: string) =>
        item.types.includes(type) ? (await item.getType(type)).text() : null;
      return { text: await read('text/plain'), html: await read('text/html') };
    });
    expect(copied?.text).toBe(
      `“${button.quote.trim()}”\n— Second World Internet Conference Concludes`,
    );
    expect(copied?.html).toContain(`<a href="${page.raw.url()}">`);
    expect(copied?.html).toContain('<cite>Second World Internet Conference Concludes</cite>');
    await page.close();
  });

  // Chromium only: touch is emulated and sent over CDP, which Firefox's BiDi connection lacks.
  describe('with touch', () => {
    async function touchPage(file: string) {
      const page = await open(file);
      const cdp: CDPSession = await browser().session.extension.context.newCDPSession(page.raw);
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
      const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x?: number, y?: number) =>
        cdp.send('Input.dispatchTouchEvent', {
          type,
          touchPoints: x === undefined || y === undefined ? [] : [{ x, y }],
        });
      return { page, touch };
    }

    it('a tap opens and pins the card, a second tap elsewhere closes it', async () => {
      const { page, touch } = await touchPage('card-placement.html');
      const at = await place(page, 'lede', 'VPN');
      await touch('touchStart', at.x, at.y);
      await touch('touchEnd');
      const card = await settledCard(page, 'the card after a tap');
      expect(card.cardId).toBe('vpn');
      expect((await page.evaluate(pinButton))?.pressed).toBe('true');
      await new Promise((done) => setTimeout(done, 1_000));
      expect((await page.evaluate(readCardBox, null))?.cardId).toBe('vpn');
      const line = at.lines[0] as Box;
      await touch('touchStart', line.left, Math.max(card.bottom, line.bottom) + 40);
      await touch('touchEnd');
      await waitForCardToClose(page, 'a tap elsewhere to close the card');
      await page.close();
    });

    it('a scroll that starts and ends on marks never opens a card', async () => {
      const { page, touch } = await touchPage('card-placement.html');
      const at = await place(page, 'lede', 'VPN');
      await touch('touchStart', at.x, at.y);
      for (let step = 1; step <= 8; step += 1) await touch('touchMove', at.x, at.y - step * 12);
      await touch('touchEnd');
      const scrolled = await page.evaluate(() => window.scrollY);
      await new Promise((done) => setTimeout(done, 800));
      expect(await page.evaluate(readCardBox, null)).toBeNull();
      // The gesture scrolled the page, as a reader's finger would.
      expect(scrolled).toBeGreaterThan(0);
      await page.close();
    });
  });
});
