/**
 * Reads one file of v2fly/domain-list-community (MIT) and keeps what a link to the service can
 * have as its host. Pure: the converter (convert.mjs) hands it the file's text.
 *
 * The list's syntax (its README, "Structure of data"):
 * - `# …` is a comment anywhere on a line;
 * - `include:other` pulls in another list. Not followed: google's list includes youtube, android,
 *   firebase and golang, which are other services or developer tools, not the service a story
 *   links to. Each glossary entry names the lists that are its own.
 * - `domain:example.com` or a bare `example.com`: the domain and all its subdomains; kept.
 * - `full:www.example.com`: exactly that host; kept as such.
 * - `keyword:` and `regexp:` rules match substrings and patterns of any host: a link's host is
 *   looked up by its suffixes in a table, and a substring rule there would mark unrelated sites
 *   (`keyword:google` matches `googleblog-fan.example`). Dropped.
 * - `@attr` attributes: `@cn` rules are the service's mainland-China hosts (reachable there, so
 *   not what the card explains) and `@ads` its ad and tracking hosts (never a story's link).
 *   Dropped. `&list` affiliations only file a rule under another list too; ignored.
 */

/**
 * @param {string} text the list file
 * @returns {{ suffixes: string[]; full: string[]; dropped: { rule: string; why: string }[] }}
 */
export function parseDomainList(text) {
  const suffixes = [];
  const full = [];
  const dropped = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const [rule = '', ...tags] = line.split(/\s+/);
    const attributes = tags.filter((tag) => tag.startsWith('@'));
    const colon = rule.indexOf(':');
    const kind = colon < 0 ? 'domain' : rule.slice(0, colon);
    const value = (colon < 0 ? rule : rule.slice(colon + 1)).toLowerCase();
    if (kind === 'include') {
      dropped.push({ rule: line, why: 'include: each entry names its own lists' });
    } else if (kind === 'keyword' || kind === 'regexp') {
      dropped.push({ rule: line, why: `${kind}: matches hosts a suffix table cannot tell apart` });
    } else if (attributes.includes('@cn') || attributes.includes('@ads')) {
      dropped.push({ rule: line, why: `${attributes.join(' ')}: not the blocked service itself` });
    } else if (kind === 'domain') {
      suffixes.push(value);
    } else if (kind === 'full') {
      full.push(value);
    } else {
      dropped.push({ rule: line, why: `unknown rule type "${kind}"` });
    }
  }
  return { suffixes, full, dropped };
}
