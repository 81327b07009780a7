/**
 * The toolbar popup as a reader uses it: the per-site switch, the "off everywhere" hint, the terms
 * on the page and the glossary. The tab's content script and the background are played by fakes
 * that answer the way the real ones do (the background searches the shipped glossary).
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { decideEnablement } from '../../../common/enablement';
import type { Glossary } from '../../../common/glossary-types';
import { interfaceIsChinese } from '../../../common/i18n';
import {
  type BackgroundRequest,
  type PageMention,
  parseBackgroundRequest,
  parseTabRequest,
} from '../../../common/protocol';
import { defaultSettings } from '../../../common/settings';
import { loadSettings } from '../../../common/settings-store';
import glossaryJson from '../../../data/glossary.json';
import { searchGlossary } from '../../../entrypoints/background/glossary-search';
import { Popup } from '../../../entrypoints/popup/Popup';
import { useInterfaceLocale } from '../support/fake-i18n';
import { queriesWithin, spokenText, type } from '../support/queries';
import { realCard } from '../support/real-cards';
import { storeSettings } from '../support/store-settings';
import { waitFor } from '../support/wait-for';

const glossary = glossaryJson as Glossary;
const TAB_ID = 7;
const PAGE_URL = 'https://example.com/news/story.html';

let container: HTMLElement;
const { allByRole, getByRole } = queriesWithin(() => container);
/** Every request the popup sent, in order: to the tab and to the background. */
let tabRequests: unknown[];
let backgroundRequests: BackgroundRequest[];
/** What the fake content script found on the page. */
let pageMentions: PageMention[];

/** The content script of the active tab: answers from the stored settings, like the real one. */
function fakeContentScript(): void {
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [
    {
      id: TAB_ID,
      index: 0,
      windowId: 1,
      active: true,
      highlighted: true,
      pinned: false,
      incognito: false,
      discarded: false,
      autoDiscardable: true,
      frozen: false,
      groupId: -1,
    },
  ]);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(answerAsContentScript);
}

async function answerAsContentScript(tabId: number, message: unknown): Promise<unknown> {
  if (tabId !== TAB_ID) throw new Error('Could not establish connection.');
  tabRequests.push(message);
  const parsed = parseTabRequest(message);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { active } = decideEnablement(await loadSettings(), PAGE_URL);
  switch (parsed.value.type) {
    case 'page-info':
      return { ok: true, value: { hostname: 'example.com' } };
    case 'page-mentions-list':
      return { ok: true, value: active ? pageMentions : [] };
    case 'reveal-mention':
      return { ok: true, value: { revealed: active } };
  }
}

/** The background: fakeBrowser calls listeners without sendResponse, so they return Promises. */
function fakeBackground(): void {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const parsed = parseBackgroundRequest(message);
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    const request = parsed.value;
    backgroundRequests.push(request);
    if (request.type === 'search') {
      const found = searchGlossary(glossary.entries, request.query, {
        ...(request.category ? { category: request.category } : {}),
        chinese: interfaceIsChinese(),
      });
      return Promise.resolve({ ok: true, value: found.map((entry) => realCard(entry.id)) });
    }
    if (request.type === 'cards') {
      return Promise.resolve({ ok: true, value: request.ids.map((id) => realCard(id)) });
    }
    return Promise.resolve({ ok: false, error: `not faked: ${request.type}` });
  });
}

function searchBox(): HTMLInputElement {
  const input = container.querySelector<HTMLInputElement>('input[aria-label="Search glossary"]');
  if (!input) throw new Error('no search box named "Search glossary"');
  return input;
}

/** Labels of the glossary's cards as listed, in order. */
function glossaryLabels(): string[] {
  const list = container.querySelector('[aria-label="Glossary terms"]');
  if (!list) throw new Error('no glossary list');
  return [...list.querySelectorAll('.fl-card__label')].map((label) => label.textContent ?? '');
}

/** Each listed term as [its label, its count as read aloud]. */
function mentionRows(): [string, string][] {
  return mentionButtons().map((button) => [
    spokenText(button.querySelector('.mention-label') ?? button),
    spokenText(button.querySelector('.mention-count') ?? button),
  ]);
}

function mentionButtons(): HTMLButtonElement[] {
  const list = container.querySelector('[aria-label="Terms on this page"]');
  if (!list) throw new Error('no list of terms on this page');
  return [...list.querySelectorAll<HTMLButtonElement>('button')];
}

function isPageInfo(request: unknown): boolean {
  return (request as { type?: unknown }).type === 'page-info';
}

function renderPopup(): void {
  render(<Popup />, container);
}

async function openGlossary(): Promise<void> {
  getByRole('tab', 'Glossary').click();
  await waitFor(() => glossaryLabels());
}

beforeEach(() => {
  fakeBrowser.reset();
  tabRequests = [];
  backgroundRequests = [];
  pageMentions = [];
  fakeContentScript();
  fakeBackground();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the popup over a page', () => {
  it('shows "Enabled on example.com" as a switch that is on where the page is marked', async () => {
    renderPopup();
    const toggle = await waitFor(() => getByRole('switch', 'Enabled on example.com'));
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(tabRequests).toContainEqual({ type: 'page-info' });
  });

  it('shows the switch off on a site the reader switched off', async () => {
    await storeSettings({ ...defaultSettings(), disabledSites: ['example.com'] });
    renderPopup();
    const toggle = await waitFor(() => getByRole('switch', 'Enabled on example.com'));
    expect(toggle.getAttribute('aria-checked')).toBe('false');
  });

  it('switching it off stores the site in the "off" list and the switch follows the settings', async () => {
    renderPopup();
    const toggle = await waitFor(() => getByRole('switch', 'Enabled on example.com'));
    toggle.click();
    await waitFor(() =>
      expect(getByRole('switch', 'Enabled on example.com').getAttribute('aria-checked')).toBe(
        'false',
      ),
    );
    const stored = await loadSettings();
    expect(stored.disabledSites).toEqual(['example.com']);
    expect(stored.enabled).toBe(true);

    getByRole('switch', 'Enabled on example.com').click();
    await waitFor(() =>
      expect(getByRole('switch', 'Enabled on example.com').getAttribute('aria-checked')).toBe(
        'true',
      ),
    );
    expect((await loadSettings()).disabledSites).toEqual([]);
    // The switch shows what the settings decide; the page, which applies them a moment later
    // and may answer with its old state, is asked once, for its host.
    expect(tabRequests.filter((request) => isPageInfo(request))).toHaveLength(1);
  });

  it('says when it is off everywhere, and "Turn it on" switches it back on', async () => {
    await storeSettings({ ...defaultSettings(), enabled: false });
    renderPopup();
    const hint = await waitFor(() => {
      const status = container.querySelector('[role="status"]');
      if (!status?.textContent?.includes('Firewall Lens is off everywhere.')) {
        throw new Error('no "off everywhere" hint');
      }
      return status;
    });
    // Per-site switching means nothing while the global switch is off.
    const toggle = await waitFor(() => getByRole('switch', 'Enabled on example.com'));
    expect(toggle.hasAttribute('disabled')).toBe(true);
    expect(toggle.getAttribute('aria-checked')).toBe('false');

    getByRole('button', 'Turn it on').click();
    await waitFor(() => expect(hint.isConnected).toBe(false));
    expect((await loadSettings()).enabled).toBe(true);
    await waitFor(() =>
      expect(getByRole('switch', 'Enabled on example.com').getAttribute('aria-checked')).toBe(
        'true',
      ),
    );
    expect(getByRole('switch', 'Enabled on example.com').hasAttribute('disabled')).toBe(false);
  });

  // A busy page answers late (its content script shares the page's main thread): until it does,
  // the popup cannot know, and must not tell the reader Firewall Lens is not running there.
  it('does not claim "does not run on this page" while the page has not answered yet', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(
      async (tabId: number, message: unknown) => {
        await released;
        return answerAsContentScript(tabId, message);
      },
    );
    renderPopup();
    await waitFor(() => expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).not.toContain('does not run on this page');
    expect(container.textContent).not.toContain('is not reading this page');
    release();
    await waitFor(() => getByRole('switch', 'Enabled on example.com'));
  });

  it('says it does not run on a page where no content script answers, and opens the glossary', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    renderPopup();
    await waitFor(() => {
      expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalled();
      expect(container.textContent).toContain('Firewall Lens does not run on this page.');
    });
    expect(allByRole('switch')).toEqual([]);
    expect(await waitFor(() => glossaryLabels())).toHaveLength(glossary.entries.length);
    expect(getByRole('tab', 'Glossary').getAttribute('aria-selected')).toBe('true');
    getByRole('tab', 'On this page').click();
    await waitFor(() =>
      expect(container.textContent).toContain('Firewall Lens is not reading this page.'),
    );
  });
});

describe('"On this page"', () => {
  beforeEach(() => {
    // The content script lists terms in the order they first appear, labelled by id.
    pageMentions = [
      { id: 'youtube', label: 'youtube', category: 'blocked-platform', count: 1 },
      { id: 'vpn', label: 'vpn', category: 'circumvention', count: 3 },
      { id: 'great-firewall', label: 'great-firewall', category: 'censorship-system', count: 5 },
      { id: 'facebook', label: 'facebook', category: 'blocked-platform', count: 1 },
    ];
  });

  it('lists the terms with their counts, most mentioned first, named as in the glossary', async () => {
    renderPopup();
    const rows = await waitFor(() => mentionRows());
    expect(rows).toEqual([
      ['Great Firewall', '5 mentions'],
      ['VPN', '3 mentions'],
      ['Facebook', '1 mention'],
      ['YouTube', '1 mention'],
    ]);
    expect(getByRole('tab', 'On this page').getAttribute('aria-selected')).toBe('true');
  });

  it('clicking a term asks the page to reveal that term, then closes the popup', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    renderPopup();
    const buttons = await waitFor(() => mentionButtons());
    buttons.find((button) => spokenText(button).startsWith('VPN'))?.click();
    await waitFor(() => expect(close).toHaveBeenCalled());
    const reveals = tabRequests.filter(
      (request) => (request as { type: string }).type === 'reveal-mention',
    );
    expect(reveals).toEqual([{ type: 'reveal-mention', id: 'vpn', direction: 'next' }]);
  });

  it('opens on the glossary when the page mentions no glossary term, and says so on the page tab', async () => {
    pageMentions = [];
    renderPopup();
    expect(await waitFor(() => glossaryLabels())).toHaveLength(glossary.entries.length);
    expect(getByRole('tab', 'Glossary').getAttribute('aria-selected')).toBe('true');
    getByRole('tab', 'On this page').click();
    await waitFor(() =>
      expect(container.textContent).toContain('No terms from the glossary on this page.'),
    );
  });

  it('opens on the glossary on a site the reader switched off (nothing is marked there)', async () => {
    await storeSettings({ ...defaultSettings(), disabledSites: ['example.com'] });
    renderPopup();
    expect(await waitFor(() => glossaryLabels())).toHaveLength(glossary.entries.length);
    expect(getByRole('switch', 'Enabled on example.com').getAttribute('aria-checked')).toBe(
      'false',
    );
  });
});

describe('the glossary', () => {
  it('lists every term when nothing is typed', async () => {
    renderPopup();
    await openGlossary();
    expect(glossaryLabels()).toHaveLength(glossary.entries.length);
    expect(backgroundRequests).toContainEqual({ type: 'search', query: '' });
  });

  it('the "Search glossary" box asks the background and narrows the list', async () => {
    renderPopup();
    await openGlossary();
    type(searchBox(), '微博');
    // Its name first; Twitter's Chinese summary mentions 新浪微博 too.
    await waitFor(() => expect(glossaryLabels()).toEqual(['Sina Weibo', 'Twitter']));
    expect(backgroundRequests).toContainEqual({ type: 'search', query: '微博' });
  });

  it('says "No terms match" when nothing matches', async () => {
    renderPopup();
    await openGlossary();
    type(searchBox(), 'zzzz');
    await waitFor(() => expect(container.textContent).toContain('No terms match “zzzz”.'));
    expect(container.querySelector('[aria-label="Glossary terms"]')).toBeNull();
    expect(container.querySelector('[role="status"]')?.textContent).toBe('0 terms');
  });

  it('a category chip filters the list, and pressing it again shows every term', async () => {
    renderPopup();
    await openGlossary();
    const chip = getByRole('button', 'Blocked platforms');
    chip.click();
    await waitFor(() =>
      expect(glossaryLabels()).toEqual([
        'Facebook',
        'Google',
        'Instagram',
        'Telegram',
        'Twitter',
        'WhatsApp',
        'Wikipedia',
        'YouTube',
      ]),
    );
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(backgroundRequests).toContainEqual({
      type: 'search',
      query: '',
      category: 'blocked-platform',
    });

    chip.click();
    await waitFor(() => expect(glossaryLabels()).toHaveLength(glossary.entries.length));
    expect(chip.getAttribute('aria-pressed')).toBe('false');
  });

  it('search and category combine', async () => {
    renderPopup();
    await openGlossary();
    // Each alone lists more: the chip all three blocked platforms, the search Weibo too.
    type(searchBox(), 'weibo');
    await waitFor(() => expect(glossaryLabels()).toContain('Sina Weibo'));
    expect(glossaryLabels().length).toBeGreaterThan(1);
    getByRole('button', 'Blocked platforms').click();
    await waitFor(() => expect(glossaryLabels()).toEqual(['Twitter']));
    expect(backgroundRequests).toContainEqual({
      type: 'search',
      query: 'weibo',
      category: 'blocked-platform',
    });
  });
});

describe('the tabs', () => {
  it('arrow keys move between "On this page" and "Glossary" and their panels', async () => {
    renderPopup();
    const pageTab = await waitFor(() => getByRole('tab', 'On this page'));
    pageTab.focus();
    pageTab.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    const glossaryTab = await waitFor(() => {
      const tab = getByRole('tab', 'Glossary');
      expect(tab.getAttribute('aria-selected')).toBe('true');
      return tab;
    });
    expect(document.activeElement).toBe(glossaryTab);
    expect(pageTab.getAttribute('aria-selected')).toBe('false');
    expect(pageTab.tabIndex).toBe(-1);
    expect(container.querySelector<HTMLElement>('#panel-glossary')?.hidden).toBe(false);
    expect(container.querySelector<HTMLElement>('#panel-page')?.hidden).toBe(true);
    await waitFor(() => searchBox());

    glossaryTab.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await waitFor(() => expect(pageTab.getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement).toBe(pageTab);
    expect(container.querySelector<HTMLElement>('#panel-page')?.hidden).toBe(false);
  });
});

describe('access to websites (Firefox lets a person withhold it)', () => {
  it('says nothing when the extension may read websites', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    renderPopup();
    await waitFor(() => getByRole('switch', 'Enabled on example.com'));
    expect(container.textContent).not.toContain('not allowed to read websites');
  });

  it('explains why nothing is marked and asks the browser for access', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    renderPopup();
    const allow = await waitFor(() => getByRole('button', 'Allow on all websites'));
    expect(container.textContent).toContain('not allowed to read websites');
    allow.click();
    await waitFor(() => expect(container.textContent).toContain('Access granted'));
    expect(request).toHaveBeenCalledWith({ origins: ['http://*/*', 'https://*/*'] });
  });
});

describe('the popup in a Chinese interface', () => {
  beforeEach(() => useInterfaceLocale('zh_CN'));

  it('speaks Chinese: its switch, its tabs and the terms on the page, named in Chinese', async () => {
    pageMentions = [
      { id: 'vpn', label: 'vpn', category: 'circumvention', count: 3 },
      { id: 'twitter', label: 'twitter', category: 'blocked-platform', count: 1 },
    ];
    renderPopup();
    await waitFor(() => getByRole('switch', '在 example.com 上启用'));
    expect(getByRole('tab', '本页术语').getAttribute('aria-selected')).toBe('true');
    expect(getByRole('tab', '术语表')).toBeDefined();
    const list = await waitFor(() => {
      const found = container.querySelector('[aria-label="本页术语"]');
      if (!found) throw new Error('no list of terms on this page');
      return found;
    });
    await waitFor(() => expect(list.querySelectorAll('button')).toHaveLength(2));
    const rows = [...list.querySelectorAll('button')].map((button) => [
      spokenText(button.querySelector('.mention-label')),
      spokenText(button.querySelector('.mention-count')),
    ]);
    expect(rows).toEqual([
      ['虚拟专用网络', '提及 3 次'],
      ['推特', '提及 1 次'],
    ]);
  });

  it('opens on the glossary, listed by Chinese name, with each summary in Chinese', async () => {
    pageMentions = [];
    renderPopup();
    const cards = await waitFor(() => {
      const found = container.querySelectorAll('[aria-label="术语列表"] .fl-card');
      if (found.length === 0) throw new Error('no glossary');
      return [...found];
    });
    expect(getByRole('tab', '术语表').getAttribute('aria-selected')).toBe('true');
    const names = cards.map((card) => card.querySelector('.fl-card__label-zh')?.textContent);
    // Pinyin order: 电报 (diàn) before 防火长城 (fáng).
    expect(names.slice(0, 2)).toEqual(['电报', '防火长城']);
    const vpn = cards.find((card) => card.getAttribute('data-card-id') === 'vpn');
    expect(vpn?.querySelector('.fl-card__summary')?.textContent).toBe(realCard('vpn').summaryZh);
    expect(vpn?.querySelector('blockquote')?.getAttribute('lang')).toBe('en');
  });

  it('searches in Chinese and says in Chinese when nothing matches', async () => {
    pageMentions = [];
    renderPopup();
    await waitFor(() => container.querySelector('[aria-label="术语列表"]') ?? fail());
    const search = container.querySelector<HTMLInputElement>('input[aria-label="搜索术语表"]');
    expect(search?.placeholder).toBe('搜索术语，中文或英文均可');
    type(search ?? fail(), '油管');
    await waitFor(() =>
      expect(
        [...container.querySelectorAll('[aria-label="术语列表"] .fl-card')].map((card) =>
          card.getAttribute('data-card-id'),
        ),
      ).toEqual(['youtube']),
    );
    type(search ?? fail(), '电视');
    await waitFor(() => expect(container.textContent).toContain('没有与“电视”匹配的术语。'));
  });
});

function fail(): never {
  throw new Error('not there yet');
}
