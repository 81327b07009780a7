import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { MatcherData } from '../../../common/glossary-types';
import type { CardView, ImportSummary } from '../../../common/protocol';
import type { UserTerm, UserTermFields } from '../../../common/user-terms';
import { USER_TERMS_SIGNAL_KEY } from '../../../common/user-terms-signal';
import {
  DATABASE_NAME,
  type GlossaryDatabase,
  SCHEMA_V1,
} from '../../../entrypoints/background/db';
import { registerBackgroundListeners } from '../../../entrypoints/background/listeners';
import { seedDatabase } from '../../../entrypoints/background/seed';
import { importUserTerms, userCardRow } from '../../../entrypoints/background/user-term-store';
import { contentScript, deliver, extensionPage } from '../../fixtures/background/senders';
import {
  backgroundContext,
  fixtureBundle,
  fixtureGlossary,
  newIndexedDB,
  openDatabase,
} from '../../fixtures/background/test-database';

const OPTIONS = extensionPage('/options.html');

const PLAN_X: UserTermFields = {
  label: 'Plan X',
  aliases: ['Plan X', '计划X'],
  caseSensitive: true,
  category: 'user',
  note: 'A codename our newsroom uses.',
  link: 'https://example.org/',
};

const TELEGRAM: UserTermFields = {
  label: 'Telegram',
  aliases: ['Telegram'],
  caseSensitive: false,
  category: 'blocked-platform',
  note: 'Blocked since 2015.',
  link: null,
};

let factory: ReturnType<typeof newIndexedDB>;
let db: GlossaryDatabase;

beforeEach(() => {
  fakeBrowser.reset();
  factory = newIndexedDB();
  db = openDatabase(factory);
  registerBackgroundListeners(backgroundContext(db));
});

async function value<T>(message: unknown, sender = OPTIONS): Promise<T> {
  const reply = await deliver(message, sender);
  expect(reply).toMatchObject({ ok: true });
  return (reply as { value: T }).value;
}

async function error(message: unknown, sender = OPTIONS): Promise<string> {
  const reply = (await deliver(message, sender)) as { ok: boolean; error?: string };
  expect(reply.ok).toBe(false);
  return reply.error ?? '';
}

const save = (term: UserTermFields, id?: string) =>
  value<UserTerm>({ type: 'save-user-term', term, allowBroad: false, ...(id ? { id } : {}) });

describe('adding, editing and deleting a term', () => {
  it('stores a term, lists it, and gives it a card with its note and link but no quote', async () => {
    const saved = await save(PLAN_X);
    expect(saved).toEqual({ ...PLAN_X, id: expect.stringMatching(/^user:/) });
    expect(await value({ type: 'user-terms' })).toEqual([saved]);
    const card = await value<CardView>({ type: 'card', id: saved.id }, contentScript(1));
    expect(card).toMatchObject({
      id: saved.id,
      label: 'Plan X',
      summary: PLAN_X.note,
      quotes: [],
      related: [],
      own: { link: 'https://example.org/' },
    });
  });

  it('edits in place and deletes', async () => {
    const saved = await save(PLAN_X);
    const edited = await save({ ...PLAN_X, note: 'Renamed last week.' }, saved.id);
    expect(edited.id).toBe(saved.id);
    expect(await value({ type: 'user-terms' })).toEqual([edited]);
    await value({ type: 'delete-user-term', id: saved.id });
    expect(await value({ type: 'user-terms' })).toEqual([]);
  });

  it('refuses a second term with the same label, and leaves bundled cards alone', async () => {
    await save(PLAN_X);
    expect(
      await error({
        type: 'save-user-term',
        term: { ...TELEGRAM, label: 'plan x' },
        allowBroad: false,
      }),
    ).toContain('you already have a term labelled “Plan X”');
    await value({ type: 'delete-user-term', id: 'vpn' });
    expect(await db.cards.get('vpn')).toBeDefined();
    expect(
      await error({ type: 'save-user-term', id: 'vpn', term: TELEGRAM, allowBroad: false }),
    ).toContain('no term of yours');
  });

  it('refuses an invalid term, and a broad spelling unless confirmed', async () => {
    expect(
      await error({
        type: 'save-user-term',
        term: { ...PLAN_X, link: 'javascript:alert(1)' },
        allowBroad: false,
      }),
    ).toContain('link: only https:// and http:// links are allowed');
    const broad = { ...PLAN_X, aliases: ['X'] };
    expect(await error({ type: 'save-user-term', term: broad, allowBroad: false })).toContain(
      'not confirmed',
    );
    expect(
      await value<UserTerm>({ type: 'save-user-term', term: broad, allowBroad: true }),
    ).toMatchObject({
      aliases: ['X'],
    });
  });

  it('accepts changes only from extension pages, never from a content script', async () => {
    expect(
      await error({ type: 'save-user-term', term: PLAN_X, allowBroad: false }, contentScript(2)),
    ).toContain('only from the extension');
    expect(await value({ type: 'user-terms' })).toEqual([]);
  });
});

describe('open tabs pick up a change', () => {
  it('moves the matcher data’s version with every write and announces it to the tabs', async () => {
    const before = await value<MatcherData>({ type: 'matcher-data' }, contentScript(1));
    const saved = await save(PLAN_X);
    const after = await value<MatcherData>(
      { type: 'matcher-data', knownVersion: before.version },
      contentScript(1),
    );
    expect(after.version).not.toBe(before.version);
    expect(after.aliases.filter((alias) => alias.own)).toEqual([
      { text: 'Plan X', id: saved.id, category: 'user', case: 'exact', inflect: false, own: true },
      { text: '计划X', id: saved.id, category: 'user', case: 'exact', inflect: false, own: true },
    ]);
    // Bundled rows come first: at equal length they win the tie.
    const firstOwn = after.aliases.findIndex((alias) => alias.own);
    expect(after.aliases.slice(firstOwn).every((alias) => alias.own)).toBe(true);
    expect(
      (await fakeBrowser.storage.local.get(USER_TERMS_SIGNAL_KEY))[USER_TERMS_SIGNAL_KEY],
    ).toBe(after.version);

    await value({ type: 'delete-user-term', id: saved.id });
    const deleted = await value<MatcherData>(
      { type: 'matcher-data', knownVersion: after.version },
      contentScript(1),
    );
    expect(deleted.version).not.toBe(after.version);
    expect(deleted.aliases.some((alias) => alias.own)).toBe(false);
  });

  it('a case-insensitive term matches in any case; Chinese spellings are always exact', async () => {
    await save({ ...TELEGRAM, aliases: ['Telegram', '电报'] });
    const data = await value<MatcherData>({ type: 'matcher-data' }, contentScript(1));
    expect(data.aliases.filter((alias) => alias.own).map((alias) => alias.case)).toEqual([
      'insensitive',
      'exact',
    ]);
  });
});

describe('import', () => {
  const importTerms = (terms: unknown[], onDuplicate: 'replace' | 'skip') =>
    value<ImportSummary>({ type: 'import-user-terms', terms, onDuplicate, allowBroad: false });

  it('adds new terms and replaces or skips the ones whose label is known', async () => {
    const first = await save(PLAN_X);
    expect(await importTerms([{ ...PLAN_X, note: 'from the file' }, TELEGRAM], 'skip')).toEqual({
      added: 1,
      replaced: 0,
      skipped: 1,
    });
    expect((await value<UserTerm[]>({ type: 'user-terms' })).map((term) => term.note)).toEqual([
      PLAN_X.note,
      TELEGRAM.note,
    ]);
    expect(
      await importTerms([{ ...PLAN_X, label: 'PLAN X', note: 'from the file' }], 'replace'),
    ).toEqual({
      added: 0,
      replaced: 1,
      skipped: 0,
    });
    const terms = await value<UserTerm[]>({ type: 'user-terms' });
    expect(terms[0]).toEqual({ ...PLAN_X, id: first.id, label: 'PLAN X', note: 'from the file' });
  });

  it('writes nothing when one entry is invalid', async () => {
    await save(PLAN_X);
    const reply = await error({
      type: 'import-user-terms',
      terms: [TELEGRAM, { ...TELEGRAM, label: 'Broken', aliases: [''] }],
      onDuplicate: 'replace',
      allowBroad: false,
    });
    expect(reply).toContain('Entry 2, spellings: spelling 1 is empty');
    expect((await value<UserTerm[]>({ type: 'user-terms' })).map((term) => term.label)).toEqual([
      'Plan X',
    ]);
  });

  it('writes nothing when the database fails half-way through', async () => {
    await seedDatabase(db, fixtureBundle());
    const existing = await db.cards.count();
    // One row written, then the write fails: the transaction must take the row back.
    vi.spyOn(db.cards, 'bulkPut').mockImplementationOnce(() =>
      db.cards.put(userCardRow('user:half-way', TELEGRAM)).then(() => {
        throw new Error('disk full');
      }),
    );
    await expect(importUserTerms(db, [PLAN_X, TELEGRAM], 'replace')).rejects.toThrow('disk full');
    expect(await db.cards.count()).toBe(existing);
    expect(await db.meta.get('userRevision')).toBeUndefined();
  });

  it('export then import on a fresh profile gives the same terms', async () => {
    await save(PLAN_X);
    await save(TELEGRAM);
    const exported = (await value<UserTerm[]>({ type: 'user-terms' })).map(
      ({ id: _id, ...fields }) => fields,
    );

    fakeBrowser.reset();
    const fresh = openDatabase(newIndexedDB());
    registerBackgroundListeners(backgroundContext(fresh));
    await importTerms(exported, 'replace');
    const imported = (await value<UserTerm[]>({ type: 'user-terms' })).map(
      ({ id: _id, ...fields }) => fields,
    );
    expect(imported).toEqual(exported);
  });
});

describe('nothing the reader stored is lost', () => {
  it('re-seeding and a new glossary version keep the reader’s terms', async () => {
    const saved = await save(PLAN_X);
    await value({ type: 'reseed' });
    const glossary = fixtureGlossary();
    glossary.version = 'fixture-2';
    expect(await seedDatabase(db, fixtureBundle(glossary))).toMatchObject({ status: 'seeded' });
    expect(await value({ type: 'user-terms' })).toEqual([saved]);
  });

  it('a schema upgrade keeps them', async () => {
    // A version 1 database as an older release wrote it, with one of the reader's rows in it.
    const old = new Dexie(DATABASE_NAME, { indexedDB: factory, IDBKeyRange });
    db.close();
    old.version(1).stores(SCHEMA_V1);
    const { aliasKeys: _keys, ...row } = userCardRow('user:0000000000old01', PLAN_X);
    await old.table('cards').add(row);
    old.close();

    const upgraded = openDatabase(factory);
    fakeBrowser.reset();
    registerBackgroundListeners(backgroundContext(upgraded));
    expect(await value({ type: 'user-terms' })).toEqual([
      { ...PLAN_X, id: 'user:0000000000old01' },
    ]);
    expect((await upgraded.cards.get('user:0000000000old01'))?.aliasKeys).toEqual([
      'plan x',
      '计划x',
    ]);
  });
});
