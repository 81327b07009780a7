/**
 * Gives the tabs that were already open when this copy of the extension started a live content
 * script. The browser injects manifest content scripts only into pages loaded after that: on
 * install, on an update or reload (the old version's scripts tear themselves down, see
 * entrypoints/content/lifeline.ts) and when the extension is enabled again, every open page would
 * stay unmarked until reloaded.
 *
 * None of those moments has one event in both browsers: `runtime.onInstalled` fires on install
 * and update but not when a disabled extension is enabled again (Chromium starts the worker and
 * fires neither onInstalled nor onStartup). What they share is a fresh `storage.session`, which
 * the browser empties whenever the extension is disabled, reloaded, updated or the browser quits,
 * and keeps while an idle worker sleeps. So every worker start runs `adoptOpenTabs`, and only the
 * first one after such a moment does the work.
 *
 * Every http(s) tab gets the script, as a page loaded now would from the manifest: the script
 * itself decides from the settings whether to mark, and stays to answer the popup and to follow a
 * later change of the settings. A tab whose live script answers a ping is left alone, so no page
 * ever runs two copies.
 */

/** The parts of `tabs.Tab` this needs. */
export interface OpenTab {
  id?: number;
  url?: string;
  discarded?: boolean;
}

export interface OpenTabsApi {
  /** Every tab of every window. */
  queryTabs(): Promise<OpenTab[]>;
  /** Whether a live content script of this extension answers in the tab's top frame. */
  ping(tabId: number): Promise<boolean>;
  /** Runs the manifest's content script (and its styles, if any) in the tab's top frame. */
  inject(tabId: number): Promise<void>;
  /** Whether this browser session already adopted the open tabs (`storage.session`). */
  adopted(): Promise<boolean>;
  markAdopted(): Promise<void>;
}

export interface AdoptionReport {
  /** Tabs that got a content script now. */
  injected: number[];
  /** Tabs where a live script answered. */
  live: number[];
  /** Tabs the extension may not script (other schemes, stores, revoked site access). */
  refused: number[];
  /** True when an earlier worker of this session had already done it. */
  skipped: boolean;
}

/** Schemes the manifest's content script matches (`CONTENT_SCRIPT_MATCHES`). */
function isWebPage(url: string | undefined): boolean {
  // Without the `tabs` permission a tab's URL is visible only where the extension has host
  // access; an unknown URL is tried, and the browser refuses what the extension may not script.
  return url === undefined || url.startsWith('http://') || url.startsWith('https://');
}

export async function adoptOpenTabs(api: OpenTabsApi): Promise<AdoptionReport> {
  const report: AdoptionReport = { injected: [], live: [], refused: [], skipped: false };
  if (await api.adopted()) return { ...report, skipped: true };
  const tabs = await api.queryTabs();
  // One tab at a time: a hundred tabs each parsing the script at once would freeze the browser.
  for (const tab of tabs) {
    const { id } = tab;
    // A discarded tab has no page in memory; it loads afresh, with the manifest script.
    if (id === undefined || tab.discarded === true || !isWebPage(tab.url)) continue;
    if (await api.ping(id)) {
      report.live.push(id);
      continue;
    }
    try {
      await api.inject(id);
      report.injected.push(id);
    } catch {
      report.refused.push(id);
    }
  }
  await api.markAdopted();
  return report;
}
