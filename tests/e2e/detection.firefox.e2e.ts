import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { detectionSuite, type Evaluate, recordPageMutations } from './detection.expectations';
import { type FirefoxExtension, launchFirefox, poll } from './harness/firefox';
import { FIXTURE_PAGES_DIR } from './harness/paths';
import { type StaticServer, startStaticServer } from './harness/static-server';

const evaluator = (page: Page): { evaluate: Evaluate } => ({
  // Puppeteer types the function through its own EvaluateFunc; the shared signature is simpler.
  evaluate: (fn, arg) =>
    page.evaluate(fn as (value: unknown) => unknown, arg as unknown) as Promise<never>,
});

describe('detection and marking in Firefox ESR', () => {
  let extension: FirefoxExtension;
  let server: StaticServer;
  let article: Page;
  let popup: Page;

  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    extension = await launchFirefox();
    popup = await extension.openExtensionPage('popup.html');
    article = await extension.browser.newPage();
    await article.evaluateOnNewDocument(recordPageMutations);
    const url = `${server.origin}/article.html`;
    article.goto(url).catch(() => {});
    await poll(
      () =>
        article.evaluate(
          (href) => location.href === href && document.readyState === 'complete',
          url,
        ),
      { timeout: 15_000, message: 'the article to load' },
    );
  });

  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  detectionSuite({
    api: 'browser',
    article: () => evaluator(article),
    extensionPage: () => evaluator(popup),
    screenshotHeadline: async () => {
      const headline = await article.$('#headline');
      if (headline === null) throw new Error('no #headline');
      return headline.screenshot();
    },
  });
});
