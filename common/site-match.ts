/**
 * Host name lists: what a user may type into a site list, and which entry of a list applies to a
 * page. Pure; the URL parser does the IDN and case work so that what we store is what
 * `new URL(pageUrl).hostname` gives for the same site.
 */

/** The longest host name DNS allows; anything longer is junk, not a site. */
const MAX_HOST_LENGTH = 253;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** `xn--` labels and plain letters; a top-level label of digits only is an IPv4 mistake. */
const TOP_LABEL = /^(?:[a-z][a-z0-9-]*|xn--[a-z0-9-]+)$/;

function stripTrailingDots(host: string): string {
  return host.replace(/\.+$/, '');
}

function isIpHost(host: string): boolean {
  return IPV4.test(host) || host.startsWith('[');
}

/**
 * Turns what a user typed ("https://www.Example.com/path", "example.com", "*.example.com",
 * "bücher.de", "例子.中国") into the host name we store: lowercase ASCII (punycode), no scheme,
 * path, port or trailing dot. Returns null for anything that is not a host name.
 *
 * A leading "*." is dropped: every entry already covers its subdomains. Single-label names other
 * than "localhost" are refused: in a site list "nytimes" is a typo far more often than an intranet
 * host.
 */
export function normalizeHostInput(input: string): string | null {
  let text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  if (!SCHEME.test(text)) text = `http://${text.replace(/^\*\./, '')}`;
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return null;
  }
  host = stripTrailingDots(host);
  if (host === '' || host.length > MAX_HOST_LENGTH) return null;
  if (host.startsWith('[')) return host;
  if (IPV4.test(host)) {
    // The URL parser reads "123" or "0x7f.1" as IPv4 addresses; only a written-out dotted quad is
    // what the user meant.
    return rawHost(input) === host ? host : null;
  }
  if (host === 'localhost') return host;
  const labels = host.split('.');
  const top = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((label) => DNS_LABEL.test(label))) return null;
  return TOP_LABEL.test(top) ? host : null;
}

/** The host part of what the user typed, without scheme, credentials, port, path or trailing dot. */
function rawHost(input: string): string {
  const afterScheme = input.trim().replace(SCHEME, '');
  const authority = afterScheme.split(/[/?#]/, 1)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
  return stripTrailingDots(host.toLowerCase());
}

function canonical(host: string): string {
  return stripTrailingDots(host.trim().toLowerCase());
}

/**
 * True when `pattern` is `host` or one of its parent domains: "example.com" matches
 * "example.com" and "news.example.com", never "badexample.com". IP addresses match only
 * themselves.
 */
export function hostMatches(host: string, pattern: string): boolean {
  const h = canonical(host);
  const p = canonical(pattern);
  if (h === '' || p === '') return false;
  if (h === p) return true;
  if (isIpHost(h) || isIpHost(p)) return false;
  return h.endsWith(`.${p}`);
}

/** How specific a pattern is: its number of labels. */
export function patternSpecificity(pattern: string): number {
  return canonical(pattern).split('.').length;
}

/** The entry of `list` that covers `host` most specifically (most labels), or null. */
export function findMatchingPattern(host: string, list: readonly string[]): string | null {
  let best: string | null = null;
  let bestSpecificity = -1;
  for (const pattern of list) {
    if (!hostMatches(host, pattern)) continue;
    const specificity = patternSpecificity(pattern);
    if (specificity > bestSpecificity) {
      best = pattern;
      bestSpecificity = specificity;
    }
  }
  return best;
}

export interface SiteLists {
  siteDefault: 'on' | 'off';
  enabledSites: readonly string[];
  disabledSites: readonly string[];
}

export type SiteDecision = 'enabled' | 'site-disabled' | 'site-not-enabled';

/**
 * Whether the site lists let Firewall Lens run on `host`.
 *
 * The rule: the most specific matching entry of either list decides ("news.example.com" on the
 * "on" list beats "example.com" on the "off" list, and the other way round). When both lists match
 * at the same specificity, the "off" list wins: a user who said "not here" anywhere is obeyed.
 * With no match, `siteDefault` decides.
 */
export function decideSite(host: string, lists: SiteLists): SiteDecision {
  const disabled = findMatchingPattern(host, lists.disabledSites);
  const enabled = findMatchingPattern(host, lists.enabledSites);
  if (disabled !== null) {
    if (enabled === null || patternSpecificity(disabled) >= patternSpecificity(enabled)) {
      return 'site-disabled';
    }
    return 'enabled';
  }
  if (enabled !== null) return 'enabled';
  return lists.siteDefault === 'on' ? 'enabled' : 'site-not-enabled';
}
