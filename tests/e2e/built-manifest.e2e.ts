import { describe, expect, it } from 'vitest';
import type { TargetBrowser, UserManifest } from 'wxt';
import { GECKO_ID } from '../../common/extension-ids';
import wxtConfig from '../../wxt.config';
import { type BuiltManifest, readBuiltManifest } from './harness/built-manifest';
import { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR } from './harness/paths';

/**
 * Every permission is a review decision: a new one goes here with its reason, in the same change
 * that adds it to wxt.config.ts.
 * - storage: the glossary cache and the user's settings.
 * - scripting: the content script for tabs that were open before an install, update or enable
 *   (entrypoints/background/open-tabs.ts), and the highlight styles, inserted into a tab only
 *   while it is marked (entrypoints/background/mark-styles.ts). No prompt of its own.
 */
const REVIEWED_PERMISSIONS = ['storage', 'scripting'];

/** The content script reads ordinary web pages; nothing else (no file://, no <all_urls>). */
const CONTENT_SCRIPT_MATCHES = ['http://*/*', 'https://*/*'];

async function configuredManifest(browser: TargetBrowser): Promise<UserManifest> {
  const { manifest } = wxtConfig;
  if (typeof manifest !== 'function') return (await manifest) ?? {};
  return manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
}

/** Sources a page of the extension may load from: its own files and nothing else. */
function remoteSources(csp: string): string[] {
  const local = new Set(["'self'", "'none'", "'wasm-unsafe-eval'"]);
  return csp
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .filter(([name]) => name?.endsWith('-src'))
    .flatMap(([, ...sources]) => sources.filter((source) => !local.has(source)));
}

const builds: [TargetBrowser, string][] = [
  ['chrome', CHROME_BUILD_DIR],
  ['firefox', FIREFOX_BUILD_DIR],
];

describe.each(builds)('the built %s manifest', (browser, dir) => {
  const manifest: BuiltManifest = readBuiltManifest(dir);

  it('asks for exactly the permissions wxt.config.ts declares, all of them reviewed', async () => {
    const configured = await configuredManifest(browser);
    expect(manifest.permissions ?? []).toEqual(configured.permissions ?? []);
    expect(REVIEWED_PERMISSIONS).toEqual(expect.arrayContaining(manifest.permissions ?? []));
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('asks for no host permissions beyond where its content script runs', () => {
    // Chromium's `scripting` reaches only declared host permissions: the same sites, no more.
    expect(CONTENT_SCRIPT_MATCHES).toEqual(expect.arrayContaining(manifest.host_permissions ?? []));
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    // Two content scripts (the early styles one and the main one) share the same matches.
    const matches = [
      ...new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches)),
    ];
    expect(matches.length).toBeGreaterThan(0);
    expect(CONTENT_SCRIPT_MATCHES).toEqual(expect.arrayContaining(matches));
    // The same hosts again, for `scripting` (Chromium needs them spelled out): nothing new.
    expect(manifest.host_permissions).toEqual(matches);
  });

  it('lets its pages load scripts and objects from its own package only, and no page frame them', () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);
    expect(csp).toMatch(/(^|;)\s*object-src 'none'\s*(;|$)/);
    expect(csp).toMatch(/(^|;)\s*base-uri 'none'\s*(;|$)/);
    expect(csp).toMatch(/(^|;)\s*frame-ancestors 'none'\s*(;|$)/);
    expect(remoteSources(csp)).toEqual([]);
  });

  it('cannot be messaged by web pages or other extensions', () => {
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('gives pages nothing to find: no manifest CSS, no web-accessible resources', () => {
    // A stylesheet in every page would be readable by every page (docs/detection.md, Marks).
    for (const script of manifest.content_scripts ?? []) expect(script.css ?? []).toEqual([]);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('is Manifest V3 with the version from package.json', async () => {
    const { default: pkg } = await import('../../package.json', { with: { type: 'json' } });
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(pkg.version);
  });
});

describe('the built Firefox manifest', () => {
  const manifest = readBuiltManifest(FIREFOX_BUILD_DIR);

  it('pins the add-on id, needs Firefox 140 and declares that it collects no data', () => {
    expect(manifest.browser_specific_settings?.gecko).toEqual({
      id: GECKO_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(manifest.browser_specific_settings?.gecko_android).toEqual({
      strict_min_version: '142.0',
    });
  });

  it('uses an event page, which Firefox supports, rather than a service worker', () => {
    expect(manifest.background).toEqual({ scripts: [expect.any(String)] });
  });
});

describe('the built Chrome manifest', () => {
  it('uses a service worker background', () => {
    expect(readBuiltManifest(CHROME_BUILD_DIR).background).toEqual({
      service_worker: expect.any(String),
    });
  });
});
