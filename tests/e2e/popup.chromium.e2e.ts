import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChromiumExtension, launchChromium } from './harness/chromium';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import { poll } from './harness/poll';
import {
  ARTICLE_TERMS,
  chromiumTab,
  type PopupEnv,
  popupMentionRows,
  popupTests,
  settledMarks,
} from './harness/settings-steps';
import { type StaticServer, startStaticServer } from './harness/static-server';

describe('the toolbar popup over an article, in Chromium', () => {
  let extension: ChromiumExtension;
  let server: StaticServer;
  let env: PopupEnv;
  let articlePage: Page;

  /** popup.html in a tab that loads while the article is the window's active tab. */
  async function openPopupPage(): Promise<Page> {
    const popup = await extension.openExtensionPage('popup.html');
    await articlePage.bringToFront();
    await popup.reload({ waitUntil: 'load' });
    // The site switch appears once the popup has found its tab and the tab has answered.
    await popup.waitForSelector('[role="switch"]', { timeout: 5_000 });
    // It has found its tab; in front it runs at full speed (background tabs' timers are throttled).
    await popup.bringToFront();
    return popup;
  }

  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    extension = await launchChromium();
    articlePage = await extension.openPage(`${server.origin}/article.html`);
    const article = chromiumTab(articlePage);
    const control = chromiumTab(await extension.openExtensionPage('options.html'));
    const baseline = await settledMarks(article);
    env = {
      article,
      baseline,
      control,
      popupCanCloseItself: true,
      async openPopup() {
        const popup = await openPopupPage();
        return {
          popup: chromiumTab(popup),
          isClosed: () => popup.isClosed(),
          close: async () => {
            if (!popup.isClosed()) await popup.close();
          },
        };
      },
    };
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  popupTests(it, beforeEach, () => env);

  it('names each term button for screen readers with its count ("VPN 4 mentions")', async () => {
    const popup = await openPopupPage();
    await poll(() => popup.evaluate(popupMentionRows), { message: 'the list of terms' });
    // Chromium's own accessibility tree, not a reimplementation of the naming rules.
    const cdp = await extension.context.newCDPSession(popup);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string } }[];
    };
    await cdp.detach();
    const buttonNames = nodes
      .filter((node) => node.role?.value === 'button')
      .map((node) => node.name?.value ?? '');
    for (const [label, count] of ARTICLE_TERMS) {
      expect(buttonNames).toContain(`${label} ${count}`);
    }
    await popup.close();
  });
});
