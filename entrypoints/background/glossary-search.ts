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
  // Either summary: "VPN" or "Facebook" is written the same in the Chinese one.
  if (
    best === Rank.NoMatch &&
    (searchKey(entry.summary).includes(query) || searchKey(entry.summaryZh).includes(query))
  ) {
    return Rank.SummarySubstring;
  }
  return best;
}

const labelCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
/** ICU's zh collation orders Han by pinyin, the order Chinese readers expect of a list. */
const labelZhCollator = new Intl.Collator('zh-CN', { sensitivity: 'base', numeric: true });

const byId = (a: GlossaryEntry, b: GlossaryEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function compareByLabel(a: GlossaryEntry, b: GlossaryEntry): number {
  return labelCollator.compare(a.label, b.label) || byId(a, b);
}

/** By Chinese name (pinyin); a reader's own term without one goes by its label. */
export function compareByChineseLabel(a: GlossaryEntry, b: GlossaryEntry): number {
  return labelZhCollator.compare(a.labelZh || a.label, b.labelZh || b.label) || byId(a, b);
}

export interface SearchOptions {
  category?: CategoryId;
  /** The interface is Chinese: with nothing typed in either script, list by Chinese name. */
  chinese?: boolean;
}

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * Ties are ordered in the script of the query: 网 lists 网络主权 before 中国网络审查 (pinyin), "in"
 * lists by English label; a query in neither script (digits) or none follows the interface.
 */
function tieOrder(key: string, chinese: boolean): (a: GlossaryEntry, b: GlossaryEntry) => number {
  const zh = HAN.test(key) || (!LATIN.test(key) && chinese);
  return zh ? compareByChineseLabel : compareByLabel;
}

/**
 * Entries matching `query` in their label, Chinese label, aliases (English and Chinese) or either
 * summary: exact name matches first, then names starting with the query, then names with a word
 * starting with it, then names containing it, then summaries containing it; ties in the query's
 * script (`tieOrder`). An empty query lists every entry (of `category`, when given) by name in the
 * interface language.
 */
export function searchGlossary<T extends GlossaryEntry>(
  entries: readonly T[],
  query: string,
  { category, chinese = false }: SearchOptions = {},
): T[] {
  const inCategory = category ? entries.filter((entry) => entry.category === category) : entries;
  const key = searchKey(query);
  const tie = tieOrder(key, chinese);
  if (key === '') return [...inCategory].sort(tie);
  return inCategory
    .map((entry) => ({ entry, rank: rankEntry(entry, key) }))
    .filter(({ rank }) => rank !== Rank.NoMatch)
    .sort((a, b) => a.rank - b.rank || tie(a.entry, b.entry))
    .map(({ entry }) => entry);
}
