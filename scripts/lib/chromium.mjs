/**
 * How the bench, the sweep, the demo, the icon export and the browser tests start Chromium: the
 * system build (or CHROMIUM_PATH), headless unless asked, and unable to reach anything but 127.0.0.1 (corpus pages link remote images, fonts and trackers; the resolver rule
 * makes each of them fail at once instead of waiting for a timeout).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-first-run',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/**
 * Served with every page: the pages' own scripts must not run, so that timings are ours alone and
 * any DOM mutation after load can only come from the extension; nothing but 127.0.0.1 loads
 * either. `javaScriptEnabled: false` is not an option: Chromium then runs the content script but
 * never fires its timers. Extension content scripts and DevTools evaluation are not subject to the
 * page's CSP.
 */
export const NO_PAGE_SCRIPTS_CSP =
  "default-src 'self' data: 'unsafe-inline'; script-src 'none'; object-src 'none'";

/**
 * For the bench: `gc()` exposed to pages, so that each measurement starts with the garbage of the
 * previous one (mark.js on 2 MB leaves plenty) collected instead of paying for it.
 */
export async function launchBrowser({ exposeGc = false } = {}) {
  const args = exposeGc ? [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}

/**
 * A persistent context with the unpacked extension at `extensionDir`, on a throwaway profile that
 * `close()` deletes. Playwright's `launch()` + `newContext()` never loads extensions; a persistent
 * context with both flags does.
 *
 * `uiLanguage` (e.g. `zh_CN`) sets Chromium's own interface language, the one `_locales` and
 * `i18n.getUILanguage()` follow: the `LANGUAGE` variable, read only when Debian's `chromium-l10n`
 * is installed (`--lang` and Playwright's `locale` leave the extension's language alone).
 *
 * @param {string} extensionDir
 * @param {{ headless?: boolean, colorScheme?: 'light' | 'dark' | 'no-preference',
 *   viewport?: { width: number, height: number }, uiLanguage?: string }} [options]
 */
export async function launchWithExtension(
  extensionDir,
  { headless = true, uiLanguage, ...options } = {},
) {
  const profile = mkdtempSync(join(tmpdir(), 'firewall-lens-profile-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      ...options,
      executablePath: CHROMIUM_PATH,
      headless,
      ...(uiLanguage ? { env: { ...process.env, LANGUAGE: uiLanguage } } : {}),
      args: [
        ...CHROMIUM_ARGS,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
    });
  } catch (error) {
    removeProfile();
    throw error;
  }
  const close = async () => {
    await context.close();
    removeProfile();
  };
  return { context, close };
}
