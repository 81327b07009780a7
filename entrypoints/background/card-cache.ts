/**
 * Where the background reads cards from: the IndexedDB cache or, when the browser gives the
 * extension no working IndexedDB (Firefox with site data off, some private windows, a full disk,
 * a damaged profile), the bundled glossary held in memory. Marks and cards keep working either
 * way; only the reader's own terms wait for storage to come back, and they are never written over
 * or deleted by a fault (every write is one transaction, which a fault aborts whole).
 */
import Dexie from 'dexie';
import type { CardRow, MetaRow, SourceRow } from './db';
import type { GlossaryBundle } from './glossary-bundle';
import { bundledCardRow, type Seeder } from './seed';
import { validateGlossary } from './validate-glossary';

interface ReadableTable<Row> {
  get(key: string): Promise<Row | undefined>;
  bulkGet(keys: string[]): Promise<(Row | undefined)[]>;
  toArray(): Promise<Row[]>;
  count(): Promise<number>;
}

/** The reads every card answer needs; a `GlossaryDatabase` is one, and so is the bundle. */
export interface ReadableCache {
  cards: ReadableTable<CardRow>;
  sources: ReadableTable<SourceRow>;
  meta: { get(key: MetaRow['key']): Promise<MetaRow | undefined> };
}

export type CacheState = { available: true } | { available: false; reason: string };

export interface CardCache {
  /**
   * Runs `read` against the database once it is seeded, or against the bundle when the storage
   * fails, opening or reading. A failure that is not the storage's (a bug) is not hidden.
   */
  read<T>(read: (cache: ReadableCache) => Promise<T>): Promise<T>;
  /** What the last read found: the options page says so when the cache is out of reach. */
  state(): CacheState;
}

/** Dexie reports every IndexedDB failure (missing API, open refused, quota, abort) as its own. */
export function isStorageFailure(error: unknown): error is Error {
  return error instanceof Dexie.DexieError;
}

/**
 * The browser's own words for a storage failure: the DOMException Dexie wraps (its name says
 * what happened: SecurityError, QuotaExceededError, …), or Dexie's error when it wraps none.
 */
export function storageFailureReason(error: Error): string {
  const inner = (error as { inner?: unknown }).inner;
  const cause = inner instanceof Error ? inner : error;
  const firstLine = cause.message.split('\n')[0]?.trim() ?? '';
  return firstLine ? `${cause.name}: ${firstLine}` : cause.name;
}

function tableOf<Row extends { id: string }>(rows: readonly Row[]): ReadableTable<Row> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    get: async (key) => byId.get(key),
    bulkGet: async (keys) => keys.map((key) => byId.get(key)),
    toArray: async () => [...rows],
    count: async () => rows.length,
  };
}

/** The bundle as a read-only cache: what the database holds after seeding, minus own terms. */
export function bundleCache(bundle: GlossaryBundle): ReadableCache {
  const result = validateGlossary(bundle.glossary, bundle.sources);
  if (!result.ok) {
    console.error('Firewall Lens: the bundled glossary is invalid', [...result.errors]);
  }
  const glossary = result.ok ? result.glossary : undefined;
  const cards = (glossary?.entries ?? []).map(bundledCardRow);
  const sources: SourceRow[] = (glossary?.sources ?? []).map((source) => ({
    id: source.id,
    title: source.title,
    text: bundle.sources[source.id] ?? '',
    bundled: true,
  }));
  const version = glossary?.version;
  return {
    cards: tableOf(cards),
    sources: tableOf(sources),
    meta: {
      get: async (key) =>
        key === 'dataVersion' && version !== undefined ? { key, value: version } : undefined,
    },
  };
}

export function createCardCache(
  db: ReadableCache,
  seeder: Seeder,
  bundle: GlossaryBundle,
): CardCache {
  let state: CacheState = { available: true };
  let fromBundle: ReadableCache | undefined;
  return {
    async read(read) {
      try {
        await seeder.ensureSeeded();
        const value = await read(db);
        state = { available: true };
        return value;
      } catch (error) {
        if (!isStorageFailure(error)) throw error;
        if (state.available) {
          console.warn(
            'Firewall Lens: the card cache is unavailable; using the bundled cards',
            error,
          );
        }
        state = { available: false, reason: storageFailureReason(error) };
        fromBundle ??= bundleCache(bundle);
        return read(fromBundle);
      }
    },
    state: () => state,
  };
}
