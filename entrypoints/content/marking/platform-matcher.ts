/**
 * The matcher with what a page says about platforms beyond their names: "X" where the page has
 * said it is the platform once called Twitter (platform-x.ts), and links whose host is a blocked
 * platform's (platform-links.ts). Pure: no browser globals.
 *
 * The X rule needs to remember, for one page, that the page has introduced X; a matcher is
 * compiled per page (and per set of enabled categories), so it keeps that. Text read before the
 * introduction keeps its "on X" unmarked, as a reader who had not been told would read it.
 */
import type { CategoryId, MatcherAlias } from '../../../common/glossary-types';
import domainsJson from '../../../data/platform-domains.json';
import type { Match, Matcher } from './matcher';
import { type PlatformDomains, platformOfLink } from './platform-links';
import { findPlatformX } from './platform-x';

export interface LinkedPlatform {
  id: string;
  category: CategoryId;
}

/** The glossary entry X is a name of. */
export const X_ENTRY_ID = 'twitter';

const DOMAINS: PlatformDomains = domainsJson;

function merge(base: readonly Match[], extra: readonly Match[]): readonly Match[] {
  if (extra.length === 0) return base;
  const kept = extra.filter((x) => !base.some((m) => m.start < x.end && x.start < m.end));
  if (kept.length === 0) return base;
  return [...base, ...kept].sort((a, b) => a.start - b.start);
}

export function withPlatforms(
  base: Matcher,
  aliases: readonly MatcherAlias[],
  domains: PlatformDomains = DOMAINS,
): Matcher {
  // Only enabled bundled entries: a disabled category's aliases never reach the matcher.
  const categories = new Map<string, CategoryId>();
  for (const alias of aliases) if (alias.own !== true) categories.set(alias.id, alias.category);
  const xCategory = categories.get(X_ENTRY_ID);
  let xKnown = false;

  const findX = (text: string): readonly Match[] => {
    if (xCategory === undefined || text.indexOf('X') < 0) return [];
    const found = findPlatformX(text, xKnown);
    if (found.introduces) xKnown = true;
    return found.spans.map(({ start, end }) => ({
      start,
      end,
      id: X_ENTRY_ID,
      category: xCategory,
    }));
  };
  const baseTest = base.test;

  return {
    version: base.version,
    // Before the page has introduced X, only an introduction marks it, and an introduction
    // names Twitter, which the bundled test already finds.
    test: (text: string): boolean =>
      baseTest(text) ||
      (xKnown &&
        xCategory !== undefined &&
        text.indexOf('X') >= 0 &&
        findPlatformX(text, true).spans.length > 0),
    findAll(text: string): readonly Match[] {
      return merge(base.findAll(text), findX(text));
    },
    linkedPlatform(href: string): LinkedPlatform | undefined {
      const id = platformOfLink(href, domains);
      const category = id === undefined ? undefined : categories.get(id);
      return id === undefined || category === undefined ? undefined : { id, category };
    },
    notePlatformLink(id: string): void {
      // A link to x.com or twitter.com is the page saying which X it means.
      if (id === X_ENTRY_ID) xKnown = true;
    },
  };
}
