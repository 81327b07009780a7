/**
 * A platform's own pages: on twitter.com "Twitter" is the site's name in its own chrome ("New to
 * Twitter?", "Twitter for iPhone", the footer), nine times on one tweet page, and a reader there
 * learns nothing from a mark on it. So on a platform's own site (its hosts and their subdomains,
 * as the glossary lists them: `sites` of each entry) its own name is marked only in the story's
 * prose: not outside the story, not in links, headings, labels or the page's header and footer.
 * Other terms, and other platforms' names, are marked as on any page.
 *
 * Pure: the host comes from the caller (`location.hostname`), the element is anything shaped like
 * one (tested with happy-dom).
 */
import type { PlatformSite } from '../../../common/glossary-types';

/** Ids of the platforms whose own site `host` is: one of their hosts or a subdomain of one. */
export function platformsOfHost(host: string, sites: readonly PlatformSite[]): ReadonlySet<string> {
  const own = new Set<string>();
  // Hosts are case-insensitive and may end in the root's dot ("x.com.").
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  if (name === '') return own;
  for (const site of sites) {
    for (const siteHost of site.hosts) {
      const root = siteHost.toLowerCase();
      if (name === root || name.endsWith(`.${root}`)) own.add(site.id);
    }
  }
  return own;
}

export interface OwnNameElementLike {
  readonly localName: string;
  readonly parentElement: OwnNameElementLike | null;
  getAttribute(name: string): string | null;
}

/** Where a site's name is its chrome: links, headings, labels, the page's header and footer. */
const CHROME_TAGS: ReadonlySet<string> = new Set([
  'a',
  'button',
  'label',
  'legend',
  'summary',
  'caption',
  'th',
  'dt',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'footer',
  'nav',
  'aside',
  'form',
  'dialog',
  'menu',
  'title',
]);

const CHROME_ROLES: ReadonlySet<string> = new Set([
  'link',
  'button',
  'heading',
  'banner',
  'contentinfo',
  'navigation',
  'dialog',
  'menu',
  'menuitem',
  'tab',
  'tooltip',
]);

/**
 * Whether a mention of the site's own platform, in text directly inside `element`, is the
 * site's chrome. `inStory`: the text lies in the story the detector found; outside it (or on a
 * page without one) the site's own name is always chrome.
 */
export function isOwnNameChrome(element: OwnNameElementLike, inStory: boolean): boolean {
  if (!inStory) return true;
  for (let e: OwnNameElementLike | null = element; e !== null; e = e.parentElement) {
    if (CHROME_TAGS.has(e.localName)) return true;
    const role = e.getAttribute('role');
    if (role !== null && CHROME_ROLES.has(role)) return true;
  }
  return false;
}
