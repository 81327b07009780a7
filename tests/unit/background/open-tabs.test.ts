import { describe, expect, it } from 'vitest';
import {
  adoptOpenTabs,
  type OpenTab,
  type OpenTabsApi,
} from '../../../entrypoints/background/open-tabs';

/** Tabs as the browser lists them, which of them run a live script, which refuse scripting. */
function browserWith(
  tabs: OpenTab[],
  {
    live = [],
    refusing = [],
    adopted = false,
  }: { live?: number[]; refusing?: number[]; adopted?: boolean } = {},
) {
  const calls: string[] = [];
  const scripts = new Set(live);
  let flag = adopted;
  const api: OpenTabsApi = {
    queryTabs: async () => tabs,
    ping: async (tabId) => {
      calls.push(`ping ${tabId}`);
      return scripts.has(tabId);
    },
    inject: async (tabId) => {
      calls.push(`inject ${tabId}`);
      if (refusing.includes(tabId)) throw new Error('Cannot access contents of the page.');
      scripts.add(tabId);
    },
    adopted: async () => flag,
    markAdopted: async () => {
      flag = true;
    },
  };
  return { api, calls, isAdopted: () => flag };
}

describe('giving open tabs a content script', () => {
  it('injects into every web page without a live script, and leaves live ones alone', async () => {
    const { api, calls } = browserWith(
      [
        { id: 1, url: 'https://news.example.org/a' },
        { id: 2, url: 'http://example.com/' },
        { id: 3, url: 'https://live.example.org/' },
      ],
      { live: [3] },
    );
    const report = await adoptOpenTabs(api);
    expect(report).toEqual({ injected: [1, 2], live: [3], refused: [], skipped: false });
    expect(calls).toEqual(['ping 1', 'inject 1', 'ping 2', 'inject 2', 'ping 3']);
  });

  it('never touches other schemes or discarded tabs', async () => {
    const { api, calls } = browserWith([
      { id: 1, url: 'chrome://extensions/' },
      { id: 2, url: 'about:addons' },
      { id: 3, url: 'file:///home/reader/page.html' },
      { id: 4, url: 'https://news.example.org/', discarded: true },
      { url: 'https://news.example.org/no-id' },
    ]);
    const report = await adoptOpenTabs(api);
    expect(report.injected).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('tries tabs whose address it may not see, and records the ones the browser refuses', async () => {
    const { api } = browserWith([{ id: 7 }, { id: 8 }], { refusing: [8] });
    const report = await adoptOpenTabs(api);
    expect(report.injected).toEqual([7]);
    expect(report.refused).toEqual([8]);
  });

  it('runs once per browser session: a worker woken from sleep finds the flag and does nothing', async () => {
    const { api, calls, isAdopted } = browserWith([{ id: 1, url: 'https://news.example.org/' }]);
    await adoptOpenTabs(api);
    expect(isAdopted()).toBe(true);
    calls.length = 0;
    const again = await adoptOpenTabs(api);
    expect(again.skipped).toBe(true);
    expect(calls).toEqual([]);
  });

  it('never injects twice into a tab, even when the pass runs again without the flag', async () => {
    const { api, calls } = browserWith([{ id: 1, url: 'https://news.example.org/' }]);
    await adoptOpenTabs(api);
    await adoptOpenTabs({ ...api, adopted: async () => false });
    expect(calls.filter((call) => call.startsWith('inject'))).toEqual(['inject 1']);
  });
});
