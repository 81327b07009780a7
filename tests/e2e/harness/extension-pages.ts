/**
 * The extension APIs as a test reaches them: from inside one of the extension's own pages. The
 * functions named `…InExtensionPage` run there and are self-contained (the driver sends their
 * source text); each finds the API under `browser` (Firefox) or `chrome` (Chromium).
 */
import type { PageDriver } from './page-driver';

interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}

/** Runs in an extension page: `runtime.sendMessage`, i.e. a request to the background. */
export function sendMessageInExtensionPage(message: unknown): Promise<unknown> {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return ((scope.browser ?? scope.chrome) as ExtensionApi).runtime.sendMessage(message);
}

/** Runs in an extension page: the id of the active tab of that page's window. */
export async function activeTabIdInExtensionPage(): Promise<number | null> {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = (scope.browser ?? scope.chrome) as ExtensionApi;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Runs in an extension page: the toolbar badge text of one tab. */
export function badgeTextInExtensionPage(tabId: number): Promise<string> {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return ((scope.browser ?? scope.chrome) as ExtensionApi).action.getBadgeText({ tabId });
}

/** Runs in an extension page: `tabs.sendMessage`, i.e. a request to that tab's content script. */
export function sendToTabInExtensionPage({
  tabId,
  message,
}: {
  tabId: number;
  message: unknown;
}): Promise<unknown> {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return ((scope.browser ?? scope.chrome) as ExtensionApi).tabs.sendMessage(tabId, message);
}

/** A request to the background, sent from `extensionPage`. */
export function sendMessage(extensionPage: PageDriver, message: unknown): Promise<unknown> {
  return extensionPage.evaluate(sendMessageInExtensionPage, message);
}

/**
 * The tab id of `tab`, asked from an extension page. Without the `tabs` permission an extension
 * page cannot match a tab by URL in Chromium, but it can ask which tab is active: bring `tab` to
 * the front and ask.
 */
export async function tabIdOf(tab: PageDriver, extensionPage: PageDriver): Promise<number> {
  await tab.bringToFront();
  const id = await extensionPage.evaluate(activeTabIdInExtensionPage);
  if (id === null) throw new Error('no active tab');
  return id;
}
