import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltManifest } from './harness/built-manifest';
import { type ChromiumExtension, launchChromium, sendMessageFromPage } from './harness/chromium';
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
import { CHROME_BUILD_DIR, FIXTURE_PAGES_DIR } from './harness/paths';
import { poll } from './harness/poll';
import { type StaticServer, startStaticServer } from './harness/static-server';

describe('the built extension in Chromium', () => {
  const { version } = readBuiltManifest(CHROME_BUILD_DIR);
  let extension: ChromiumExtension;
  let server: StaticServer;
  let popup: Page;

  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    extension = await launchChromium();
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

  it('the background answers again after Chromium stopped its idle service worker', async () => {
    await extension.evaluateInServiceWorker(() => {
      (globalThis as { beforeStop?: boolean }).beforeStop = true;
    });
    await extension.stopServiceWorker();
    expectPingReply(await sendMessageFromPage(popup, { type: 'ping' }), version);
    // A fresh global scope proves the worker really restarted rather than never stopping.
    const survived = await extension.evaluateInServiceWorker(
      () => (globalThis as { beforeStop?: boolean }).beforeStop ?? false,
    );
    expect(survived).toBe(false);
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

  it('the content script marks mentions on a page served from 127.0.0.1', async () => {
    const article = await extension.openPage(`${server.origin}/article.html`);
    try {
      expectOnlyCategoryHighlights(await waitForMarks(article));
    } finally {
      await article.close();
    }
  });
});
