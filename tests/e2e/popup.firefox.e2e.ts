import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { type FirefoxExtension, launchFirefox, poll } from './harness/firefox';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import { firefoxTab, type PopupEnv, popupTests, settledMarks } from './harness/settings-steps';
import { type StaticServer, startStaticServer } from './harness/static-server';

/** Runs in the popup: reloads it, leaving no trace of the old document to mistake for the new. */
function reloadPage(): void {
  (window as unknown as { __beforeReload?: boolean }).__beforeReload = true;
  setTimeout(() => location.reload(), 0);
}

function reloadedOverTheArticle(): boolean {
  return (
    !(window as unknown as { __beforeReload?: boolean }).__beforeReload &&
    document.readyState === 'complete' &&
    // The site switch appears once the popup has found its tab and the tab has answered.
    document.querySelector('[role="switch"]') !== null
  );
}

describe('the toolbar popup over an article, in Firefox ESR', () => {
  let extension: FirefoxExtension;
  let server: StaticServer;
  let env: PopupEnv;
  let articlePage: Page;

  /**
   * popup.html in a tab that loads while the article is the window's active tab. Puppeteer's
   * `reload` may never resolve on an extension page in Firefox ESR, like `goto`; reload from inside.
   */
  async function openPopupPage(): Promise<Page> {
    const popup = await extension.openExtensionPage('popup.html');
    await articlePage.bringToFront();
    await popup.evaluate(reloadPage);
    await poll(() => popup.evaluate(reloadedOverTheArticle), {
      timeout: 10_000,
      message: 'the popup to load again behind the article',
    });
    // It has found its tab; in front it runs at full speed (background tabs' timers are throttled).
    await popup.bringToFront();
    return popup;
  }

  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    extension = await launchFirefox();
    articlePage = await extension.openPage(`${server.origin}/article.html`);
    const article = firefoxTab(articlePage);
    const control = firefoxTab(await extension.openExtensionPage('options.html'));
    const baseline = await settledMarks(article);
    env = {
      article,
      baseline,
      control,
      popupCanCloseItself: false,
      async openPopup() {
        const popup = await openPopupPage();
        return {
          popup: firefoxTab(popup),
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
});
