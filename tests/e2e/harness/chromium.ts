import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchWithExtension } from '../../../scripts/lib/chromium.mjs';
import {
  type BrowserSession,
  type LaunchedExtension,
  type OpenPageOptions,
  sessionOver,
} from './browser-session';
import { snapshotBuild } from './build-snapshot';
import { sendMessage } from './extension-pages';
import type { ExtensionSwitch } from './extension-switch';
import { type PlaywrightDriver, playwrightDriver } from './page-driver';
import { CHROME_BUILD_DIR } from './paths';
import { poll } from './poll';

export interface ChromiumExtension extends LaunchedExtension<Page> {
  context: BrowserContext;
  extensionId: string;
  /**
   * Runs `fn` in the background service worker. After `stopServiceWorker`, wake it first (send it
   * a message from an extension page): evaluating does not start a stopped worker.
   */
  evaluateInServiceWorker<R>(fn: () => R | Promise<R>): Promise<R>;
  /** Stops the background service worker the way Chromium does when it is idle. */
  stopServiceWorker(): Promise<void>;
  /** The extension manager (`chrome://extensions`, kept open in a tab of its own). */
  extensionManager(): Promise<ExtensionSwitch>;
}

/** Chromium for the shared suites; `extension` keeps what only Chromium can do. */
export interface ChromiumSession extends BrowserSession<PlaywrightDriver> {
  extension: ChromiumExtension;
}

/** `runtime.sendMessage` from an extension page. */
export function sendMessageFromPage(page: Page, message: unknown): Promise<unknown> {
  return sendMessage(playwrightDriver(page), message);
}

async function backgroundWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  return (
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }))
  );
}

export async function launchChromiumSession(
  options: { uiLanguage?: string } = {},
): Promise<ChromiumSession> {
  const extension = await launchChromium(options);
  return {
    ...sessionOver(extension, playwrightDriver, { name: 'Chromium', buildDir: CHROME_BUILD_DIR }),
    extension,
  };
}

/** Starts Chromium with a snapshot of the built extension in a fresh profile. */
export async function launchChromium({
  extensionDir = CHROME_BUILD_DIR,
  uiLanguage,
}: {
  extensionDir?: string;
  /** Chromium's own interface language, e.g. `zh_CN` (see launchWithExtension). */
  uiLanguage?: string;
} = {}): Promise<ChromiumExtension> {
  const build = await snapshotBuild(extensionDir);
  let launched: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
  const cleanUp = async () => {
    await launched?.close();
    await build.remove();
  };
  try {
    launched = await launchWithExtension(build.dir, uiLanguage ? { uiLanguage } : {});
    const worker = await backgroundWorker(launched.context);
    return wrap(launched.context, new URL(worker.url()).host, cleanUp);
  } catch (error) {
    await cleanUp().catch(() => {});
    throw error;
  }
}

function wrap(
  context: BrowserContext,
  extensionId: string,
  cleanUp: () => Promise<void>,
): ChromiumExtension {
  const origin = `chrome-extension://${extensionId}`;
  const extensionUrl = (path: string) => `${origin}/${path.replace(/^\//, '')}`;

  const openPage = async (url: string, { beforePageScripts }: OpenPageOptions = {}) => {
    const page = await context.newPage();
    if (beforePageScripts) await page.addInitScript(beforePageScripts);
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };

  const stopServiceWorker = async () => {
    // The ServiceWorker CDP domain lives on page targets and sees every worker of the profile. A
    // blank tab, not an extension page: the popup may message the worker and restart it.
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    try {
      const statuses = new Map<string, string>();
      // A page's message may start the worker again at once: what counts is that each running
      // version was seen stopped after the stop, not that it still is.
      const stoppedSince = new Set<string>();
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const version of versions) {
          if (version.scriptURL.startsWith(origin)) {
            statuses.set(version.versionId, version.runningStatus);
            if (version.runningStatus === 'stopped') stoppedSince.add(version.versionId);
          }
        }
      });
      await cdp.send('ServiceWorker.enable');
      // Enabling the domain reports every known version, running or not.
      await poll(() => statuses.size > 0, {
        timeout: 5_000,
        message: 'the background service worker to be listed',
      });
      const running = [...statuses].filter(([, status]) => status !== 'stopped');
      stoppedSince.clear();
      for (const [versionId] of running) {
        await cdp.send('ServiceWorker.stopWorker', { versionId });
      }
      await poll(() => running.every(([versionId]) => stoppedSince.has(versionId)), {
        timeout: 10_000,
        message: 'the background service worker to stop',
      });
    } finally {
      await cdp.detach().catch(() => {});
      await page.close();
    }
  };

  let manager: Promise<ExtensionSwitch> | undefined;
  const extensionManager = () => {
    manager ??= openExtensionManager(context, extensionId, stopServiceWorker);
    return manager;
  };

  return {
    context,
    extensionId,
    extensionUrl,
    extensionManager,
    openExtensionPage: (path) => openPage(extensionUrl(path)),
    openPage,
    async evaluateInServiceWorker<R>(fn: () => R | Promise<R>): Promise<R> {
      const worker = await backgroundWorker(context);
      return (await worker.evaluate(fn)) as R;
    },
    stopServiceWorker,
    async close() {
      try {
        await context.close();
      } finally {
        await cleanUp();
      }
    },
  };
}

interface ExtensionsPageApi {
  management: { setEnabled(id: string, enabled: boolean): Promise<void> };
  developerPrivate: {
    updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
    reload(id: string, options: { failQuietly: boolean }): Promise<void>;
    getExtensionInfo(id: string): Promise<{ runtimeErrors: { message: string }[] }>;
  };
}

async function openExtensionManager(
  context: BrowserContext,
  extensionId: string,
  stopServiceWorker: () => Promise<void>,
): Promise<ExtensionSwitch> {
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  const api = () => (globalThis as unknown as { chrome: ExtensionsPageApi }).chrome;
  // Without developer mode a reloaded unpacked extension comes back disabled.
  await page.evaluate(
    `(${api})().developerPrivate.updateProfileConfiguration({ inDeveloperMode: true })`,
  );
  const call = (body: string) => page.evaluate(`(async (chrome) => { ${body} })((${api})())`);
  const id = JSON.stringify(extensionId);
  return {
    disable: async () => void (await call(`await chrome.management.setEnabled(${id}, false);`)),
    enable: async () => void (await call(`await chrome.management.setEnabled(${id}, true);`)),
    reload: async () =>
      void (await call(`await chrome.developerPrivate.reload(${id}, { failQuietly: true });`)),
    sleepBackground: stopServiceWorker,
    recordedErrors: async () =>
      (await call(
        `return (await chrome.developerPrivate.getExtensionInfo(${id})).runtimeErrors.map((e) => e.message);`,
      )) as string[],
  };
}
