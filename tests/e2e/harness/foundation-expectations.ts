/**
 * The foundation both browsers must give: a background that answers, pages that render, a content
 * script that marks. Written once; `foundation.<browser>.e2e.ts` launch the browser and call
 * `foundationTests`.
 */
import { expect, it } from 'vitest';
import { CATEGORIES } from '../../../common/glossary-types';
import { type BrowserSession, browserForSuite, type SuiteBrowser } from './browser-session';
import { readBuiltManifest } from './built-manifest';
import { sendMessage } from './extension-pages';
import { type EvaluatesInPage, ourHighlightNames } from './highlights';
import type { PageDriver } from './page-driver';
import { poll } from './poll';

export const PAGE_TITLE = 'Firewall Lens';

export interface RenderedPage {
  title: string;
  /** Text of #app, trimmed; null when there is no #app. */
  appText: string | null;
}

/** Runs in the page; self-contained. */
export function describeRenderedPage(): RenderedPage {
  return {
    title: document.title,
    appText: document.getElementById('app')?.textContent?.trim() ?? null,
  };
}

/** True once the UI has rendered into #app. */
export function hasRendered(page: RenderedPage): boolean {
  return page.appText !== null && page.appText.length > 0;
}

export function expectRenderedExtensionPage(page: RenderedPage): void {
  expect(page.title.startsWith(PAGE_TITLE), `title "${page.title}"`).toBe(true);
  expect(page.appText).toMatch(/\S/);
}

export function expectPingReply(reply: unknown, version: string): void {
  expect(reply).toEqual({ ok: true, value: { version } });
}

/** An unknown request gets an error reply (so a sender never waits for nothing), not a throw. */
export function expectErrorReply(reply: unknown): void {
  expect(reply).toEqual({ ok: false, error: expect.any(String) });
}

/** A request type no part of Firewall Lens sends. */
export const UNKNOWN_REQUEST = { type: 'no-such-request', payload: 'Facebook' };

/** How long the content script may take to mark the fixture article after it has loaded. */
export const MARKING_TIMEOUT = 10_000;

/** Waits until the content script has registered at least one highlight; returns their names. */
export function waitForMarks(page: EvaluatesInPage): Promise<string[]> {
  return poll(
    async () => {
      const names = await ourHighlightNames(page);
      return names.length > 0 && names;
    },
    {
      timeout: MARKING_TIMEOUT,
      message: 'a firewall-lens-* highlight (did the content script run?)',
    },
  );
}

/** Highlights are named after the glossary's categories, which the content CSS styles. */
export function expectOnlyCategoryHighlights(names: string[]): void {
  const known = CATEGORIES.map((category) => `firewall-lens-${category}`);
  expect(known).toEqual(expect.arrayContaining(names));
}

/** Waits until the extension page has rendered its UI, then checks what it rendered. */
async function expectRenders(page: PageDriver, message: string): Promise<void> {
  const rendered = await poll(
    async () => {
      const shown = await page.evaluate(describeRenderedPage);
      return hasRendered(shown) && shown;
    },
    { message },
  );
  expectRenderedExtensionPage(rendered);
}

export interface FoundationEnv {
  /** popup.html in a tab, open for the whole suite: the extension page requests are sent from. */
  popup: PageDriver;
  /** The built manifest's version, which the background must report. */
  version: string;
}

/** Registers the foundation tests in the calling `describe`; returns what browser-only tests need. */
export function foundationTests<S extends BrowserSession>(
  launch: () => Promise<S>,
): () => SuiteBrowser<S> & FoundationEnv {
  const current = browserForSuite(
    launch,
    async ({ session }): Promise<FoundationEnv> => ({
      popup: await session.openExtensionPage('popup.html'),
      version: readBuiltManifest(session.buildDir).version,
    }),
  );

  it('the background answers a ping with the extension version', async () => {
    const { popup, version } = current();
    expectPingReply(await sendMessage(popup, { type: 'ping' }), version);
  });

  it('the background answers an unknown request with an error, not silence', async () => {
    expectErrorReply(await sendMessage(current().popup, UNKNOWN_REQUEST));
  });

  it('the popup renders', async () => {
    await expectRenders(current().popup, 'the popup to render');
  });

  it('the options page renders', async () => {
    const options = await current().session.openExtensionPage('options.html');
    try {
      await expectRenders(options, 'the options page to render');
    } finally {
      await options.close();
    }
  });

  it('the content script marks mentions on a page served from 127.0.0.1', async () => {
    const { session, origin } = current();
    const article = await session.openPage(`${origin}/article.html`);
    try {
      expectOnlyCategoryHighlights(await waitForMarks(article));
    } finally {
      await article.close();
    }
  });

  return current;
}
