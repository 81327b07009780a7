/**
 * Searching the glossary for the popup and options pages: which entries match what a reader typed,
 * best first. Pure; the background runs it over the cards it reads from its database.
 */
import type { CategoryId, GlossaryEntry } from '../../common/glossary-types';

/**
 * The form both sides of a comparison take: NFKC folds full-width Latin typed with a Chinese input
 * method ("ＶＰＮ") into ASCII, and case never matters when searching (unlike marking a page).
 */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Lower is better. A name is the label, the Chinese label or an alias. */
const Rank = {
  ExactName: 0,
  NamePrefix: 1,
  NameWordPrefix: 2,
  NameSubstring: 3,
  SummarySubstring: 4,
  NoMatch: 5,
} as const;
type Rank = (typeof Rank)[keyof typeof Rank];

const WORD_START = /[\s\-/(“"']/;

function rankName(name: string, query: string): Rank {
  if (name === query) return Rank.ExactName;
  if (name.startsWith(query)) return Rank.NamePrefix;
  let at = name.indexOf(query);
  if (at < 0) return Rank.NoMatch;
  while (at >= 0) {
    if (WORD_START.test(name.charAt(at - 1))) return Rank.NameWordPrefix;
    at = name.indexOf(query, at + 1);
  }
  return Rank.NameSubstring;
}

function rankEntry(entry: GlossaryEntry, query: string): Rank {
  const names = [entry.label, entry.labelZh, ...entry.aliases.map((alias) => alias.text)];
  let best: Rank = Rank.NoMatch;
  for (const name of names) {
    const rank = rankName(searchKey(name), query);
    if (rank < best) best = rank;
    if (best === Rank.ExactName) return best;
  }
  if (best === Rank.NoMatch && searchKey(entry.summary).includes(query)) {
    return Rank.SummarySubstring;
  }
  return best;
}

const labelCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareByLabel(a: GlossaryEntry, b: GlossaryEntry): number {
  return labelCollator.compare(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Entries matching `query` in their label, Chinese label, aliases (English and Chinese) or summary:
 * exact name matches first, then names starting with the query, then names with a word starting
 * with it, then names containing it, then summaries containing it; ties by label. An empty query
 * lists every entry (of `category`, when given) by label.
 */
export function searchGlossary<T extends GlossaryEntry>(
  entries: readonly T[],
  query: string,
  category?: CategoryId,
): T[] {
  const inCategory = category ? entries.filter((entry) => entry.category === category) : entries;
  const key = searchKey(query);
  if (key === '') return [...inCategory].sort(compareByLabel);
  return inCategory
    .map((entry) => ({ entry, rank: rankEntry(entry, key) }))
    .filter(({ rank }) => rank !== Rank.NoMatch)
    .sort((a, b) => a.rank - b.rank || compareByLabel(a.entry, b.entry))
    .map(({ entry }) => entry);
}
