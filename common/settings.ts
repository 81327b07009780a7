/**
 * The user's settings: one typed, versioned object stored under one key (see
 * `common/settings-store.ts` for where). Pure: everything read from storage goes through
 * `normalizeSettings`, which never throws, so a corrupt or foreign value can never stop the
 * extension; it only falls back to defaults field by field.
 */
import { CATEGORIES, type CategoryId } from './glossary-types';
import { isRecord } from './is-record';
import { decideSite, normalizeHostInput } from './site-match';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export type SiteDefault = 'on' | 'off';
export type MarkStyle = 'underline' | 'background' | 'none';
export type MarkMode = 'all' | 'first';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** The global "Enable Firewall Lens" switch. */
  enabled: boolean;
  /** 'on': mark every site unless listed off; 'off': only the sites listed on. */
  siteDefault: SiteDefault;
  /** Host names (see `normalizeHostInput`); each covers its subdomains. */
  enabledSites: string[];
  disabledSites: string[];
  categories: Record<CategoryId, boolean>;
  markStyle: MarkStyle;
  hoverDelayMs: number;
  /** Mark every mention, or only the first of each term on a page. */
  markMode: MarkMode;
  /** No marks at all; a card opens only while Alt is held over a mention. */
  stealth: boolean;
}

export const HOVER_DELAY_MIN_MS = 0;
export const HOVER_DELAY_MAX_MS = 2_000;
/** Long enough that sweeping the pointer across a paragraph opens nothing. */
export const HOVER_DELAY_DEFAULT_MS = 300;
/**
 * A site list this long is already far past what anyone types by hand; the cap keeps a corrupt or
 * hostile stored value from making every page load slow.
 */
export const MAX_SITES_PER_LIST = 1_000;

function allCategories(on: boolean): Record<CategoryId, boolean> {
  const result = {} as Record<CategoryId, boolean>;
  for (const id of CATEGORIES) result[id] = on;
  return result;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  siteDefault: 'on',
  enabledSites: [],
  disabledSites: [],
  categories: allCategories(true),
  markStyle: 'underline',
  hoverDelayMs: HOVER_DELAY_DEFAULT_MS,
  markMode: 'all',
  stealth: false,
});

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return {
    ...DEFAULT_SETTINGS,
    enabledSites: [],
    disabledSites: [],
    categories: allCategories(true),
  };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

export function clampHoverDelay(value: number): number {
  if (!Number.isFinite(value)) return HOVER_DELAY_DEFAULT_MS;
  return Math.min(HOVER_DELAY_MAX_MS, Math.max(HOVER_DELAY_MIN_MS, Math.round(value)));
}

/** Normalised, deduplicated host names, first occurrence kept; entries that are not hosts dropped. */
export function normalizeSiteList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  for (const item of value) {
    if (seen.size >= MAX_SITES_PER_LIST) break;
    if (typeof item !== 'string') continue;
    const host = normalizeHostInput(item);
    if (host !== null) seen.add(host);
  }
  return [...seen];
}

function normalizeCategories(value: unknown): Record<CategoryId, boolean> {
  const result = allCategories(true);
  if (!isRecord(value)) return result;
  for (const id of CATEGORIES) result[id] = bool(value[id], true);
  return result;
}

/**
 * Maps a stored object of an older schema onto the current field names; values are checked
 * afterwards by `normalizeSettings`. An object without a `version` is taken as v0, the shape the
 * first prototype stored (`{ enabled: boolean, disabledHosts: string[] }`, marking on everywhere
 * else), whose fields are a subset of v1's under other names (fields v1 already has win over their
 * v0 names).
 */
export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  const version = raw.version;
  if (version !== undefined && version !== 0) return raw;
  const { disabledHosts, ...rest } = raw;
  return {
    ...rest,
    disabledSites: rest.disabledSites ?? disabledHosts,
    version: SETTINGS_VERSION,
  };
}

/**
 * Any stored value → valid current settings. Never throws. Malformed fields fall back to their
 * defaults one by one, unknown fields are dropped, site lists are normalised and deduplicated.
 * A newer schema (from a newer version of the extension syncing through the same account) is read
 * field by field as well: every field we know keeps its value, the rest is dropped.
 */
export function normalizeSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return defaultSettings();
  try {
    // Own fields only: an inherited `enabled` is not something the user stored.
    return normalizeRecord(migrate({ ...raw }));
  } catch {
    return defaultSettings();
  }
}

function normalizeRecord(source: Record<string, unknown>): Settings {
  const defaults = DEFAULT_SETTINGS;
  return {
    version: SETTINGS_VERSION,
    enabled: bool(source.enabled, defaults.enabled),
    siteDefault: oneOf(source.siteDefault, ['on', 'off'], defaults.siteDefault),
    enabledSites: normalizeSiteList(source.enabledSites),
    disabledSites: normalizeSiteList(source.disabledSites),
    categories: normalizeCategories(source.categories),
    markStyle: oneOf(source.markStyle, ['underline', 'background', 'none'], defaults.markStyle),
    hoverDelayMs:
      typeof source.hoverDelayMs === 'number'
        ? clampHoverDelay(source.hoverDelayMs)
        : defaults.hoverDelayMs,
    markMode: oneOf(source.markMode, ['all', 'first'], defaults.markMode),
    stealth: bool(source.stealth, defaults.stealth),
  };
}

export type SiteListName = 'enabledSites' | 'disabledSites';

/** Why a site was not added; the options page words it in the interface language. */
export type AddSiteError =
  | { reason: 'not-a-host'; input: string }
  | { reason: 'duplicate'; host: string }
  | { reason: 'full'; max: number };

export type AddSiteResult =
  | { ok: true; settings: Settings; host: string }
  | { ok: false; error: AddSiteError };

/**
 * Adds what the user typed to one site list. A host moves out of the other list: being listed both
 * "on" and "off" would only confuse the person reading the lists.
 */
export function addSite(settings: Settings, list: SiteListName, input: string): AddSiteResult {
  const host = normalizeHostInput(input);
  if (host === null) {
    return { ok: false, error: { reason: 'not-a-host', input: input.trim() } };
  }
  if (settings[list].includes(host)) {
    return { ok: false, error: { reason: 'duplicate', host } };
  }
  if (settings[list].length >= MAX_SITES_PER_LIST) {
    return { ok: false, error: { reason: 'full', max: MAX_SITES_PER_LIST } };
  }
  const other: SiteListName = list === 'enabledSites' ? 'disabledSites' : 'enabledSites';
  return {
    ok: true,
    host,
    settings: {
      ...settings,
      [list]: [...settings[list], host],
      [other]: settings[other].filter((entry) => entry !== host),
    },
  };
}

export function removeSite(settings: Settings, list: SiteListName, host: string): Settings {
  return { ...settings, [list]: settings[list].filter((entry) => entry !== host) };
}

/**
 * The popup's "On this site" switch: makes Firewall Lens run (or not) on `hostname` with the
 * smallest change to the lists. The exact host leaves the list that contradicts the wish; it is
 * added to the other list only if the lists would still decide otherwise (because of `siteDefault`
 * or an entry for a parent domain). A value that is not a host name leaves the settings unchanged.
 */
export function setSiteEnabled(settings: Settings, hostname: string, on: boolean): Settings {
  const host = normalizeHostInput(hostname);
  if (host === null) return settings;
  const remove: SiteListName = on ? 'disabledSites' : 'enabledSites';
  const add: SiteListName = on ? 'enabledSites' : 'disabledSites';
  let next = removeSite(settings, remove, host);
  const isOn = decideSite(host, next) === 'enabled';
  if (isOn !== on && !next[add].includes(host)) {
    next = { ...next, [add]: [...next[add], host] };
  }
  return next;
}
