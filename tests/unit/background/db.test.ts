import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DATABASE_NAME, SCHEMA_V1 } from '../../../entrypoints/background/db';
import { bundledCardRow } from '../../../entrypoints/background/seed';
import {
  fixtureGlossary,
  newIndexedDB,
  openDatabase,
} from '../../fixtures/background/test-database';

describe('the card database schema', () => {
  it('upgrades a version 1 database: rows survive and every alias finds its card', async () => {
    const factory = newIndexedDB();
    const glossary = fixtureGlossary();
    // What an installed older release wrote: schema 1, rows without alias keys.
    const v1 = new Dexie(DATABASE_NAME, { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('cards').bulkAdd(glossary.entries.map((entry) => ({ ...entry, bundled: 1 })));
    await v1
      .table('sources')
      .add({ id: 'wuzhen-excerpt', title: 'Excerpt', text: '…', bundled: true });
    await v1.table('meta').add({ key: 'dataVersion', value: 'fixture-1' });
    expect(v1.verno).toBe(1);
    v1.close();

    const db = openDatabase(factory);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.cards.count()).toBe(4);
    expect((await db.meta.get('dataVersion'))?.value).toBe('fixture-1');
    expect((await db.cards.get('great-firewall'))?.aliasKeys).toEqual([
      'great firewall',
      'gfw',
      '防火长城',
    ]);
    expect((await db.cards.where('aliasKeys').equals('gfw').first())?.id).toBe('great-firewall');
    expect((await db.cards.where('aliasKeys').equals('翻墙').first())?.id).toBe('vpn');
    expect(await db.sources.get('wuzhen-excerpt')).toMatchObject({
      title: 'Excerpt',
      bundled: true,
    });
  });

  it('indexes the aliases of freshly written rows case-insensitively', async () => {
    const db = openDatabase(newIndexedDB());
    await db.cards.bulkPut(fixtureGlossary().entries.map(bundledCardRow));
    const found = await db.cards
      .where('aliasKeys')
      .anyOf(['weibo', 'virtual private network'])
      .toArray();
    expect(found.map((card) => card.id).sort()).toEqual(['sina-weibo', 'vpn']);
  });
});
