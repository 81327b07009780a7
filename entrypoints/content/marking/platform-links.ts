/**
 * Which blocked platform a link goes to, from its address. Pure: no browser globals (URL is a
 * language built-in in every context we run in). The host table is data/platform-domains.json,
 * converted from v2fly/domain-list-community (MIT) by scripts/platform-domains/convert.mjs.
 */

export interface PlatformDomains {
  /** A host and every subdomain of it → glossary id. */
  suffixes: Readonly<Record<string, string>>;
  /** Exactly this host → glossary id. */
  full: Readonly<Record<string, string>>;
}

/** The glossary id of the platform `host` belongs to, or undefined. */
export function platformOfHost(host: string, domains: PlatformDomains): string | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  // Own keys only: a host named "constructor" must not find Object's.
  if (Object.hasOwn(domains.full, name)) return domains.full[name];
  // youtube.com, m.youtube.com, www.youtube.com.hk: the longest suffix in the table decides.
  for (let at = 0; at >= 0; at = name.indexOf('.', at) + 1 || -1) {
    const suffix = name.slice(at);
    if (Object.hasOwn(domains.suffixes, suffix)) return domains.suffixes[suffix];
  }
  return undefined;
}

/**
 * The host of an http(s) address the way the URL parser reads it, when the address is plain
 * (ASCII host, no tab or newline the parser would strip); null when only the parser can tell.
 * A news page has hundreds of links and a long read thousands: building a URL object for each
 * was a fifth of a full scan on the long-story bench page.
 */
const PLAIN_AUTHORITY = /^https?:\/\/([^/?#\\]*)/i;
const PLAIN_HOST = /^[a-z0-9.-]+$/i;
const NEEDS_PARSER = /[\t\n\r%]/;

function plainHost(href: string): string | null {
  const authority = PLAIN_AUTHORITY.exec(href)?.[1];
  if (authority === undefined || NEEDS_PARSER.test(authority)) return null;
  // user:password@host:port → host
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const colon = hostAndPort.indexOf(':');
  const host = colon < 0 ? hostAndPort : hostAndPort.slice(0, colon);
  return PLAIN_HOST.test(host) ? host : null;
}

/**
 * The platform a story's link goes to: http(s) only, the whole address read as the browser
 * would. Relative, `mailto:` and `javascript:` links have none.
 */
export function platformOfLink(href: string, domains: PlatformDomains): string | undefined {
  if (!/^https?:\/\//i.test(href)) return undefined;
  let host = plainHost(href);
  if (host === null) {
    try {
      host = new URL(href).hostname;
    } catch {
      return undefined;
    }
  }
  return host === '' ? undefined : platformOfHost(host, domains);
}

/**
 * "Follow us on X", "Subscribe on YouTube", "关注我们", and a byline's "@handle": a link to an
 * account is an invitation to follow it, site chrome even inside the story, and stays unmarked
 * like a share link (a byline handle was the corpus's one stray link mark of this kind).
 */
const FOLLOW_LABEL =
  /^\s*(?:follow|subscribe|like\s+us|join\s+us|find\s+us|connect)\b|^\s*@\w|关注|订阅/i;

export function isFollowLabel(text: string): boolean {
  return FOLLOW_LABEL.test(text);
}
