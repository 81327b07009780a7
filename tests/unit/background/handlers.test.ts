import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { CardView, SourceView } from '../../../common/protocol';
import { BADGE_BACKGROUND } from '../../../entrypoints/background/badge';
import type { GlossaryDatabase } from '../../../entrypoints/background/db';
import { registerBackgroundListeners } from '../../../entrypoints/background/listeners';
import { flattenAliases } from '../../../entrypoints/background/matcher-data';
import { validateGlossary } from '../../../entrypoints/background/validate-glossary';
import {
  contentScript,
  deliver,
  extensionPage,
  WATCHED_URL,
} from '../../fixtures/background/senders';
import {
  backgroundContext,
  fixtureBundle,
  fixtureEntry,
  fixtureGlossary,
  freshDatabase,
} from '../../fixtures/background/test-database';

const POPUP = extensionPage('/popup.html');
let db: GlossaryDatabase;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Firewall Lens',
    version: '0.1.0',
  });
  db = freshDatabase();
  registerBackgroundListeners(backgroundContext(db));
});

async function ask(message: unknown, sender = POPUP) {
  return deliver(message, sender);
}

async function value<T>(message: unknown, sender = POPUP): Promise<T> {
  const reply = await ask(message, sender);
  expect(reply).toMatchObject({ ok: true });
  return (reply as { value: T }).value;
}

describe('the background answers every request type', () => {
  it('ping: the extension version, without touching the database', async () => {
    expect(await ask({ type: 'ping' })).toEqual({ ok: true, value: { version: '0.1.0' } });
    expect(await db.cards.count()).toBe(0);
  });

  it('card: the entry with its source title and the labels of related cards', async () => {
    const card = await value<CardView>({ type: 'card', id: 'great-firewall' }, contentScript(3));
    const entry = fixtureGlossary().entries.find((e) => e.id === 'great-firewall');
    expect(card).toEqual({
      ...entry,
      sourceTitle: 'Second World Internet Conference Concludes (excerpt)',
      relatedLabels: [
        { id: 'vpn', label: 'VPN', labelZh: '虚拟专用网' },
        { id: 'facebook', label: 'Facebook', labelZh: '脸书' },
      ],
    });
    expect(card).not.toHaveProperty('bundled');
    expect(card).not.toHaveProperty('aliasKeys');
  });

  it('card: null for an id no card has', async () => {
    expect(await ask({ type: 'card', id: 'telegram' })).toEqual({ ok: true, value: null });
  });

  it('cards: the known ones, in the order asked, skipping unknown ids', async () => {
    const cards = await value<CardView[]>({ type: 'cards', ids: ['vpn', 'nope', 'sina-weibo'] });
    expect(cards.map((card) => card.id)).toEqual(['vpn', 'sina-weibo']);
    expect(cards[0]?.relatedLabels).toEqual([
      { id: 'great-firewall', label: 'Great Firewall', labelZh: '防火长城' },
    ]);
    expect(cards[1]?.relatedLabels).toEqual([]);
  });

  it('search: ranked matches over names, Chinese names and summaries, filtered by category', async () => {
    const ids = async (message: object) =>
      (await value<CardView[]>({ type: 'search', ...message })).map((card) => card.id);
    expect(await ids({ query: '' })).toEqual(['facebook', 'great-firewall', 'sina-weibo', 'vpn']);
    expect(await ids({ query: 'great firewall' })).toEqual(['great-firewall', 'vpn']);
    expect(await ids({ query: '翻墙' })).toEqual(['vpn']);
    expect(await ids({ query: '', category: 'circumvention' })).toEqual(['vpn']);
    expect(await ids({ query: 'great firewall', category: 'circumvention' })).toEqual(['vpn']);
    const [first] = await value<CardView[]>({ type: 'search', query: 'gfw' });
    expect(first?.sourceTitle).toMatch(/^Second World Internet Conference/);
  });

  it('source: the article’s title and full text for reading a quote in context', async () => {
    const source = await value<SourceView>({ type: 'source', id: 'wuzhen-excerpt' });
    expect(source.title).toBe('Second World Internet Conference Concludes (excerpt)');
    for (const quote of fixtureEntry('great-firewall').quotes) {
      expect(source.text.slice(quote.start, quote.start + quote.text.length)).toBe(quote.text);
    }
    expect(await ask({ type: 'source', id: 'elsewhere' })).toEqual({ ok: true, value: null });
  });

  it('matcher-data: every alias of every card with the data version', async () => {
    const reply = await value({ type: 'matcher-data' }, contentScript(3));
    const result = validateGlossary(fixtureBundle().glossary, fixtureBundle().sources);
    if (!result.ok) throw new Error('fixture is invalid');
    const byId = {
      ...result.glossary,
      entries: result.glossary.entries.toSorted((a, b) => (a.id < b.id ? -1 : 1)),
    };
    expect(reply).toEqual(flattenAliases(byId));
  });

  it('matcher-data: null when the content script already has this version', async () => {
    expect(await ask({ type: 'matcher-data', knownVersion: 'fixture-1' })).toEqual({
      ok: true,
      value: null,
    });
    const stale = await value<{ version: string } | null>({
      type: 'matcher-data',
      knownVersion: 'fixture-0',
    });
    expect(stale?.version).toBe('fixture-1');
  });

  it('data-status: how many cards and which data version', async () => {
    expect(await ask({ type: 'data-status' })).toEqual({
      ok: true,
      value: { cardCount: 4, dataVersion: 'fixture-1', cacheProblem: null },
    });
  });

  it('reseed: repairs bundled cards and keeps the ones a user added', async () => {
    await value({ type: 'data-status' });
    await db.cards.update('vpn', { label: 'damaged' });
    await db.cards.add({
      ...fixtureEntry('facebook'),
      id: 'my-card',
      bundled: 0,
      aliasKeys: ['my card'],
    });
    expect(await ask({ type: 'reseed' })).toEqual({
      ok: true,
      value: { cardCount: 5, dataVersion: 'fixture-1', cacheProblem: null },
    });
    expect((await db.cards.get('vpn'))?.label).toBe('VPN');
    expect(await db.cards.get('my-card')).toBeDefined();
  });
});

describe('opening the reader page', () => {
  it('opens the quote in a new tab beside the page whose card asked', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await ask({ type: 'open-reader', card: 'vpn', quote: 0 }, contentScript(5))).toEqual({
      ok: true,
      value: null,
    });
    const url = `chrome-extension://${fakeBrowser.runtime.id}/reader.html?card=vpn&quote=0`;
    // contentScript(5) is the first tab (index 0) of window 1.
    expect(create).toHaveBeenCalledExactlyOnceWith({ url, openerTabId: 5, windowId: 1, index: 1 });
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(url);
  });
});

describe('the toolbar badge', () => {
  it('shows the mention count on the reporting tab only', async () => {
    expect(await ask({ type: 'page-mentions', total: 7 }, contentScript(3))).toEqual({
      ok: true,
      value: null,
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('7');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 3 })).toEqual([
      0xa4, 0x26, 0x2c, 255,
    ]);
    expect(BADGE_BACKGROUND).toBe('#a4262c');
  });

  it('clears when a page reports no mentions, and caps large counts at 99+', async () => {
    await ask({ type: 'page-mentions', total: 250 }, contentScript(3));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('99+');
    await ask({ type: 'page-mentions', total: 0 }, contentScript(3));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
  });

  it('is left alone when the sender has no tab (an extension page)', async () => {
    expect(await ask({ type: 'page-mentions', total: 5 }, POPUP)).toEqual({
      ok: true,
      value: null,
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('mark-styles: the styles go into the sender tab and frame, and out again', () => {
  const TOKEN = 'k3x9a0b7c2d4';

  function scriptingSpies() {
    const insertCSS = vi.fn(async (_injection: unknown) => {});
    const removeCSS = vi.fn(async (_injection: unknown) => {});
    // fakeBrowser has no scripting namespace; the handler only needs these two calls.
    Object.assign(fakeBrowser, { scripting: { insertCSS, removeCSS } });
    return { insertCSS, removeCSS };
  }

  it('inserts the session stylesheet into the sender frame only, and removes the same text', async () => {
    const { insertCSS, removeCSS } = scriptingSpies();
    const sender = { ...contentScript(3), frameId: 7 };
    expect(await ask({ type: 'mark-styles', on: true, token: TOKEN }, sender)).toEqual({
      ok: true,
      value: null,
    });
    expect(insertCSS).toHaveBeenCalledTimes(1);
    const inserted = insertCSS.mock.calls[0]?.[0] as { target: unknown; css: string };
    expect(inserted.target).toEqual({ tabId: 3, frameIds: [7] });
    expect(inserted.css).toContain(`::highlight(${TOKEN}-censorship-system)`);
    expect(inserted.css).toContain(`::highlight(${TOKEN}-bg-event)`);
    await ask({ type: 'mark-styles', on: false, token: TOKEN }, sender);
    expect(removeCSS).toHaveBeenCalledWith(inserted);
  });

  it('refuses senders without a tab and tokens that are not names', async () => {
    const { insertCSS } = scriptingSpies();
    expect(await ask({ type: 'mark-styles', on: true, token: TOKEN }, POPUP)).toMatchObject({
      ok: false,
    });
    expect(
      await ask({ type: 'mark-styles', on: true, token: 'x){}*{color:red' }, contentScript(3)),
    ).toMatchObject({ ok: false });
    expect(insertCSS).not.toHaveBeenCalled();
  });
});

describe('bad messages', () => {
  it.each([
    ['an unknown type', { type: 'drop-tables' }],
    ['a malformed card request', { type: 'card', id: 42 }],
    ['a negative mention count', { type: 'page-mentions', total: -3 }],
    ['null', null],
    ['a bare string', 'ping'],
  ])('%s gets an error reply, never an exception', async (_name, message) => {
    const reply = await ask(message);
    expect(reply).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('a failing handler becomes an error reply', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(db.cards, 'get').mockRejectedValue(new Error('QuotaExceededError'));
    expect(await ask({ type: 'card', id: 'vpn' })).toEqual({
      ok: false,
      error: 'QuotaExceededError',
    });
  });

  it('is ignored when it does not come from this extension', async () => {
    const foreign = { ...contentScript(3), id: 'some-other-extension' };
    expect(await ask({ type: 'page-mentions', total: 9 }, foreign)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
    // fakeBrowser.runtime.sendMessage reports no sender id at all: ignored too.
    expect(await fakeBrowser.runtime.sendMessage({ type: 'ping' })).toBeUndefined();
  });
});

describe('privacy', () => {
  it('stores no trace of the page that reported mentions: no URL, title or tab', async () => {
    await ask({ type: 'matcher-data' }, contentScript(3));
    await ask({ type: 'page-mentions', total: 12 }, contentScript(3));
    await ask({ type: 'card', id: 'vpn' }, contentScript(3));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('12');

    const stored: unknown[] = [];
    for (const table of db.tables) stored.push(await table.toArray());
    stored.push(await fakeBrowser.storage.local.get(null));
    stored.push(await fakeBrowser.storage.session.get(null));
    stored.push(await fakeBrowser.storage.sync.get(null));
    const everything = JSON.stringify(stored);
    expect(everything).toContain('great-firewall');
    expect(everything).not.toContain('news.example.org');
    expect(everything).not.toContain('wuzhen-vpn-crackdown');
    expect(everything).not.toContain('China tightens VPN rules');
    expect(WATCHED_URL).toContain('news.example.org');
    // The test database has its own factory; the global one stays empty: no side database.
    expect(await indexedDB.databases()).toEqual([]);
  });
});
