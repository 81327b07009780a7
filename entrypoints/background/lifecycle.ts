/**
 * The background's half of following the extension's life in open pages: it accepts the marked
 * pages' lifeline ports (entrypoints/content/lifeline.ts), and at each worker start it gives the
 * tabs opened before this copy of the extension a content script (open-tabs.ts).
 */
import { type Browser, browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { lifelinePage, parseReply } from '../../common/protocol';
import { forgetDocument, forgetTab } from './frame-mentions-store';
import { mainContentScript } from './frame-script';
import { adoptOpenTabs, type OpenTabsApi } from './open-tabs';

const ADOPTED_KEY = 'openTabsAdopted';
/** A live script answers within milliseconds; a hung or frozen tab must not stall the others. */
const PING_TIMEOUT_MS = 2_000;

/** Ports are kept until they close, so nothing collects one while its page holds it. */
const lifelines = new Set<Browser.runtime.Port>();

function acceptLifeline(port: Browser.runtime.Port): void {
  const page = lifelinePage(port.name);
  if (page === null || port.sender?.id !== browser.runtime.id) {
    port.disconnect();
    return;
  }
  lifelines.add(port);
  port.onDisconnect.addListener(() => {
    lifelines.delete(port);
    // The document went away (removed frame, navigation, closed tab) or the extension is going:
    // its count leaves the tab's badge. A worker stopping closes no port here (it is gone), and
    // the page connects again with the same token.
    const tabId = port.sender?.tab?.id;
    if (tabId === undefined || page === '') return;
    forgetDocument(tabId, port.sender?.frameId ?? 0, page).catch(() => undefined);
  });
}

async function ping(tabId: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<unknown>((resolve) => {
    timer = setTimeout(() => resolve(undefined), PING_TIMEOUT_MS);
  });
  try {
    const reply = await Promise.race([
      browser.tabs.sendMessage(tabId, { type: 'page-info' }, { frameId: 0 }),
      timeout,
    ]);
    return parseReply(reply).ok;
  } catch {
    // "Receiving end does not exist": no script, or only an old version's, which cannot answer.
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function browserOpenTabsApi(): OpenTabsApi {
  return {
    queryTabs: () => browser.tabs.query({}),
    ping,
    async inject(tabId) {
      const declared = mainContentScript();
      // The built manifest's own paths, so they are public paths by construction.
      const js = (declared?.js ?? []) as ScriptPublicPath[];
      const css = declared?.css ?? [];
      // The top frame only, as the manifest declares it.
      const target = { tabId };
      if (css.length > 0) await browser.scripting.insertCSS({ target, files: css });
      if (js.length > 0) await browser.scripting.executeScript({ target, files: js });
    },
    async adopted() {
      const stored = await browser.storage.session.get(ADOPTED_KEY);
      return stored[ADOPTED_KEY] === true;
    },
    markAdopted: () => browser.storage.session.set({ [ADOPTED_KEY]: true }),
  };
}

/** Must run in the worker's first turn, like every listener (see listeners.ts). */
export function registerLifecycle(api: OpenTabsApi = browserOpenTabsApi()): void {
  browser.runtime.onConnect.addListener(acceptLifeline);
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId).catch(() => undefined);
  });
  adoptOpenTabs(api).catch((error: unknown) => {
    console.error('Firewall Lens: giving open tabs a content script failed', error);
  });
}
