/**
 * Whether Firewall Lens runs on a page, and how: one pure decision shared by the content script
 * (to start or stay idle) and the popup (to explain why). The rule, in order:
 *
 * 1. Only http: and https: pages ('unsupported-url' otherwise: the browser's own pages, files,
 *    extension pages, malformed URLs).
 * 2. The global switch ('off-globally').
 * 3. At least one category must be on ('no-categories').
 * 4. The site lists (`decideSite` in `common/site-match.ts`): the most specific matching entry of
 *    either list wins; at equal specificity the "off" list wins ('site-disabled'); with no match,
 *    `siteDefault` decides ('site-not-enabled' when it is 'off').
 */
import { CATEGORIES, type CategoryId } from './glossary-types';
import type { MarkMode, MarkStyle, Settings } from './settings';
import { decideSite } from './site-match';

export type EnablementReason =
  | 'enabled'
  | 'unsupported-url'
  | 'off-globally'
  | 'no-categories'
  | 'site-disabled'
  | 'site-not-enabled';

export interface Enablement {
  active: boolean;
  reason: EnablementReason;
  /** The page's host name as the site lists see it (lowercase, no trailing dot); null if not http(s). */
  host: string | null;
  categories: ReadonlySet<CategoryId>;
  markStyle: MarkStyle;
  markMode: MarkMode;
  stealth: boolean;
  hoverDelayMs: number;
}

function pageHost(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.replace(/\.+$/, '');
  return host === '' ? null : host;
}

export function decideEnablement(settings: Settings, url: string): Enablement {
  const categories = new Set(CATEGORIES.filter((id) => settings.categories[id]));
  const host = pageHost(url);
  const result = (reason: EnablementReason): Enablement => ({
    active: reason === 'enabled',
    reason,
    host,
    categories,
    markStyle: settings.markStyle,
    markMode: settings.markMode,
    stealth: settings.stealth,
    hoverDelayMs: settings.hoverDelayMs,
  });
  if (host === null) return result('unsupported-url');
  if (!settings.enabled) return result('off-globally');
  if (categories.size === 0) return result('no-categories');
  return result(decideSite(host, settings));
}
