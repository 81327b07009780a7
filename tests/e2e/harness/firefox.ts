import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../common/extension-ids';
import {
  type BrowserSession,
  type LaunchedExtension,
  type OpenPageOptions,
  sessionOver,
} from './browser-session';
import { snapshotBuild } from './build-snapshot';
import { sendMessage } from './extension-pages';
import type { ExtensionSwitch } from './extension-switch';
import { type PuppeteerDriver, puppeteerDriver } from './page-driver';
import { FIREFOX_BUILD_DIR, OLDEST_FIREFOX_PATH } from './paths';
import { poll } from './poll';

export { poll } from './poll';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';

export interface FirefoxExtension extends LaunchedExtension<Page> {
  browser: Browser;
  /** The extension's internal UUID, pinned so its pages have a known origin. */
  uuid: string;
  /** The add-on manager, driven from the browser's chrome context. */
  extensionManager(): Promise<ExtensionSwitch>;
}

/** Firefox ESR for the shared suites; `extension` keeps what only Firefox can do. */
export interface FirefoxSession extends BrowserSession<PuppeteerDriver> {
  extension: FirefoxExtension;
}

/** `runtime.sendMessage` from an extension page. */
export function sendMessageFromPage(page: Page, message: unknown): Promise<unknown> {
  return sendMessage(puppeteerDriver(page), message);
}

/** A local port nothing listens on: the proxy for every non-local request, so they all fail. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const address = server.address();
  await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Opens `url` in a new tab. The navigation is not awaited: on extension pages Puppeteer's BiDi
 * `goto` may never resolve in Firefox ESR, so the page is polled until it has loaded instead
 * (`waitForFunction` is blocked by the extension pages' CSP on Firefox 140).
 */
async function openTab(
  browser: Browser,
  url: string,
  { beforePageScripts }: OpenPageOptions = {},
): Promise<Page> {
  const expected = new URL(url).href;
  const page = await browser.newPage();
  if (beforePageScripts) await page.evaluateOnNewDocument(beforePageScripts);
  page.goto(url).catch(() => {});
  await poll(
    () =>
      page.evaluate(
        (href) => location.href === href && document.readyState === 'complete',
        expected,
      ),
    { timeout: 15_000, message: `${url} to load` },
  );
  return page;
}

export async function launchFirefoxSession({
  executablePath = FIREFOX_PATH,
  uiLanguage,
}: {
  executablePath?: string;
  uiLanguage?: string;
} = {}): Promise<FirefoxSession> {
  const extension = await launchFirefox({ executablePath, ...(uiLanguage ? { uiLanguage } : {}) });
  return {
    ...sessionOver(extension, puppeteerDriver, {
      name: executablePath === FIREFOX_PATH ? 'Firefox ESR' : 'Firefox ESR (oldest)',
      buildDir: FIREFOX_BUILD_DIR,
    }),
    extension,
  };
}

/**
 * The oldest Firefox the manifest accepts (Firefox ESR 140), unpacked by
 * scripts/fetch-oldest-firefox.sh, which `npm test` runs first. Fails with that advice when it is missing:
 * a test that skipped itself here would pass without having looked.
 */
export function launchOldestFirefoxSession(): Promise<FirefoxSession> {
  if (!existsSync(OLDEST_FIREFOX_PATH)) {
    throw new Error(
      `no Firefox ESR 140 at ${OLDEST_FIREFOX_PATH}: run scripts/fetch-oldest-firefox.sh (npm test runs it first)`,
    );
  }
  return launchFirefoxSession({ executablePath: OLDEST_FIREFOX_PATH });
}

/**
 * Starts Firefox ESR over WebDriver BiDi and installs the built extension as a temporary add-on.
 * Playwright's Firefox and geckodriver do not work with the system Firefox; puppeteer-core does.
 */
export async function launchFirefox({
  extensionDir = FIREFOX_BUILD_DIR,
  executablePath = FIREFOX_PATH,
  uiLanguage,
}: {
  extensionDir?: string;
  /** Another Firefox than the system's, e.g. `OLDEST_FIREFOX_PATH`. */
  executablePath?: string;
  /**
   * Firefox's own interface language, e.g. `zh-CN`: the `intl.locale.requested` pref, honoured
   * when that language pack is installed (Debian's firefox-esr-l10n-zh-cn puts it in the
   * application's extensions folder, a scope Puppeteer's profile enables).
   */
  uiLanguage?: string;
} = {}): Promise<FirefoxExtension> {
  const uuid = randomUUID();
  const proxyPort = await deadPort();
  const build = await snapshotBuild(extensionDir);
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      // Firefox 140 rejects setViewport; size the window at launch instead.
      defaultViewport: { width: 1280, height: 800 },
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxyPort,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxyPort,
        'network.proxy.no_proxies_on': '127.0.0.1',
        'network.proxy.allow_hijacking_localhost': false,
        ...(uiLanguage ? { 'intl.locale.requested': uiLanguage } : {}),
      },
    })
    .catch(async (error: unknown) => {
      await build.remove();
      throw error;
    });
  const close = async () => {
    try {
      await browser.close();
    } finally {
      await build.remove();
    }
  };
  try {
    const installedId = await browser.installExtension(build.dir);
    if (installedId !== GECKO_ID) {
      throw new Error(`installed add-on id ${installedId}, expected ${GECKO_ID}`);
    }
  } catch (error) {
    await close();
    throw error;
  }
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
  return {
    browser,
    uuid,
    extensionUrl,
    extensionManager: () => addonManager(browser),
    openExtensionPage: (path) => openTab(browser, extensionUrl(path)),
    openPage: (url, options) => openTab(browser, url, options),
    close,
  };
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** Runs `expression` in the browser's own (chrome) context; resolves to its JSON value. */
async function inChromeContext(
  browser: Browser,
): Promise<(expression: string) => Promise<unknown>> {
  // Puppeteer's BiDi browser exposes its connection; its public type does not.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' }))
    .result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (context === undefined) throw new Error('no chrome browsing context');
  return async (expression) => {
    const { result } = (await connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: unknown } };
    if (result.type !== 'success') throw new Error(`chrome context: ${JSON.stringify(result)}`);
    const json = result.result?.value;
    return json === undefined ? undefined : JSON.parse(json);
  };
}

async function addonManager(browser: Browser): Promise<ExtensionSwitch> {
  const evaluate = await inChromeContext(browser);
  const addon = `ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs').AddonManager.getAddonByID(${JSON.stringify(GECKO_ID)})`;
  const act = async (method: 'disable' | 'enable' | 'reload' | 'uninstall') => {
    await evaluate(`${addon}.then(async (addon) => { await addon.${method}(); return true; })`);
  };
  // What the idle timeout does (runtime.onSuspend, then the page closes), without waiting 30 s.
  const extension = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs').ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)})`;
  return {
    disable: () => act('disable'),
    enable: () => act('enable'),
    reload: () => act('reload'),
    uninstall: () => act('uninstall'),
    async sleepBackground() {
      const state = await evaluate(
        `(async (extension) => { await extension.terminateBackground({ disableResetIdleForTest: true }); return extension.backgroundState; })(${extension})`,
      );
      if (state !== 'stopped') throw new Error(`the event page is ${String(state)}, not stopped`);
    },
    recordedErrors: async () => null,
  };
}
