/**
 * The shape of the bundled knowledge base (`data/glossary.json`) and of anything a user imports.
 * Shared by the validator, the background's database and the matcher; no browser globals here.
 */

/** The kinds of bundled entries. */
export const BUNDLED_CATEGORIES = [
  'censorship-system',
  'circumvention',
  'blocked-platform',
  'policy',
  'domestic-platform',
  'event',
] as const;

/** "Your terms": a reader's own entries may take one of the bundled kinds or this one. */
export const USER_CATEGORY = 'user';

export const CATEGORIES = [...BUNDLED_CATEGORIES, USER_CATEGORY] as const;

export type BundledCategoryId = (typeof BUNDLED_CATEGORIES)[number];
export type CategoryId = (typeof CATEGORIES)[number];

/**
 * How an alias may be written on a page to count as a mention.
 * - `proper`: as written in the alias, or in ALL CAPS (headlines). "Great Firewall", "GREAT FIREWALL",
 *   never "great firewall".
 * - `exact`: only exactly as written (acronyms such as "GFW", "VPN").
 * - `insensitive`: any capitalization (rare; ordinary phrases that are unambiguous).
 * Chinese aliases have no case; use `exact`.
 */
export type AliasCase = 'proper' | 'exact' | 'insensitive';

export interface Alias {
  text: string;
  lang: 'en' | 'zh';
  case: AliasCase;
  /**
   * Latin aliases only: also match the plural ("VPNs") and possessives ("Twitter's", "Twitter’s",
   * "VPNs'"). Chinese aliases never inflect.
   */
  inflect: boolean;
}

export interface Quote {
  /** A verbatim excerpt of the source text, typographic quotes and all. */
  text: string;
  /** Offset of `text` in the source text, in UTF-16 code units (JavaScript string indices). */
  start: number;
}

/** Where a fact beyond the source article comes from, as the card cites it ("Source: …"). */
export interface FactSource {
  title: string;
  /** https only: the card links to it, and the extension never fetches it. */
  url: string;
  /** The day the fact was read there, `YYYY-MM-DD`. */
  read: string;
}

/**
 * One fact the source article does not state (when a service was blocked, how), with the page it
 * was read on. The card shows each with its source; a fact without one is refused.
 */
export interface Fact {
  text: string;
  /** The same fact in Simplified Chinese. */
  textZh: string;
  source: FactSource;
}

export interface GlossaryEntry {
  /** Stable, kebab-case; never reused for another term. */
  id: string;
  label: string;
  /** The usual Simplified Chinese name, shown beside the label. */
  labelZh: string;
  category: CategoryId;
  aliases: Alias[];
  /** Two or three sentences written for a reader, in English. */
  summary: string;
  /**
   * The same facts for a reader of Simplified Chinese, written from the source and the English
   * summary (not a machine translation). Shown when the interface is Chinese.
   */
  summaryZh: string;
  quotes: Quote[];
  /** Ids of other entries. */
  related: string[];
  /** Id of the source the quotes come from. */
  source: string;
  /**
   * Facts beyond the article, each with its source. Absent on a reader's own terms and on entries
   * whose summary states nothing the article does not.
   */
  facts?: Fact[];

  /**
   * A platform's own sites (hosts, lowercase, without `www.`; subdomains count): on them its own
   * name is the site's chrome and is marked only in the story's prose
   * (`entrypoints/content/marking/platform-pages.ts`).
   */
  sites?: string[];
}

export interface SourceMeta {
  id: string;
  title: string;
  /** File name under `data/sources/`. */
  file: string;
}

export interface Glossary {
  /** Bumped whenever the bundled data changes; drives re-seeding of the cache. */
  version: string;
  sources: SourceMeta[];
  entries: GlossaryEntry[];
}

/** What the matcher needs: one row per alias, flattened from the entries. */
export interface MatcherAlias {
  text: string;
  id: string;
  category: CategoryId;
  case: AliasCase;
  inflect: boolean;
  /**
   * A reader's own spelling. Where it overlaps a bundled one the longer match wins, and at equal
   * length the bundled one (see matcher.ts).
   */
  own?: boolean;
}

/** The hosts of one entry's own sites (`GlossaryEntry.sites`). */
export interface PlatformSite {
  id: string;
  hosts: readonly string[];
}

export interface MatcherData {
  version: string;
  aliases: MatcherAlias[];
  /** The entries that are platforms with sites of their own; absent: none. */
  sites?: PlatformSite[];
}
