// Types for the browser tests (TypeScript) that share these flags with the Node scripts.
import type { Browser, BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH: string;
export const CHROMIUM_ARGS: readonly string[];
export const NO_PAGE_SCRIPTS_CSP: string;
export function launchBrowser(options?: { exposeGc?: boolean }): Promise<Browser>;
export function launchWithExtension(
  extensionDir: string,
  options?: {
    headless?: boolean;
    colorScheme?: 'light' | 'dark' | 'no-preference';
    viewport?: { width: number; height: number };
    /** Chromium's own UI language, e.g. `zh_CN` (needs Debian's chromium-l10n). */
    uiLanguage?: string;
  },
): Promise<{ context: BrowserContext; close: () => Promise<void> }>;
