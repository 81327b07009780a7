/**
 * One tab, whichever library drives it: Playwright for Chromium, Puppeteer over WebDriver BiDi for
 * Firefox ESR. Shared suites and steps take a `PageDriver`, so each behaviour is written once and
 * runs in both browsers. Functions passed to `evaluate` run inside the page and must be
 * self-contained: the driver sends their source text.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

export interface PageDriver {
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** `steps` sends intermediate moves, as a hand would, instead of one jump. */
  mouseMove(x: number, y: number, options?: { steps?: number }): Promise<void>;
  click(x: number, y: number): Promise<void>;
  keyDown(key: 'Alt'): Promise<void>;
  keyUp(key: 'Alt'): Promise<void>;
  keyPress(key: 'Escape' | 'Enter'): Promise<void>;
  type(text: string): Promise<void>;
  bringToFront(): Promise<void>;
  /** A `<style>` element with `css`, as a page's own stylesheet. */
  addStyleTag(css: string): Promise<void>;
  /** A `<script>` element with the file at `path` (e.g. axe-core). */
  addScriptTag(path: string): Promise<void>;
  /** A PNG of the first element matching `selector`, as painted. */
  screenshotElement(selector: string): Promise<Uint8Array>;
  isClosed(): boolean;
  close(): Promise<void>;
}

export interface PlaywrightDriver extends PageDriver {
  /** For Chromium-only checks (CDP sessions, media emulation). */
  raw: PlaywrightPage;
}

export interface PuppeteerDriver extends PageDriver {
  raw: PuppeteerPage;
}

/** What Playwright's and Puppeteer's pages have in common, apart from `evaluate`'s typing. */
interface DrivenPage {
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  keyboard: {
    down(key: 'Alt'): Promise<void>;
    up(key: 'Alt'): Promise<void>;
    press(key: 'Escape' | 'Enter'): Promise<void>;
    type(text: string): Promise<void>;
  };
  bringToFront(): Promise<void>;
  addStyleTag(options: { content: string }): Promise<unknown>;
  addScriptTag(options: { path: string }): Promise<unknown>;
  isClosed(): boolean;
  close(): Promise<void>;
}

/** Both libraries type `evaluate` through their own generics; the shared signature is simpler. */
type LooseEvaluate = (fn: (arg: unknown) => unknown, arg?: unknown) => Promise<unknown>;

function drive(
  page: DrivenPage,
  evaluate: LooseEvaluate,
  screenshotElement: (selector: string) => Promise<Uint8Array>,
): PageDriver {
  return {
    evaluate: evaluate as PageDriver['evaluate'],
    mouseMove: (x, y, options) => page.mouse.move(x, y, options),
    click: (x, y) => page.mouse.click(x, y),
    keyDown: (key) => page.keyboard.down(key),
    keyUp: (key) => page.keyboard.up(key),
    keyPress: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    bringToFront: () => page.bringToFront(),
    addStyleTag: async (css) => {
      await page.addStyleTag({ content: css });
    },
    addScriptTag: async (path) => {
      await page.addScriptTag({ path });
    },
    screenshotElement,
    isClosed: () => page.isClosed(),
    close: () => page.close(),
  };
}

export function playwrightDriver(page: PlaywrightPage): PlaywrightDriver {
  return {
    raw: page,
    ...drive(
      page,
      (fn, arg) => page.evaluate(fn, arg),
      // caret 'initial': hiding the caret would make Playwright add a <style> to the page.
      (selector) => page.locator(selector).first().screenshot({ caret: 'initial' }),
    ),
  };
}

export function puppeteerDriver(page: PuppeteerPage): PuppeteerDriver {
  return {
    raw: page,
    ...drive(
      page,
      (fn, arg) => page.evaluate(fn, arg),
      async (selector) => {
        const element = await page.$(selector);
        if (element === null) throw new Error(`no ${selector}`);
        return element.screenshot();
      },
    ),
  };
}
