/**
 * The matcher's view of the glossary: one row per alias, in entry order, with what the content
 * script needs to match and attribute it and nothing else (no sources, no quotes).
 */
import type { GlossaryEntry, MatcherData } from '../../common/glossary-types';

export interface AliasSource {
  version: string;
  entries: readonly GlossaryEntry[];
}

export function flattenAliases({ version, entries }: AliasSource): MatcherData {
  return {
    version,
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
