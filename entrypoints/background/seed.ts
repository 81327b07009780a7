/**
 * Fills the card cache from the bundled glossary. Runs on install and update, and before the first
 * read of every worker life: a service worker can be stopped between `onInstalled` and the end of
 * seeding, and a fresh profile may ask for a card before `onInstalled` has finished.
 */
import type { GlossaryEntry } from '../../common/glossary-types';
import { aliasKeysOf, type CardRow, type GlossaryDatabase } from './db';
import { claimedVersion, type GlossaryBundle } from './glossary-bundle';
import { validateGlossary } from './validate-glossary';

export type SeedOutcome =
  | { status: 'seeded'; version: string }
  | { status: 'unchanged'; version: string }
  /** The bundle failed validation; the cache was left as it was. */
  | { status: 'invalid'; errors: string[] };

export function bundledCardRow(entry: GlossaryEntry): CardRow {
  return { ...entry, bundled: 1, aliasKeys: aliasKeysOf(entry) };
}

/**
 * Replaces the bundled rows when the bundle's version differs from the cached one (or always, with
 * `force`); user-added rows (`bundled: 0`) are kept and win over a bundled entry with the same id.
 * The same version writes nothing, so starting a worker costs one read.
 */
export async function seedDatabase(
  db: GlossaryDatabase,
  bundle: GlossaryBundle,
  { force = false }: { force?: boolean } = {},
): Promise<SeedOutcome> {
  const version = claimedVersion(bundle);
  if (!force && version !== undefined) {
    const stored = await db.meta.get('dataVersion');
    if (stored?.value === version) return { status: 'unchanged', version };
  }

  const result = validateGlossary(bundle.glossary, bundle.sources);
  if (!result.ok) {
    console.error('Firewall Lens: the bundled glossary is invalid; keeping the cached cards.', [
      ...result.errors,
    ]);
    return { status: 'invalid', errors: result.errors };
  }
  const { glossary } = result;

  await db.transaction('rw', db.cards, db.sources, db.meta, async () => {
    const userCardIds = new Set(await db.cards.where('bundled').equals(0).primaryKeys());
    const userSourceIds = new Set(
      (await db.sources.toArray()).filter((row) => !row.bundled).map((row) => row.id),
    );
    await db.cards.where('bundled').equals(1).delete();
    await db.sources.filter((row) => row.bundled).delete();
    await db.cards.bulkPut(
      glossary.entries.filter((entry) => !userCardIds.has(entry.id)).map(bundledCardRow),
    );
    await db.sources.bulkPut(
      glossary.sources
        .filter((source) => !userSourceIds.has(source.id))
        .map((source) => ({
          id: source.id,
          title: source.title,
          text: bundle.sources[source.id] ?? '',
          bundled: true,
        })),
    );
    await db.meta.put({ key: 'dataVersion', value: glossary.version });
  });
  return { status: 'seeded', version: glossary.version };
}

export interface Seeder {
  /** Seeds at most once per worker life; every read awaits it. A failure is retried next time. */
  ensureSeeded(): Promise<SeedOutcome>;
  /** Rewrites the bundled rows even when the version is unchanged (a user's "repair"). */
  reseed(): Promise<SeedOutcome>;
}

export function createSeeder(db: GlossaryDatabase, bundle: GlossaryBundle): Seeder {
  let ready: Promise<SeedOutcome> | undefined;
  const ensureSeeded = (): Promise<SeedOutcome> => {
    ready ??= seedDatabase(db, bundle).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  return {
    ensureSeeded,
    async reseed() {
      await ensureSeeded().catch(() => undefined);
      return seedDatabase(db, bundle, { force: true });
    },
  };
}
