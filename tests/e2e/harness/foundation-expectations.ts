/** Assertions both browsers' foundation tests share, so the two files check the same promises. */
import { expect } from 'vitest';
import { CATEGORIES } from '../../../utils/glossary-types';
import { type EvaluatesInPage, ourHighlightNames } from './highlights';
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
