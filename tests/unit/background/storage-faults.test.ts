import Dexie, { type DBCore, type Middleware } from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { MatcherData } from '../../../common/glossary-types';
import type { CardView, DataStatus, SourceView } from '../../../common/protocol';
import type { UserTerm, UserTermFields } from '../../../common/user-terms';
import { storageFailureReason } from '../../../entrypoints/background/card-cache';
import { DATABASE_NAME, GlossaryDatabase, SCHEMA_V1 } from '../../../entrypoints/background/db';
import { registerBackgroundListeners } from '../../../entrypoints/background/listeners';
import { userCardRow } from '../../../entrypoints/background/user-term-store';
import { contentScript, deliver, extensionPage } from '../../fixtures/background/senders';
import {
  backgroundContext,
  fixtureGlossary,
  newIndexedDB,
  openDatabase,
} from '../../fixtures/background/test-database';

const OPTIONS = extensionPage('/options.html');
const PAGE = contentScript(7);

const PLAN_X: UserTermFields = {
  label: 'Plan X',
  aliases: ['Plan X', '计划X'],
  caseSensitive: true,
  category: 'user',
  note: 'A codename our newsroom uses.',
  link: null,
};

async function reply(message: unknown, sender = OPTIONS) {
  return deliver(message, sender) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
}

async function value<T>(message: unknown, sender = OPTIONS): Promise<T> {
  const answer = await reply(message, sender);
  expect(answer).toMatchObject({ ok: true });
  return answer.value as T;
}

async function refusal(message: unknown, sender = OPTIONS): Promise<string> {
  const answer = await reply(message, sender);
  expect(answer.ok).toBe(false);
  return answer.error ?? '';
}

/** An IndexedDB that refuses every open, as Firefox does with site data turned off. */
function refusingIndexedDB(): IDBFactory {
  const healthy = newIndexedDB();
  return {
    open() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
    deleteDatabase: healthy.deleteDatabase.bind(healthy),
    cmp: healthy.cmp.bind(healthy),
    databases: healthy.databases.bind(healthy),
  } as IDBFactory;
}

/** From now on every write fails as a full disk makes it fail; reads still work. */
async function fullDisk(db: GlossaryDatabase): Promise<void> {
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: () =>
            Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
        };
      },
    }),
  };
  // Dexie builds its middleware stack when it opens.
  db.close();
  db.use(middleware);
  await db.open();
}

describe('a browser that gives the extension no IndexedDB', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    const db = new GlossaryDatabase({ indexedDB: refusingIndexedDB(), IDBKeyRange });
    registerBackgroundListeners(backgroundContext(db));
  });

  it('still gives pages every bundled spelling to mark', async () => {
    const data = await value<MatcherData>({ type: 'matcher-data' }, PAGE);
    const spellings = data.aliases.map((alias) => alias.text);
    for (const entry of fixtureGlossary().entries) {
      for (const alias of entry.aliases) expect(spellings).toContain(alias.text);
    }
    expect(data.version).toBe('fixture-1');
  });

  it('still opens cards with their source, related labels and quotes in context', async () => {
    const card = await value<CardView>({ type: 'card', id: 'great-firewall' }, PAGE);
    expect(card.sourceTitle).toBe('Second World Internet Conference Concludes (excerpt)');
    expect(card.relatedLabels.map((related) => related.id)).toContain('vpn');
    const source = await value<SourceView>({ type: 'source', id: 'wuzhen-excerpt' }, PAGE);
    expect(source.text.length).toBeGreaterThan(100);
    const found = await value<CardView[]>({ type: 'search', query: 'vpn' });
    expect(found.map((entry) => entry.id)).toContain('vpn');
  });

  it('tells the options page the cache is unavailable, and why', async () => {
    const status = await value<DataStatus>({ type: 'data-status' });
    expect(status.cardCount).toBe(fixtureGlossary().entries.length);
    expect(status.cacheProblem).toMatch(/insecure/);
  });

  it('refuses to save a term with the reason, instead of keeping it where it would be lost', async () => {
    const error = await refusal({ type: 'save-user-term', term: PLAN_X, allowBroad: false });
    expect(error).toBe(
      "Not saved: the browser's storage is unavailable (SecurityError: The operation is insecure.). Your saved terms are as they were.",
    );
  });

  it('does not show the reader an empty list of terms as if theirs were gone', async () => {
    const error = await refusal({ type: 'user-terms' });
    expect(error).toMatch(/storage is unavailable .*your terms are kept/);
  });
});

describe('a full disk', () => {
  let db: GlossaryDatabase;

  beforeEach(async () => {
    fakeBrowser.reset();
    db = openDatabase(newIndexedDB());
    registerBackgroundListeners(backgroundContext(db));
    await value({ type: 'save-user-term', term: PLAN_X, allowBroad: false });
  });

  it('says saving failed because storage is full, and keeps every term saved before', async () => {
    const before = await value<UserTerm[]>({ type: 'user-terms' });
    await fullDisk(db);
    const error = await refusal({
      type: 'save-user-term',
      term: { ...PLAN_X, label: 'Telegram', aliases: ['Telegram'] },
      allowBroad: false,
    });
    expect(error).toMatch(/^Not saved: the browser's storage is full/);
    expect(await value<UserTerm[]>({ type: 'user-terms' })).toEqual(before);
    expect(await refusal({ type: 'delete-user-term', id: before[0]?.id })).toMatch(/full/);
    expect(await value<UserTerm[]>({ type: 'user-terms' })).toEqual(before);
  });

  it('keeps marking and cards working', async () => {
    await fullDisk(db);
    const data = await value<MatcherData>({ type: 'matcher-data' }, PAGE);
    expect(data.aliases.map((alias) => alias.text)).toContain('Plan X');
    expect(await value<CardView>({ type: 'card', id: 'vpn' }, PAGE)).toMatchObject({ id: 'vpn' });
  });
});

describe('an upgrade from the first schema', () => {
  it('keeps all of 5,000 terms a reader saved, findable by every spelling', async () => {
    const factory = newIndexedDB();
    // A version 1 database as the first release wrote it: rows without alias keys.
    const old = new Dexie(DATABASE_NAME, { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(SCHEMA_V1);
    const terms: UserTerm[] = Array.from({ length: 5_000 }, (_, index) => ({
      id: `user:${index.toString(36).padStart(9, '0')}000000`,
      label: `Term ${index}`,
      aliases: [`Term ${index}`, `词条${index}`],
      caseSensitive: index % 2 === 0,
      category: index % 3 === 0 ? 'user' : 'blocked-platform',
      note: `Note ${index}`,
      link: index % 5 === 0 ? `https://example.org/${index}` : null,
    }));
    await old.table('cards').bulkAdd(
      terms.map(({ id, ...fields }) => {
        const { aliasKeys: _keys, ...row } = userCardRow(id, fields);
        return row;
      }),
    );
    old.close();

    fakeBrowser.reset();
    const upgraded = openDatabase(factory);
    registerBackgroundListeners(backgroundContext(upgraded));
    expect(await value<UserTerm[]>({ type: 'user-terms' })).toEqual(terms);
    expect(upgraded.verno).toBe(2);
    expect((await upgraded.cards.where('aliasKeys').equals('词条4999').first())?.label).toBe(
      'Term 4999',
    );
    const data = await value<MatcherData>({ type: 'matcher-data' }, PAGE);
    expect(data.aliases.filter((alias) => alias.text.startsWith('Term '))).toHaveLength(5_000);
  }, 60_000);
});

describe('the reason a storage failure gives', () => {
  it('is the browser error Dexie wraps, on one line', () => {
    const wrapped = new Dexie.QuotaExceededError(
      'The quota has been exceeded.\n QuotaExceededError: The quota has been exceeded.',
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    expect(storageFailureReason(wrapped)).toBe('QuotaExceededError: The quota has been exceeded.');
    expect(storageFailureReason(new Dexie.MissingAPIError('IndexedDB API missing'))).toBe(
      'MissingAPIError: IndexedDB API missing',
    );
  });
});
