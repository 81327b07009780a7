import { type Browser, browser } from 'wxt/browser';

/**
 * The tab the popup was opened over, or a keyboard command was pressed in (`tab`, when the browser
 * passed it). `tabs.query` for the active tab needs no permission; its URL is not read (that would
 * need `tabs` or `activeTab`): the content script tells its own host name.
 */
export async function activeTabId(tab?: Browser.tabs.Tab): Promise<number | null> {
  if (tab?.id !== undefined) return tab.id;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}
