/**
 * The background's half of following the extension's life in open pages: it accepts the marked
 * pages' lifeline ports (entrypoints/content/lifeline.ts), and at each worker start it gives the
 * tabs opened before this copy of the extension a content script (open-tabs.ts).
 */
import { type Browser, browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { LIFELINE_PORT, parseReply } from '../../common/protocol';
import { adoptOpenTabs, type OpenTabsApi } from './open-tabs';

const ADOPTED_KEY = 'openTabsAdopted';
/** A live script answers within milliseconds; a hung or frozen tab must not stall the others. */
const PING_TIMEOUT_MS = 2_000;

/** Ports are kept until they close, so nothing collects one while its page holds it. */
const lifelines = new Set<Browser.runtime.Port>();

function acceptLifeline(port: Browser.runtime.Port): void {
  if (port.name !== LIFELINE_PORT || port.sender?.id !== browser.runtime.id) {
    port.disconnect();
    return;
  }
  lifelines.add(port);
  port.onDisconnect.addListener(() => lifelines.delete(port));
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
      const declared = browser.runtime.getManifest().content_scripts?.[0];
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
  adoptOpenTabs(api).catch((error: unknown) => {
    console.error('Firewall Lens: giving open tabs a content script failed', error);
  });
}
