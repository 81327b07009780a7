import { describe, expect, it, vi } from 'vitest';
import { BUNDLED_GLOSSARY } from '../../../entrypoints/background/bundled-data';
import { createSeeder, seedDatabase } from '../../../entrypoints/background/seed';
import { validateGlossary } from '../../../entrypoints/background/validate-glossary';
import {
  countWrites,
  fixtureBundle,
  fixtureEntry,
  fixtureGlossary,
  freshDatabase,
  newIndexedDB,
  openDatabase,
} from '../../fixtures/background/test-database';

const USER_CARD = {
  ...fixtureEntry('sina-weibo'),
  id: 'my-note',
  label: 'My note on Weibo',
  aliases: [
    { text: 'Sina microblog', lang: 'en' as const, case: 'proper' as const, inflect: false },
  ],
  bundled: 0 as const,
  aliasKeys: ['sina microblog'],
};

function nextVersion() {
  const glossary = fixtureGlossary();
  glossary.version = 'fixture-2';
  // "facebook" leaves the bundle; "vpn" gets a new summary.
  glossary.entries = glossary.entries.filter((entry) => entry.id !== 'facebook');
  glossary.entries = glossary.entries.map((entry) => ({
    ...entry,
    summary:
      entry.id === 'vpn' ? `${entry.summary} Licensed corporate VPNs are allowed.` : entry.summary,
    related: entry.related.filter((id) => id !== 'facebook'),
  }));
  return glossary;
}

describe('seeding the card cache', () => {
  it('fills an empty database with every bundled card, its source and the data version', async () => {
    const db = freshDatabase();
    expect(await seedDatabase(db, fixtureBundle())).toEqual({
      status: 'seeded',
      version: 'fixture-1',
    });
    expect((await db.cards.toArray()).map((card) => card.id).sort()).toEqual([
      'facebook',
      'great-firewall',
      'sina-weibo',
      'vpn',
    ]);
    expect(await db.cards.where('bundled').equals(1).count()).toBe(4);
    const source = await db.sources.get('wuzhen-excerpt');
    expect(source?.bundled).toBe(true);
    expect(source?.text).toContain('circumvent the Great Firewall');
    expect(await db.meta.get('dataVersion')).toEqual({ key: 'dataVersion', value: 'fixture-1' });
  });

  it('writes nothing when the cached data version equals the bundle’s', async () => {
    const factory = newIndexedDB();
    await seedDatabase(openDatabase(factory), fixtureBundle());

    const restarted = openDatabase(factory);
    const writes = countWrites(restarted);
    expect(await seedDatabase(restarted, fixtureBundle())).toEqual({
      status: 'unchanged',
      version: 'fixture-1',
    });
    expect(await seedDatabase(restarted, fixtureBundle())).toMatchObject({ status: 'unchanged' });
    expect(writes.count).toBe(0);
    expect(await restarted.cards.count()).toBe(4);
  });

  it('counts the writes of a real seeding, so the idempotence check above can fail', async () => {
    const db = freshDatabase();
    const writes = countWrites(db);
    await seedDatabase(db, fixtureBundle());
    expect(writes.count).toBeGreaterThan(0);
  });

  it('on a new version replaces bundled cards, deletes removed ones and keeps user-added cards', async () => {
    const db = freshDatabase();
    await seedDatabase(db, fixtureBundle());
    await db.cards.add(USER_CARD);

    expect(await seedDatabase(db, fixtureBundle(nextVersion()))).toEqual({
      status: 'seeded',
      version: 'fixture-2',
    });
    expect(await db.cards.get('facebook')).toBeUndefined();
    expect((await db.cards.get('vpn'))?.summary).toMatch(/Licensed corporate VPNs are allowed\.$/);
    expect(await db.cards.get('my-note')).toEqual(USER_CARD);
    expect((await db.cards.toArray()).map((card) => card.id).sort()).toEqual([
      'great-firewall',
      'my-note',
      'sina-weibo',
      'vpn',
    ]);
    expect((await db.meta.get('dataVersion'))?.value).toBe('fixture-2');
  });

  it('lets a user-added card win over a bundled entry with the same id', async () => {
    const db = freshDatabase();
    const mine = { ...USER_CARD, id: 'vpn' };
    await db.cards.add(mine);
    await seedDatabase(db, fixtureBundle());
    expect(await db.cards.get('vpn')).toEqual(mine);
    expect(await db.cards.count()).toBe(4);
  });

  it('keeps the cached cards when the bundle fails validation, and logs why', async () => {
    const db = freshDatabase();
    await seedDatabase(db, fixtureBundle());
    const broken = nextVersion();
    // A quote that no longer matches its article, as after a careless edit of the source.
    broken.entries = broken.entries.map((entry) => ({
      ...entry,
      quotes: entry.quotes.map((quote) => ({ ...quote, start: quote.start + 1 })),
    }));
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const outcome = await seedDatabase(db, fixtureBundle(broken));

    expect(outcome.status).toBe('invalid');
    expect(log).toHaveBeenCalledOnce();
    expect(await db.cards.count()).toBe(4);
    expect(await db.cards.get('facebook')).toBeDefined();
    expect((await db.meta.get('dataVersion'))?.value).toBe('fixture-1');
  });

  it('leaves an empty database empty (no version recorded) when the bundle is not a glossary', async () => {
    const db = freshDatabase();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await seedDatabase(db, fixtureBundle('not a glossary'))).toMatchObject({
      status: 'invalid',
    });
    expect(await db.cards.count()).toBe(0);
    expect(await db.meta.get('dataVersion')).toBeUndefined();
  });

  it('rewrites bundled rows on a forced reseed even at the same version, keeping user rows', async () => {
    const db = freshDatabase();
    await seedDatabase(db, fixtureBundle());
    await db.cards.add(USER_CARD);
    await db.cards.update('great-firewall', { summary: 'damaged' });

    expect(await seedDatabase(db, fixtureBundle(), { force: true })).toMatchObject({
      status: 'seeded',
    });
    expect((await db.cards.get('great-firewall'))?.summary).toBe(
      fixtureEntry('great-firewall').summary,
    );
    expect(await db.cards.get('my-note')).toEqual(USER_CARD);
  });
});

describe('the seeder of one worker life', () => {
  it('shares one seeding between concurrent callers (onInstalled and a first read)', async () => {
    const db = freshDatabase();
    const seeder = createSeeder(db, fixtureBundle());
    const [first, second] = await Promise.all([seeder.ensureSeeded(), seeder.ensureSeeded()]);
    expect(first).toBe(second);
    expect(first).toMatchObject({ status: 'seeded' });
    expect(await seeder.ensureSeeded()).toBe(first);
  });

  it('retries after a failed seeding instead of remembering the failure', async () => {
    const db = freshDatabase();
    const seeder = createSeeder(db, fixtureBundle());
    const failure = vi.spyOn(db.meta, 'get').mockRejectedValueOnce(new Error('disk full'));
    await expect(seeder.ensureSeeded()).rejects.toThrow('disk full');
    failure.mockRestore();
    expect(await seeder.ensureSeeded()).toMatchObject({ status: 'seeded' });
    expect(await db.cards.count()).toBe(4);
  });
});

describe('the bundled data', () => {
  it('is a valid glossary with the text of every source it quotes', () => {
    const result = validateGlossary(BUNDLED_GLOSSARY.glossary, BUNDLED_GLOSSARY.sources);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('seeds every bundled entry into a fresh database', async () => {
    const db = freshDatabase();
    const result = validateGlossary(BUNDLED_GLOSSARY.glossary, BUNDLED_GLOSSARY.sources);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(await seedDatabase(db, BUNDLED_GLOSSARY)).toEqual({
      status: 'seeded',
      version: result.glossary.version,
    });
    expect(await db.cards.count()).toBe(result.glossary.entries.length);
    const firewall = await db.cards.get('great-firewall');
    expect(firewall?.quotes[0]?.text).toBeTruthy();
  });
});
