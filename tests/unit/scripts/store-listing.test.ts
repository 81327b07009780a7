/**
 * The store listings come from the message files: every language says the whole listing, within
 * the stores' limits, and a listing the stores would refuse stops `npm run store` with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../../../scripts/lib/png-size.mjs';
import {
  listingOf,
  MANIFEST_DESCRIPTION_MAX_CHARS,
  readListings,
  SUMMARY_MAX_CHARS,
} from '../../../scripts/lib/store-listing.mjs';
import { readLocale } from '../support/fake-i18n';

const ROOT = join(import.meta.dirname, '../../..');

describe('the store listings', () => {
  const listings = readListings();

  it('exist in English and Chinese, English first', () => {
    expect(listings.map((l) => l.locale)).toEqual(['en', 'zh_CN']);
  });

  it.each(listings)('$locale: the summary fits Firefox Add-ons’ 250 characters', (listing) => {
    expect([...listing.summary].length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(listing.summary.length).toBeGreaterThan(40);
  });

  it.each(listings)('$locale: the manifest description fits Chrome’s 132 characters', (listing) => {
    expect([...listing.manifestDescription].length).toBeLessThanOrEqual(
      MANIFEST_DESCRIPTION_MAX_CHARS,
    );
  });

  it('the Chinese listing is in Chinese, not a copy of the English', () => {
    const [en, zh] = listings;
    expect(zh?.summary).not.toBe(en?.summary);
    expect(zh?.description).toMatch(/[\u4e00-\u9fff]{8}/);
  });

  it('are refused with the reason when a summary is too long or a text is missing', () => {
    const english = readLocale('en');
    const long = { ...english, storeSummary: { message: 'x'.repeat(SUMMARY_MAX_CHARS + 1) } };
    expect(() => listingOf(long, 'en')).toThrow(/storeSummary is 251 characters/);
    // Counted as the stores count: 250 Chinese characters are 250, whatever UTF-16 makes of them.
    const wide = { ...english, storeSummary: { message: '𠀀'.repeat(SUMMARY_MAX_CHARS) } };
    expect(listingOf(wide, 'en').summary).toHaveLength(SUMMARY_MAX_CHARS * 2);
    const { storeDescription: _, ...without } = english;
    expect(() => listingOf(without, 'zh_CN')).toThrow(
      'zh_CN/messages.json has no storeDescription',
    );
  });
});

describe('the PNG size check', () => {
  it('reads the width and height from the header', () => {
    const icon = readFileSync(join(ROOT, 'assets/icons/icon-128.png'));
    expect(pngSize(icon)).toEqual({ width: 128, height: 128 });
    expect(pngSize(readFileSync(join(ROOT, 'docs/images/card-light.png')))).toEqual({
      width: 1100,
      height: 760,
    });
  });

  it('refuses what is not a PNG', () => {
    expect(() =>
      pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toThrow('not a PNG file');
    expect(() => pngSize(new Uint8Array(8))).toThrow('not a PNG file');
  });
});
