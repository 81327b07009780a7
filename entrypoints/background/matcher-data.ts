/**
 * The matcher's view of the glossary: one row per alias, in entry order, with what the content
 * script needs to match and attribute it and nothing else (no sources, no quotes).
 */
import type { GlossaryEntry, MatcherData } from '../../common/glossary-types';
import { entryOf } from './card-views';
import type { CardRow } from './db';

export interface AliasSource {
  version: string;
  entries: readonly GlossaryEntry[];
}

export function flattenAliases({ version, entries }: AliasSource): MatcherData {
  const sites = entries.flatMap((entry) =>
    entry.sites === undefined || entry.sites.length === 0
      ? []
      : [{ id: entry.id, hosts: entry.sites }],
  );
  return {
    version,
    ...(sites.length > 0 ? { sites } : {}),
    aliases: entries.flatMap((entry) =>
      entry.aliases.map((alias) => ({
        text: alias.text,
        id: entry.id,
        category: entry.category,
        case: alias.case,
        inflect: alias.inflect,
      })),
    ),
  };
}

/**
 * The database's cards for the matcher: bundled cards first, then the reader's own, oldest first.
 * Row order is the tie-break at equal length, so a bundled entry wins over a reader's spelling,
 * and an older term of theirs over a newer one. The reader's aliases are marked `own`.
 */
export function matcherDataOf(version: string, rows: readonly CardRow[]): MatcherData {
  const bundled = rows.filter((row) => row.bundled !== 0);
  const own = rows
    .filter((row) => row.bundled === 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const data = flattenAliases({ version, entries: bundled.map(entryOf) });
  const mine = flattenAliases({ version, entries: own.map(entryOf) });
  return {
    ...data,
    aliases: [...data.aliases, ...mine.aliases.map((alias) => ({ ...alias, own: true }))],
  };
}
