/**
 * Steps both browsers' settings and popup tests share: what a reader does (click a control found
 * by its role and accessible name, type, hold Alt over a word) and what they see (the page's marks,
 * the toolbar badge, an open card). Functions passed to `evaluate` run inside the page and are
 * self-contained, since the driver sends their source text.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { expect } from 'vitest';
import { defaultSettings, SETTINGS_KEY, type Settings } from '../../../utils/settings';
import { type EvaluatesInPage, type PageHighlight, readHighlights } from './highlights';
import { poll } from './poll';

/** One tab, whichever driver opened it (Playwright for Chromium, Puppeteer for Firefox). */
export interface TabDriver {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** For the harness' readers that take a page. */
  page: EvaluatesInPage;
  click(x: number, y: number): Promise<void>;
  move(x: number, y: number): Promise<void>;
  keyDown(key: 'Alt'): Promise<void>;
  keyUp(key: 'Alt'): Promise<void>;
  press(key: 'Escape' | 'Enter'): Promise<void>;
  type(text: string): Promise<void>;
  bringToFront(): Promise<void>;
}

/** A Chromium tab (Playwright) as a `TabDriver`. */
export function chromiumTab(page: PlaywrightPage): TabDriver {
  return {
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    page,
    click: (x, y) => page.mouse.click(x, y),
    move: (x, y) => page.mouse.move(x, y),
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    bringToFront: () => page.bringToFront(),
  };
}

/** A Firefox tab (Puppeteer over WebDriver BiDi) as a `TabDriver`. */
export function firefoxTab(page: PuppeteerPage): TabDriver {
  return {
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>,
    page,
    click: (x, y) => page.mouse.click(x, y),
    move: (x, y) => page.mouse.move(x, y),
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    bringToFront: () => page.bringToFront(),
  };
}

export type Role = 'switch' | 'checkbox' | 'button' | 'tab' | 'textbox' | 'searchbox';

export interface Point {
  x: number;
  y: number;
}

/**
 * Runs in the page: the centre of the control with this role and accessible name (scrolled into
 * view), or null. The name is computed the way the pages here give them: aria-label,
 * aria-labelledby, a wrapping or `for` label, else the text without aria-hidden parts.
 */
export function controlCenter({ role, name }: { role: string; name: string }): Point | null {
  const selectors: Record<string, string> = {
    switch: '[role="switch"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"]',
    button: 'button:not([role]), input[type="submit"]',
    tab: '[role="tab"]',
    textbox: 'input[type="text"], input:not([type]), textarea',
    searchbox: 'input[type="search"]',
  };
  const spoken = (node: Node): string => {
    let text = '';
    node.childNodes.forEach((child) => {
      if (child instanceof Element && child.getAttribute('aria-hidden') === 'true') return;
      if (child instanceof HTMLInputElement) return;
      text += child.nodeType === Node.TEXT_NODE ? (child.textContent ?? '') : spoken(child);
    });
    return text;
  };
  const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
  const accessibleName = (element: Element): string => {
    const label = element.getAttribute('aria-label');
    if (label) return clean(label);
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      return clean(
        labelledBy
          .split(/\s+/)
          .map((id) => {
            const labelElement = document.getElementById(id);
            return labelElement ? spoken(labelElement) : '';
          })
          .join(' '),
      );
    }
    if (element instanceof HTMLInputElement) {
      const byFor = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
      const wrapping = byFor ?? element.closest('label');
      return wrapping ? clean(spoken(wrapping)) : '';
    }
    return clean(spoken(element));
  };
  const selector = selectors[role];
  if (!selector) return null;
  for (const element of document.querySelectorAll(selector)) {
    if (accessibleName(element) !== name) continue;
    element.scrollIntoView({ block: 'center' });
    const rect = element.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/** Clicks the control a reader would: found by role and accessible name, with the mouse. */
export async function clickControl(tab: TabDriver, role: Role, name: string): Promise<void> {
  const point = await poll(() => tab.evaluate(controlCenter, { role, name }), {
    timeout: 5_000,
    message: `a ${role} named "${name}"`,
  });
  await tab.click(point.x, point.y);
}

/** Runs in the page: whether that control is on (aria-checked, checked or aria-pressed). */
export function controlState({ role, name }: { role: string; name: string }): boolean | null {
  const selectors: Record<string, string> = {
    switch: '[role="switch"]',
    checkbox: 'input[type="checkbox"]',
    button: 'button[aria-pressed]',
  };
  for (const element of document.querySelectorAll(selectors[role] ?? 'none')) {
    const text = (
      element.getAttribute('aria-label') ??
      (element instanceof HTMLInputElement
        ? (element.closest('label')?.textContent ?? '')
        : (element.textContent ?? ''))
    )
      .replace(/\s+/g, ' ')
      .trim();
    if (text !== name) continue;
    if (element instanceof HTMLInputElement) return element.checked;
    const state = element.getAttribute('aria-checked') ?? element.getAttribute('aria-pressed');
    return state === 'true';
  }
  return null;
}

/** Types into the control with this role and name, after clicking into it. */
export async function typeInto(
  tab: TabDriver,
  role: Role,
  name: string,
  text: string,
): Promise<void> {
  await clickControl(tab, role, name);
  await tab.type(text);
}

/** Runs in the page: the text field in the same form as the button with this visible text. */
export function fieldBesideButton(buttonText: string): Point | null {
  for (const button of document.querySelectorAll('button')) {
    if ((button.textContent ?? '').replace(/\s+/g, ' ').trim() !== buttonText) continue;
    const input = button.form?.querySelector('input');
    if (!input) return null;
    input.scrollIntoView({ block: 'center' });
    const rect = input.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/** In the options page: adds `host` to the site list whose Add button says `addButton`. */
export async function addSite(options: TabDriver, addButton: string, host: string): Promise<void> {
  const field = await poll(() => options.evaluate(fieldBesideButton, addButton), {
    timeout: 5_000,
    message: `the text field beside "${addButton}"`,
  });
  await options.click(field.x, field.y);
  await options.type(host);
  await clickControl(options, 'button', addButton);
}

/** The page's Firewall Lens highlights, by name, with their ranges' text and place. */
export async function ourHighlights(tab: TabDriver): Promise<PageHighlight[]> {
  return (await readHighlights(tab.page)).filter(({ name }) => name.startsWith('firewall-lens-'));
}

export function countRanges(highlights: PageHighlight[]): number {
  return highlights.reduce((sum, highlight) => sum + highlight.ranges.length, 0);
}

/** Runs in the page: every highlight name registered, ours or not. */
export function highlightNames(): string[] {
  const names: string[] = [];
  CSS.highlights.forEach((_highlight, name) => {
    names.push(name);
  });
  return names;
}

/**
 * Waits until the marks have settled (the same twice in a row, some present) and returns them:
 * the first scan yields to the page in slices, so one early read may see only part of it.
 */
export async function settledMarks(tab: TabDriver): Promise<PageHighlight[]> {
  let previous = '';
  return poll(
    async () => {
      const now = await ourHighlights(tab);
      const key = JSON.stringify(now);
      const settled = key === previous && countRanges(now) > 0;
      previous = key;
      return settled && now;
    },
    { timeout: 15_000, interval: 300, message: 'the marks to settle' },
  );
}

/** Waits until the page's marks equal `expected` exactly (names, texts, places). */
export async function waitForMarksEqual(
  tab: TabDriver,
  expected: PageHighlight[],
  message: string,
): Promise<void> {
  const wanted = JSON.stringify(expected);
  let last: PageHighlight[] = [];
  try {
    await poll(
      async () => {
        last = await ourHighlights(tab);
        return JSON.stringify(last) === wanted;
      },
      { timeout: 10_000, message },
    );
  } catch (error) {
    // Show the difference, not only "timed out".
    expect(last, message).toEqual(expected);
    throw error;
  }
}

/** Runs in an extension page: the id of the active tab of that page's window. */
export async function activeTabIdInExtensionPage(): Promise<number | null> {
  const api =
    (globalThis as unknown as { browser?: unknown; chrome?: unknown }).browser ??
    (globalThis as unknown as { chrome: unknown }).chrome;
  const { tabs } = api as {
    tabs: { query(q: object): Promise<{ id?: number }[]> };
  };
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * The tab id of `tab`, asked from an extension page. Without the `tabs` permission an extension
 * page cannot match a tab by URL in Chromium, but it can ask which tab is active: bring `tab` to
 * the front and ask.
 */
export async function tabIdOf(tab: TabDriver, extensionPage: TabDriver): Promise<number> {
  await tab.bringToFront();
  const id = await extensionPage.evaluate(activeTabIdInExtensionPage, undefined);
  if (id === null) throw new Error('no active tab');
  return id;
}

/** Runs in an extension page: the toolbar badge text of one tab. */
export function badgeTextInExtensionPage(tabId: number): Promise<string> {
  const api =
    (globalThis as unknown as { browser?: unknown; chrome?: unknown }).browser ??
    (globalThis as unknown as { chrome: unknown }).chrome;
  const { action } = api as { action: { getBadgeText(d: { tabId: number }): Promise<string> } };
  return action.getBadgeText({ tabId });
}

export async function waitForBadge(
  extensionPage: TabDriver,
  tabId: number,
  text: string,
  message: string,
): Promise<void> {
  let last = '';
  try {
    await poll(
      async () => {
        last = await extensionPage.evaluate(badgeTextInExtensionPage, tabId);
        return last === text;
      },
      { timeout: 5_000, message },
    );
  } catch (error) {
    expect(last, message).toBe(text);
    throw error;
  }
}

/** Runs in an extension page: stores `settings` the way the settings store does (sync first). */
export async function storeSettingsInExtensionPage({
  key,
  settings,
}: {
  key: string;
  settings: unknown;
}): Promise<void> {
  const api =
    (globalThis as unknown as { browser?: unknown; chrome?: unknown }).browser ??
    (globalThis as unknown as { chrome: unknown }).chrome;
  const { storage } = api as {
    storage: Record<
      'sync' | 'local',
      { set(v: object): Promise<void>; remove(k: string): Promise<void> }
    >;
  };
  await storage.sync.set({ [key]: settings });
  await storage.local.remove(key);
}

/** Puts the default settings back (between tests, so one failure does not cascade). */
export function resetSettings(extensionPage: TabDriver, settings: Settings = defaultSettings()) {
  return extensionPage.evaluate(storeSettingsInExtensionPage, { key: SETTINGS_KEY, settings });
}

/** Runs in the page: leaves a mark on `window` that a reload would wipe. */
export function markWindow(token: string): void {
  (window as unknown as { __firewallLensTestToken?: string }).__firewallLensTestToken = token;
}

export function readWindowMark(): string | null {
  return (
    (window as unknown as { __firewallLensTestToken?: string }).__firewallLensTestToken ?? null
  );
}

/**
 * Runs in the page: where the card host is on screen near `at`, if it covers a point just below
 * or just above it (floating-ui flips the card above when there is no room below). Reads only what
 * any page script can: `elementFromPoint` returns the host, whatever its shadow root's mode.
 */
export function cardHostNear(at: Point): {
  hostCount: number;
  covers: boolean;
  shadowRootReadable: boolean;
} {
  const hosts = document.querySelectorAll('firewall-lens-ui');
  const host = hosts[0];
  let covers = false;
  if (host) {
    for (const dy of [24, 48, 80, -24, -48, -80]) {
      if (document.elementFromPoint(at.x, at.y + dy) === host) covers = true;
    }
  }
  return { hostCount: hosts.length, covers, shadowRootReadable: Boolean(host?.shadowRoot) };
}

/** Everything the settings tests need, opened once per browser. */
export interface SettingsLiveEnv {
  /** The fixture article on 127.0.0.1. */
  article: TabDriver;
  /** The same article on another host (localhost), to show a per-site change stays per site. */
  otherSite: TabDriver;
  /** The extension's options page. */
  options: TabDriver;
  articleTabId: number;
  otherTabId: number;
  /** The article's marks with the default settings. */
  baseline: PageHighlight[];
}

/** The default delay before a card opens (utils/settings.ts). */
const SHOW_DELAY_MS = defaultSettings().hoverDelayMs;

/** Aliases of the three blocked platforms as they appear in the fixture article. */
const BLOCKED_PLATFORM_TEXT = /^(Facebook|Twitter|YouTube)('s)?$|^(脸书|脸谱网|推特|优兔)$/;

/**
 * Registers the settings tests in the calling `describe`: every change is made in the options UI
 * and must reach the open tabs without a reload.
 */
export function settingsLiveTests(
  it: (name: string, fn: () => Promise<void>) => void,
  beforeEach: (fn: () => Promise<void>) => void,
  env: () => SettingsLiveEnv,
): void {
  const total = () => String(countRanges(env().baseline));

  beforeEach(async () => {
    const { article, otherSite, options, baseline } = env();
    await resetSettings(options);
    await waitForMarksEqual(article, baseline, 'the article marked as with the defaults');
    await waitForMarksEqual(otherSite, baseline, 'the other site marked as with the defaults');
    await article.move(2, 2);
    await article.keyUp('Alt');
    await options.bringToFront();
  });

  it('switching "Enable Firewall Lens" off in the options takes every mark off the open tabs and clears their badges, without a reload', async () => {
    const { article, otherSite, options, articleTabId, otherTabId } = env();
    await waitForBadge(options, articleTabId, total(), 'the badge to count the marks');
    await article.evaluate(markWindow, 'before the switch');
    expect(
      await options.evaluate(controlState, { role: 'switch', name: 'Enable Firewall Lens' }),
    ).toBe(true);

    await clickControl(options, 'switch', 'Enable Firewall Lens');

    await waitForMarksEqual(article, [], 'no Firewall Lens highlight left in the article');
    await waitForMarksEqual(otherSite, [], 'no Firewall Lens highlight left on the other site');
    await waitForBadge(options, articleTabId, '', 'the article badge to clear');
    await waitForBadge(options, otherTabId, '', 'the other badge to clear');
    expect(await article.evaluate(readWindowMark, undefined)).toBe('before the switch');
    expect(
      await options.evaluate(controlState, { role: 'switch', name: 'Enable Firewall Lens' }),
    ).toBe(false);
  });

  it('switching it back on brings the same marks and the badge back, without a reload', async () => {
    const { article, options, articleTabId, baseline } = env();
    await resetSettings(options, { ...defaultSettings(), enabled: false });
    await waitForMarksEqual(article, [], 'the marks to go while off');
    await waitForBadge(options, articleTabId, '', 'the badge to clear while off');
    await article.evaluate(markWindow, 'while off');

    await clickControl(options, 'switch', 'Enable Firewall Lens');

    await waitForMarksEqual(article, baseline, 'the same marks as before');
    await waitForBadge(options, articleTabId, total(), 'the badge to count the marks again');
    expect(await article.evaluate(readWindowMark, undefined)).toBe('while off');
  });

  it('adding 127.0.0.1 to the sites where it is off unmarks that site and leaves another site marked', async () => {
    const { article, otherSite, options, articleTabId, otherTabId, baseline } = env();
    await addSite(options, 'Add to sites where it is off', '127.0.0.1');

    await waitForMarksEqual(article, [], 'no mark left on 127.0.0.1');
    await waitForBadge(options, articleTabId, '', 'the 127.0.0.1 badge to clear');
    // Give a wrong implementation time to reach the other tab too.
    await new Promise((done) => setTimeout(done, 500));
    expect(await ourHighlights(otherSite)).toEqual(baseline);
    await waitForBadge(options, otherTabId, total(), 'the localhost badge to stay');

    await clickControl(options, 'button', 'Remove 127.0.0.1');
    await waitForMarksEqual(article, baseline, 'the marks back on 127.0.0.1');
  });

  it('switching off "Blocked platforms" removes exactly the Facebook, Twitter and YouTube marks', async () => {
    const { article, options, articleTabId, baseline } = env();
    const blocked = baseline.find(({ name }) => name === 'firewall-lens-blocked-platform');
    const texts = blocked?.ranges.map(({ text }) => text) ?? [];
    expect(texts.length, 'the fixture mentions blocked platforms').toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(BLOCKED_PLATFORM_TEXT);
    const others = baseline.filter((highlight) => highlight !== blocked);

    await clickControl(options, 'checkbox', 'Blocked platforms');

    await waitForMarksEqual(article, others, 'every other mark kept, unchanged');
    await waitForBadge(
      options,
      articleTabId,
      String(countRanges(others)),
      'the badge to count the remaining marks',
    );

    await clickControl(options, 'checkbox', 'Blocked platforms');
    await waitForMarksEqual(article, baseline, 'the blocked platforms marked again');
  });

  it('stealth mode registers no highlight at all, and a card opens only while Alt is held over "Great Firewall"', async () => {
    const { article, options } = env();
    await clickControl(options, 'checkbox', 'Stealth mode');
    await waitForMarksEqual(article, [], 'no Firewall Lens highlight in stealth mode');
    // Not even an empty highlight under our name: the registry must not give the extension away.
    expect(
      (await article.evaluate(highlightNames, undefined)).filter((name) =>
        name.startsWith('firewall-lens'),
      ),
    ).toEqual([]);

    await article.bringToFront();
    // With marks off the word's place cannot come from CSS.highlights: find it in the text.
    const word = await article.evaluate(textCenter, { elementId: 'lede', text: 'Great Firewall' });
    if (!word) throw new Error('"Great Firewall" not found in #lede');

    await article.move(word.x, word.y);
    await article.move(word.x + 1, word.y);
    await new Promise((done) => setTimeout(done, SHOW_DELAY_MS * 3));
    expect((await article.evaluate(cardHostNear, word)).covers, 'no card without Alt').toBe(false);

    await article.move(2, 2);
    await article.keyDown('Alt');
    await article.move(word.x, word.y);
    await article.move(word.x + 1, word.y);
    const card = await poll(
      async () => {
        const near = await article.evaluate(cardHostNear, word);
        return near.covers && near;
      },
      { timeout: 5_000, message: 'a card beside "Great Firewall" while Alt is held' },
    );
    await article.keyUp('Alt');
    expect(card.hostCount).toBe(1);
    // Stealth closes the card's shadow root: the page cannot read which term is being looked up.
    expect(card.shadowRootReadable).toBe(false);
    expect(await article.evaluate(highlightNames, undefined)).not.toContainEqual(
      expect.stringMatching(/^firewall-lens/),
    );
  });
}

/** Runs in the page: the centre of the first occurrence of `text` inside `#elementId`. */
export function textCenter({ elementId, text }: { elementId: string; text: string }): Point | null {
  const root = document.getElementById(elementId);
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at === -1) continue;
    root.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const rect = range.getClientRects()[0];
    if (!rect) return null;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/** The popup, opened as a tab over the article (see `PopupEnv.openPopup`). */
export interface PopupEnv {
  article: TabDriver;
  /** The article's marks with the default settings. */
  baseline: PageHighlight[];
  /**
   * Opens popup.html so that its `tabs.query({ active: true, currentWindow: true })` finds the
   * article: the popup tab loads while the article is the active tab of the window.
   */
  openPopup(): Promise<{ popup: TabDriver; isClosed(): boolean; close(): Promise<void> }>;
  /** The extension page used to reset the settings. */
  control: TabDriver;
  /**
   * Whether the popup page can close itself with `window.close()`. Firefox lets a script close
   * only a window a script opened; the toolbar popup is one, a tab the test driver opened is not.
   */
  popupCanCloseItself: boolean;
}

/**
 * The article's terms as the popup must list them: counted from the fixture by hand (English and
 * Chinese mentions together), most mentioned first, ties by label.
 */
export const ARTICLE_TERMS: [string, string][] = [
  ['VPN', '4 mentions'],
  ['Great Firewall', '3 mentions'],
  ['Facebook', '2 mentions'],
  ['Twitter', '2 mentions'],
  ['Internet censorship in China', '1 mention'],
  ['Internet sovereignty', '1 mention'],
  ['Sina Weibo', '1 mention'],
  ['World Internet Conference', '1 mention'],
  ['YouTube', '1 mention'],
];

/** Runs in the popup: each row of "On this page" as [label, count as read aloud], or null. */
export function popupMentionRows(): [string, string][] | null {
  const list = document.querySelector('[aria-label="Terms on this page"]');
  if (!list) return null;
  const spoken = (element: Element | null) =>
    [...(element?.childNodes ?? [])]
      .map((node) => node.textContent ?? '')
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  return [...list.querySelectorAll('button')].map((button) => [
    spoken(button.querySelector('.mention-label')),
    spoken(button.querySelector('.mention-count')),
  ]);
}

/** Runs in the popup: the glossary as listed (labels in order), or its empty-state text. */
export function glossaryShown(): { labels: string[]; empty: string | null } {
  const labels = [
    ...document.querySelectorAll('[aria-label="Glossary terms"] .fl-card__label'),
  ].map((label) => label.textContent ?? '');
  const empty = document.querySelector('.glossary .empty')?.textContent?.trim() ?? null;
  return { labels, empty };
}

/** Runs in the popup: selects the search box's text, so typing replaces it. */
export function selectSearchText(): boolean {
  const input = document.querySelector<HTMLInputElement>('input[aria-label="Search glossary"]');
  input?.focus();
  input?.select();
  return input !== null;
}

async function searchGlossaryFor(popup: TabDriver, query: string): Promise<void> {
  await clickControl(popup, 'searchbox', 'Search glossary');
  await popup.evaluate(selectSearchText, undefined);
  await popup.type(query);
}

async function waitForGlossary(
  popup: TabDriver,
  check: (shown: { labels: string[]; empty: string | null }) => boolean,
  message: string,
): Promise<{ labels: string[]; empty: string | null }> {
  let last: { labels: string[]; empty: string | null } = { labels: [], empty: null };
  try {
    return await poll(
      async () => {
        last = await popup.evaluate(glossaryShown, undefined);
        return check(last) && last;
      },
      { timeout: 5_000, message },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; shown: ${JSON.stringify(last)}`);
  }
}

/** Registers the popup tests in the calling `describe`. */
export function popupTests(
  it: (name: string, fn: () => Promise<void>) => void,
  beforeEach: (fn: () => Promise<void>) => void,
  env: () => PopupEnv,
): void {
  beforeEach(async () => {
    const { article, control, baseline } = env();
    await resetSettings(control);
    await waitForMarksEqual(article, baseline, 'the article marked as with the defaults');
  });

  it('shows "Enabled on 127.0.0.1" as an on switch over the marked article', async () => {
    const { popup, close } = await env().openPopup();
    const on = await poll(
      () => popup.evaluate(controlState, { role: 'switch', name: 'Enabled on 127.0.0.1' }),
      { timeout: 5_000, message: 'the "Enabled on 127.0.0.1" switch' },
    );
    expect(on).toBe(true);
    await close();
  });

  it('"On this page" lists the article\'s terms with their counts, most mentioned first', async () => {
    const { article, baseline } = env();
    const { popup, close } = await env().openPopup();
    const rows = await poll(() => popup.evaluate(popupMentionRows, undefined), {
      timeout: 5_000,
      message: 'the list of terms on this page',
    });
    expect(rows).toEqual(ARTICLE_TERMS);
    // The counts are the page's marks, one per mention.
    const counted = rows.reduce((sum, [, count]) => sum + Number.parseInt(count, 10), 0);
    expect(counted).toBe(countRanges(baseline));
    expect(await ourHighlights(article)).toEqual(baseline);
    await close();
  });

  it("the popup's site switch unmarks the article live, and marks it again", async () => {
    const { article, baseline } = env();
    const { popup, close } = await env().openPopup();
    await clickControl(popup, 'switch', 'Enabled on 127.0.0.1');
    await waitForMarksEqual(article, [], 'no mark left on the article');
    await poll(
      async () =>
        (await popup.evaluate(controlState, { role: 'switch', name: 'Enabled on 127.0.0.1' })) ===
        false,
      { timeout: 5_000, message: 'the switch to show off' },
    );
    await clickControl(popup, 'switch', 'Enabled on 127.0.0.1');
    await waitForMarksEqual(article, baseline, 'the marks back');
    await close();
  });

  it('the glossary search narrows the list, in Chinese or English, and says when nothing matches', async () => {
    const { popup, close } = await env().openPopup();
    await clickControl(popup, 'tab', 'Glossary');
    await waitForGlossary(popup, (shown) => shown.labels.length > 3, 'every term');

    await searchGlossaryFor(popup, '微博');
    await waitForGlossary(
      popup,
      (shown) => JSON.stringify(shown.labels) === '["Sina Weibo"]',
      'only Sina Weibo for 微博',
    );

    await searchGlossaryFor(popup, 'weibo');
    // Twitter's summary mentions Weibo too; the term named Weibo comes first.
    await waitForGlossary(
      popup,
      (shown) => JSON.stringify(shown.labels) === '["Sina Weibo","Twitter"]',
      'Sina Weibo, then Twitter, for weibo',
    );

    await searchGlossaryFor(popup, 'zzzz');
    const none = await waitForGlossary(
      popup,
      (shown) => shown.labels.length === 0 && shown.empty !== null,
      'the empty state for zzzz',
    );
    expect(none.empty).toBe('No terms match “zzzz”.');
    await close();
  });

  it('a category chip filters the glossary', async () => {
    const { popup, close } = await env().openPopup();
    await clickControl(popup, 'tab', 'Glossary');
    await waitForGlossary(popup, (shown) => shown.labels.length > 3, 'every term');
    await clickControl(popup, 'button', 'Blocked platforms');
    await waitForGlossary(
      popup,
      (shown) => JSON.stringify(shown.labels) === '["Facebook","Twitter","YouTube"]',
      'only the blocked platforms',
    );
    expect(await popup.evaluate(controlState, { role: 'button', name: 'Blocked platforms' })).toBe(
      true,
    );
    await close();
  });

  it('clicking a term in "On this page" opens its card in the article, and the popup closes where the browser lets it', async () => {
    const { article } = env();
    const { popup, isClosed, close } = await env().openPopup();
    await poll(() => popup.evaluate(popupMentionRows, undefined), {
      timeout: 5_000,
      message: 'the list of terms on this page',
    });
    const button = await popup.evaluate(mentionButtonCenter, 'YouTube');
    if (!button) throw new Error('no YouTube row in "On this page"');
    await popup.click(button.x, button.y);
    const cardId = await poll(() => article.evaluate(openCardId, undefined), {
      timeout: 5_000,
      message: 'the YouTube card to open in the article',
    });
    expect(cardId).toBe('youtube');
    if (env().popupCanCloseItself) {
      await poll(() => isClosed(), { timeout: 5_000, message: 'the popup to close itself' });
    }
    await close();
    await article.press('Escape');
  });
}

/** Runs in the page: the id of the open card (the host's shadow root is open outside stealth). */
export function openCardId(): string | null {
  const dialog = document
    .querySelector('firewall-lens-ui')
    ?.shadowRoot?.querySelector('[role="dialog"]');
  return dialog?.getAttribute('data-card-id') ?? null;
}

/** Runs in the popup: the centre of the "On this page" button whose term label is `label`. */
export function mentionButtonCenter(label: string): Point | null {
  for (const button of document.querySelectorAll('[aria-label="Terms on this page"] button')) {
    if (button.querySelector('.mention-label')?.textContent?.trim() !== label) continue;
    button.scrollIntoView({ block: 'center' });
    const rect = button.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}
