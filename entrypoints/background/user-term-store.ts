/**
 * A reader's own terms in the card database: rows with `bundled: 0`, which seeding never touches
 * (see seed.ts). Every write is one Dexie transaction that also moves `userRevision`, so the
 * matcher data's version changes with the terms and open tabs reload them.
 */
import type { Alias } from '../../common/glossary-types';
import { labelKey, type UserTerm, type UserTermFields } from '../../common/user-terms';
import type { ReadableCache } from './card-cache';
import { aliasKeysOf, type CardRow, type GlossaryDatabase } from './db';

const HAN = /\p{Script=Han}/u;

export const USER_ID_PREFIX = 'user:';

export function isUserId(id: string): boolean {
  return id.startsWith(USER_ID_PREFIX);
}

/** Sortable by creation, so that between two of the reader's terms the older wins a tie. */
export function newUserId(now: number, random: () => number = Math.random): string {
  const time = now.toString(36).padStart(9, '0');
  const tail = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${USER_ID_PREFIX}${time}${tail}`;
}

function aliasOf(text: string, caseSensitive: boolean): Alias {
  // A spelling with any Chinese character matches without word boundaries on that side, as the
  // bundled Chinese aliases do (the matcher decides boundaries per end character).
  const zh = HAN.test(text);
  return {
    text,
    lang: zh ? 'zh' : 'en',
    case: zh || caseSensitive ? 'exact' : 'insensitive',
    inflect: false,
  };
}

export function userCardRow(id: string, term: UserTermFields): CardRow {
  const aliases = term.aliases.map((text) => aliasOf(text, term.caseSensitive));
  return {
    id,
    label: term.label,
    labelZh: '',
    category: term.category,
    aliases,
    summary: term.note,
    // A reader's note is in whatever language they wrote it; the card shows it as written.
    summaryZh: '',
    quotes: [],
    related: [],
    source: '',
    bundled: 0,
    aliasKeys: aliasKeysOf({ aliases }),
    own: { caseSensitive: term.caseSensitive, link: term.link },
  };
}

export function userTermOf(row: CardRow): UserTerm {
  return {
    id: row.id,
    label: row.label,
    aliases: row.aliases.map((alias) => alias.text),
    caseSensitive: row.own?.caseSensitive ?? row.aliases.some((alias) => alias.case === 'exact'),
    category: row.category,
    note: row.summary,
    link: row.own?.link ?? null,
  };
}

async function bumpRevision(db: GlossaryDatabase): Promise<string> {
  const current = Number((await db.meta.get('userRevision'))?.value ?? '0');
  const value = String((Number.isSafeInteger(current) ? current : 0) + 1);
  await db.meta.put({ key: 'userRevision', value });
  return value;
}

/** The reader's terms, oldest first. */
export async function listUserTerms(db: GlossaryDatabase): Promise<UserTerm[]> {
  const rows = await db.cards.where('bundled').equals(0).toArray();
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(userTermOf);
}

export class TermConflictError extends Error {
  override name = 'TermConflictError';
}

/**
 * Adds a term (`id` undefined) or replaces one. A label is one term: a second term with the same
 * label (ignoring case and spacing) is refused, so import's "same label" question stays meaningful.
 */
export async function saveUserTerm(
  db: GlossaryDatabase,
  id: string | undefined,
  term: UserTermFields,
  now = Date.now(),
): Promise<UserTerm> {
  return db.transaction('rw', db.cards, db.meta, async () => {
    const key = labelKey(term.label);
    const clash = (await db.cards.where('bundled').equals(0).toArray()).find(
      (row) => row.id !== id && labelKey(row.label) === key,
    );
    if (clash) throw new TermConflictError(`you already have a term labelled “${clash.label}”`);
    if (id !== undefined) {
      const existing = await db.cards.get(id);
      if (existing?.bundled !== 0) throw new Error(`no term of yours has the id ${id}`);
    }
    const row = userCardRow(id ?? newUserId(now), term);
    await db.cards.put(row);
    await bumpRevision(db);
    return userTermOf(row);
  });
}

export async function deleteUserTerm(db: GlossaryDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.cards, db.meta, async () => {
    const existing = await db.cards.get(id);
    // Bundled cards are not the reader's to delete; re-seeding would bring them back anyway.
    if (existing?.bundled !== 0) return;
    await db.cards.delete(id);
    await bumpRevision(db);
  });
}

export type OnDuplicate = 'replace' | 'skip';

export interface ImportResult {
  added: number;
  replaced: number;
  skipped: number;
}

/**
 * Writes checked terms in one transaction: all of them or, if anything fails, none. A term whose
 * label is already one of the reader's replaces it (keeping its id, so its place in tie-breaks)
 * or is skipped.
 */
export async function importUserTerms(
  db: GlossaryDatabase,
  terms: readonly UserTermFields[],
  onDuplicate: OnDuplicate,
  now = Date.now(),
): Promise<ImportResult> {
  return db.transaction('rw', db.cards, db.meta, async () => {
    const byLabel = new Map<string, string>();
    for (const row of await db.cards.where('bundled').equals(0).toArray()) {
      byLabel.set(labelKey(row.label), row.id);
    }
    const result: ImportResult = { added: 0, replaced: 0, skipped: 0 };
    const rows: CardRow[] = [];
    terms.forEach((term, index) => {
      const existing = byLabel.get(labelKey(term.label));
      if (existing !== undefined && onDuplicate === 'skip') {
        result.skipped += 1;
        return;
      }
      if (existing !== undefined) result.replaced += 1;
      else result.added += 1;
      // One millisecond apart keeps the file's order as the terms' age order.
      rows.push(userCardRow(existing ?? newUserId(now + index), term));
    });
    if (rows.length > 0) {
      await db.cards.bulkPut(rows);
      await bumpRevision(db);
    }
    return result;
  });
}

/** The matcher data's version: the bundled data's, plus the reader's terms' revision if any. */
export async function matcherVersion(db: ReadableCache): Promise<string> {
  const [data, user] = await Promise.all([db.meta.get('dataVersion'), db.meta.get('userRevision')]);
  const base = data?.value ?? '';
  return user === undefined ? base : `${base}+user.${user.value}`;
}
