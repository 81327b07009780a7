import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { detectionSuite, type Evaluate, recordPageMutations } from './detection.expectations';
import { type ChromiumExtension, launchChromium } from './harness/chromium';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import { type StaticServer, startStaticServer } from './harness/static-server';

const evaluator = (page: Page): { evaluate: Evaluate } => ({
  // Playwright's own typing of the argument (Unboxed<A>) is stricter than the shared signature.
  evaluate: (fn, arg) =>
    page.evaluate(fn as (value: unknown) => unknown, arg as unknown) as Promise<never>,
});

describe('detection and marking in Chromium', () => {
  let extension: ChromiumExtension;
  let server: StaticServer;
  let article: Page;
  let popup: Page;

  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    extension = await launchChromium();
    popup = await extension.openExtensionPage('popup.html');
    article = await extension.context.newPage();
    await article.addInitScript(recordPageMutations);
    await article.goto(`${server.origin}/article.html`, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  detectionSuite({
    api: 'chrome',
    article: () => evaluator(article),
    extensionPage: () => evaluator(popup),
    // caret 'initial': hiding the caret would make Playwright add a <style> to the page.
    screenshotHeadline: () => article.locator('#headline').screenshot({ caret: 'initial' }),
  });
});
