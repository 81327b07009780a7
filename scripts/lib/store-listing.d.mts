// Types for the unit tests of the store listings' texts.
export interface Listing {
  locale: string;
  name: string;
  manifestDescription: string;
  summary: string;
  description: string;
  /** The promo tile's line under the name. */
  tagline: string;
  /** The promo tile's privacy promise. */
  promise: string;
}
export const LOCALES_DIR: string;
export const SUMMARY_MAX_CHARS: number;
export const MANIFEST_DESCRIPTION_MAX_CHARS: number;
export function listingOf(messages: Record<string, { message: string }>, locale: string): Listing;
export function readListings(localesDir?: string): Listing[];
