/**
 * The store listings' texts, read from the message files the extension ships (public/_locales):
 * one copy of every word, translated where the interface is. Pure apart from reading those files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.mjs';

export const LOCALES_DIR = join(REPO_ROOT, 'public/_locales');

/** Firefox Add-ons' summary limit. */
export const SUMMARY_MAX_CHARS = 250;
/** The manifest's description, which the Chrome Web Store shows as the listing's summary. */
export const MANIFEST_DESCRIPTION_MAX_CHARS = 132;

const KEYS = [
  'extName',
  'extDescription',
  'storeSummary',
  'storeDescription',
  'storeTagline',
  'storePromise',
];

/** @param {Record<string, { message: string }>} messages @param {string} locale */
export function listingOf(messages, locale) {
  const missing = KEYS.filter((key) => typeof messages[key]?.message !== 'string');
  if (missing.length > 0) {
    throw new Error(`${locale}/messages.json has no ${missing.join(', ')}`);
  }
  const text = (key) => messages[key].message.trim();
  const listing = {
    locale,
    name: text('extName'),
    manifestDescription: text('extDescription'),
    summary: text('storeSummary'),
    description: text('storeDescription'),
    tagline: text('storeTagline'),
    promise: text('storePromise'),
  };
  // Characters as the stores count them: code points, not UTF-16 units.
  const length = (s) => [...s].length;
  if (length(listing.summary) > SUMMARY_MAX_CHARS) {
    throw new Error(
      `${locale} storeSummary is ${length(listing.summary)} characters; the stores take ${SUMMARY_MAX_CHARS}`,
    );
  }
  if (length(listing.manifestDescription) > MANIFEST_DESCRIPTION_MAX_CHARS) {
    throw new Error(
      `${locale} extDescription is ${length(listing.manifestDescription)} characters; Chrome takes ${MANIFEST_DESCRIPTION_MAX_CHARS}`,
    );
  }
  return listing;
}

/** Every locale's listing, English first. */
export function readListings(localesDir = LOCALES_DIR) {
  return readdirSync(localesDir)
    .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)))
    .map((locale) =>
      listingOf(
        JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')),
        locale,
      ),
    );
}
