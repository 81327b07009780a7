import type { GlossaryEntry } from '../../common/glossary-types';
import type { CardView } from '../../common/protocol';
import type { ReadableCache } from './card-cache';
import type { CardRow } from './db';

/** The entry without the database's own fields, so nothing internal leaks into a reply. */
export function entryOf(row: CardRow): GlossaryEntry {
  return {
    id: row.id,
    label: row.label,
    labelZh: row.labelZh,
    category: row.category,
    aliases: row.aliases,
    summary: row.summary,
    summaryZh: row.summaryZh,
    quotes: row.quotes,
    related: row.related,
    source: row.source,
    ...(row.facts === undefined ? {} : { facts: row.facts }),
    ...(row.sites === undefined ? {} : { sites: row.sites }),
  };
}

/**
 * Cards as the UI shows them. Related ids without a card are left out of `relatedLabels` (a user
 * row may point at an entry a later bundle removed); a missing source shows its id as the title.
 */
export async function cardViews(db: ReadableCache, rows: readonly CardRow[]): Promise<CardView[]> {
  const relatedIds = [...new Set(rows.flatMap((row) => row.related))];
  const sourceIds = [...new Set(rows.map((row) => row.source).filter((id) => id !== ''))];
  const [relatedRows, sourceRows] = await Promise.all([
    db.cards.bulkGet(relatedIds),
    db.sources.bulkGet(sourceIds),
  ]);
  const labels = new Map<string, { label: string; labelZh: string }>();
  for (const related of relatedRows) {
    if (related) labels.set(related.id, { label: related.label, labelZh: related.labelZh });
  }
  const titles = new Map<string, string>();
  for (const source of sourceRows) if (source) titles.set(source.id, source.title);

  return rows.map((row) => ({
    ...entryOf(row),
    ...(row.bundled === 0 ? { own: { link: row.own?.link ?? null } } : {}),
    sourceTitle: titles.get(row.source) ?? row.source,
    relatedLabels: row.related.flatMap((id) => {
      const names = labels.get(id);
      return names === undefined ? [] : [{ id, ...names }];
    }),
  }));
}
