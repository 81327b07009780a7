import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import type { PageInfo, TabRequest } from '../../../common/protocol';
import { loadSettings } from '../../../common/settings-store';
import {
  relayMentionCommand,
  relayPinCommand,
  toggleActiveSite,
} from '../../../entrypoints/background/commands';
import { tab } from '../../fixtures/background/senders';

/** Stands in for the content script of one tab: records what it was asked and answers page-info. */
function answerTabs(page: PageInfo | null) {
  const asked: TabRequest[] = [];
  vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async (_tabId, message) => {
    const request = message as TabRequest;
    asked.push(request);
    if (page === null)
      throw new Error('Could not establish connection. Receiving end does not exist.');
    if (request.type === 'page-info') return { ok: true, value: page };
    if (request.type === 'pin-card') return { ok: true, value: { toggled: true } };
    return { ok: true, value: { revealed: true } };
  });
  return asked;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the keyboard shortcut for the current site', () => {
  it('turns Firewall Lens off on a site where it runs, and on again', async () => {
    answerTabs({ hostname: 'news.example.org' });
    expect(await toggleActiveSite(tab(7))).toBe(true);
    expect((await loadSettings()).disabledSites).toEqual(['news.example.org']);

    answerTabs({ hostname: 'news.example.org' });
    expect(await toggleActiveSite(tab(7))).toBe(true);
    expect((await loadSettings()).disabledSites).toEqual([]);
  });

  it('changes nothing on a tab without a content script (a browser page)', async () => {
    answerTabs(null);
    expect(await toggleActiveSite(tab(7))).toBe(false);
    expect((await loadSettings()).disabledSites).toEqual([]);
  });
});

describe('the next and previous mention shortcuts', () => {
  it('ask the tab to reveal the next or previous mention', async () => {
    const asked = answerTabs({ hostname: 'news.example.org' });
    expect(await relayMentionCommand('next-mention', tab(3))).toBe(true);
    expect(await relayMentionCommand('previous-mention', tab(3))).toBe(true);
    expect(asked).toEqual([
      { type: 'reveal-mention', direction: 'next' },
      { type: 'reveal-mention', direction: 'previous' },
    ]);
  });

  it('ignore commands they do not know', async () => {
    const asked = answerTabs({ hostname: 'news.example.org' });
    expect(await relayMentionCommand('pin-card', tab(3))).toBe(false);
    expect(asked).toEqual([]);
  });

  it('leave the reader a pin shortcut that pins the card open in the tab', async () => {
    const asked = answerTabs({ hostname: 'news.example.org' });
    expect(await relayPinCommand(tab(3))).toBe(true);
    expect(asked).toEqual([{ type: 'pin-card' }]);
    answerTabs(null);
    expect(await relayPinCommand(tab(3))).toBe(false);
  });

  it('ignore the site toggle', async () => {
    const asked = answerTabs({ hostname: 'news.example.org' });
    expect(await relayMentionCommand('toggle-site', tab(3))).toBe(false);
    expect(asked).toEqual([]);
  });
});
