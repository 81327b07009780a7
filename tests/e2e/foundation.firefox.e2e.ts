import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltManifest } from './harness/built-manifest';
import { type FirefoxExtension, launchFirefox, poll, sendMessageFromPage } from './harness/firefox';
import {
  describeRenderedPage,
  expectErrorReply,
  expectOnlyCategoryHighlights,
  expectPingReply,
  expectRenderedExtensionPage,
  hasRendered,
  UNKNOWN_REQUEST,
  waitForMarks,
} from './harness/foundation-expectations';
import { FIREFOX_BUILD_DIR, FIXTURE_PAGES_DIR } from './harness/paths';
import { type StaticServer, startStaticServer } from './harness/static-server';

describe('the built extension in Firefox ESR', () => {
  const { version } = readBuiltManifest(FIREFOX_BUILD_DIR);
  let extension: FirefoxExtension;
  let server: StaticServer;
  let popup: Page;

  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    extension = await launchFirefox();
    popup = await extension.openExtensionPage('popup.html');
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  it('the background answers a ping with the extension version', async () => {
    expectPingReply(await sendMessageFromPage(popup, { type: 'ping' }), version);
  });

  it('the background answers an unknown request with an error, not silence', async () => {
    expectErrorReply(await sendMessageFromPage(popup, UNKNOWN_REQUEST));
  });

  it('the popup renders', async () => {
    const rendered = await poll(
      async () => {
        const page = await popup.evaluate(describeRenderedPage);
        return hasRendered(page) && page;
      },
      { message: 'the popup to render' },
    );
    expectRenderedExtensionPage(rendered);
  });

  it('the options page renders', async () => {
    const options = await extension.openExtensionPage('options.html');
    try {
      const rendered = await poll(
        async () => {
          const page = await options.evaluate(describeRenderedPage);
          return hasRendered(page) && page;
        },
        { message: 'the options page to render' },
      );
      expectRenderedExtensionPage(rendered);
    } finally {
      await options.close();
    }
  });

  // Firefox MV3 treats content-script hosts as revocable host permissions; a temporary add-on (and,
  // from Firefox 127, a user who accepts the install prompt) gets them at install.
  it('holds the host permission its content script needs on http pages', async () => {
    const granted = await popup.evaluate(() => {
      const { browser } = globalThis as unknown as {
        browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
      };
      return browser.permissions.contains({ origins: ['http://127.0.0.1/*'] });
    });
    expect(granted).toBe(true);
  });

  it('the content script marks mentions on a page served from 127.0.0.1', async () => {
    const article = await extension.openPage(`${server.origin}/article.html`);
    try {
      expectOnlyCategoryHighlights(await waitForMarks(article));
    } finally {
      await article.close();
    }
  });
});
