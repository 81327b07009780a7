import { defaultSettings, SETTINGS_KEY, type Settings } from '../../../common/settings';
import { badgeTextInExtensionPage } from './extension-pages';
import { type PageHighlight, readHighlights } from './highlights';
import type { PageDriver } from './page-driver';
import type { Point } from './points-on-page';
import { poll, waitForEqual } from './poll';

export type Role = 'switch' | 'checkbox' | 'button' | 'tab' | 'textbox' | 'searchbox';

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
export async function clickControl(tab: PageDriver, role: Role, name: string): Promise<void> {
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
  tab: PageDriver,
  role: Role,
  name: string,
  text: string,
): Promise<void> {
  await clickControl(tab, role, name);
  await tab.type(text);
}

/**
 * Runs in the page: the text field in the same form as the button with this accessible name (its
 * text without the parts hidden from assistive technology, such as a short visible "Add").
 */
export function fieldBesideButton(buttonName: string): Point | null {
  for (const button of document.querySelectorAll('button')) {
    const spoken = button.cloneNode(true) as HTMLElement;
    for (const hidden of spoken.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    if ((spoken.textContent ?? '').replace(/\s+/g, ' ').trim() !== buttonName) continue;
    const input = button.form?.querySelector('input');
    if (!input) return null;
    input.scrollIntoView({ block: 'center' });
    const rect = input.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/** In the options page: adds `host` to the site list whose Add button says `addButton`. */
export async function addSite(options: PageDriver, addButton: string, host: string): Promise<void> {
  const field = await poll(() => options.evaluate(fieldBesideButton, addButton), {
    timeout: 5_000,
    message: `the text field beside "${addButton}"`,
  });
  await options.click(field.x, field.y);
  await options.type(host);
  await clickControl(options, 'button', addButton);
}

/** The page's Firewall Lens highlights, by name, with their ranges' text and place. */
export async function ourHighlights(tab: PageDriver): Promise<PageHighlight[]> {
  return (await readHighlights(tab)).filter(({ name }) => name.startsWith('firewall-lens-'));
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
export async function settledMarks(tab: PageDriver): Promise<PageHighlight[]> {
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
export function waitForMarksEqual(
  tab: PageDriver,
  expected: PageHighlight[],
  message: string,
): Promise<void> {
  return waitForEqual(() => ourHighlights(tab), expected, { message });
}

export function waitForBadge(
  extensionPage: PageDriver,
  tabId: number,
  text: string,
  message = `the badge to read "${text}"`,
): Promise<void> {
  return waitForEqual(() => extensionPage.evaluate(badgeTextInExtensionPage, tabId), text, {
    timeout: 5_000,
    message,
  });
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
export function resetSettings(extensionPage: PageDriver, settings: Settings = defaultSettings()) {
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
  // In stealth the host has a random custom-element name (entrypoints/content/card/host-name.ts),
  // not `firewall-lens-ui`; the fixture page has no custom element of its own, so any is ours.
  const hosts = [...document.querySelectorAll('*')].filter((element) =>
    element.localName.includes('-'),
  );
  const host = hosts[0];
  let covers = false;
  if (host) {
    for (const dy of [24, 48, 80, -24, -48, -80]) {
      if (document.elementFromPoint(at.x, at.y + dy) === host) covers = true;
    }
  }
  return { hostCount: hosts.length, covers, shadowRootReadable: Boolean(host?.shadowRoot) };
}
