import { browser } from 'wxt/browser';

/**
 * The tab the popup was opened over. `tabs.query` for the active tab needs no permission; its URL is
 * not read (that would need `tabs` or `activeTab`): the content script tells its own host name.
 */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
