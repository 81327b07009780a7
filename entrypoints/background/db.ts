/**
 * The card cache: IndexedDB in the extension's origin, opened by the background only. Pages and
 * content scripts ask the background over `common/protocol.ts`; they never open this database.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { GlossaryEntry } from '../../common/glossary-types';
import { searchKey } from './glossary-search';

export const DATABASE_NAME = 'firewall-lens';

export interface SourceRow {
  id: string;
  title: string;
  text: string;
  bundled: boolean;
}

export interface CardRow extends GlossaryEntry {
  /** 1 for rows seeded from the bundle, 0 for user-added rows. IndexedDB cannot index booleans. */
  bundled: 0 | 1;
  /** The alias texts as `searchKey` writes them, for the multi-entry index (schema version 2). */
  aliasKeys: string[];
  /** A reader's own term only (`bundled: 0`): what the form had, which the aliases cannot say. */
  own?: { caseSensitive: boolean; link: string | null };
}

export interface MetaRow {
  /**
   * `dataVersion`: the bundled glossary's version. `userRevision`: changes with every write of a
   * reader's own terms, so the matcher data's version covers them.
   */
  key: 'dataVersion' | 'userRevision';
  value: string;
}

/** The first schema, kept verbatim: Dexie replays every version to upgrade an old database. */
export const SCHEMA_V1 = {
  sources: 'id',
  cards: 'id, category, bundled',
  meta: 'key',
} as const;

/** Version 2 indexes every alias of a card, so one alias finds its card without a table scan. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  cards: 'id, category, bundled, *aliasKeys',
} as const;

export function aliasKeysOf(entry: Pick<GlossaryEntry, 'aliases'>): string[] {
  return [...new Set(entry.aliases.map((alias) => searchKey(alias.text)))];
}

export class GlossaryDatabase extends Dexie {
  sources!: EntityTable<SourceRow, 'id'>;
  cards!: EntityTable<CardRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  /** `options` lets tests hand in their own IndexedDB factory; the extension uses the global one. */
  constructor(options?: DexieOptions, name = DATABASE_NAME) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) =>
        tx
          .table<CardRow, string>('cards')
          .toCollection()
          .modify((card) => {
            card.aliasKeys = aliasKeysOf(card);
          }),
      );
  }
}
