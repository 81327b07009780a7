/**
 * A browser with the built extension installed, seen the same way in Chromium and Firefox ESR, and
 * the hooks that open one (with the fixture pages served) for the `describe` that calls them.
 */
import { afterAll, beforeAll } from 'vitest';
import { type StaticServer, startStaticServer } from '../../../scripts/lib/static-server.mjs';
import type { PageDriver } from './page-driver';
import { FIXTURE_PAGES_DIR } from './paths';

export interface OpenPageOptions {
  /** Runs in the page before any of its own scripts (self-contained: its source text is sent). */
  beforePageScripts?: () => void;
}

/** What a launched browser gives a test, with tabs as `Page` (its library's page or a driver). */
export interface LaunchedExtension<Page> {
  /** The extension's page at `path`, e.g. `chrome-extension://ID/popup.html`. */
  extensionUrl(path: string): string;
  /** Opens e.g. `popup.html` in a new tab, loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens a web page (only 127.0.0.1 resolves) in a new tab, loaded. */
  openPage(url: string, options?: OpenPageOptions): Promise<Page>;
  close(): Promise<void>;
}

export interface BrowserSession<P extends PageDriver = PageDriver> extends LaunchedExtension<P> {
  /** For test names and measurements in the log. */
  name: 'Chromium' | 'Firefox ESR' | 'Firefox ESR (oldest)';
  /** The build under test (its manifest says which version must answer). */
  buildDir: string;
}

/** The same browser with every tab wrapped in a `PageDriver`. */
export function sessionOver<Raw, P extends PageDriver>(
  extension: LaunchedExtension<Raw>,
  toDriver: (page: Raw) => P,
  about: Pick<BrowserSession, 'name' | 'buildDir'>,
): BrowserSession<P> {
  return {
    ...about,
    extensionUrl: extension.extensionUrl,
    openExtensionPage: async (path) => toDriver(await extension.openExtensionPage(path)),
    openPage: async (url, options) => toDriver(await extension.openPage(url, options)),
    close: () => extension.close(),
  };
}

export interface SuiteBrowser<S extends BrowserSession> {
  session: S;
  /** `http://127.0.0.1:PORT`, serving tests/fixtures/pages. */
  origin: string;
}

/**
 * Serves the fixture pages and launches a browser before the calling `describe`'s tests, then
 * lets `prepare` open what the suite needs (tabs, a baseline); closes everything after the tests.
 * The returned function gives it all to tests and later hooks.
 */
export function browserForSuite<S extends BrowserSession, E extends object = object>(
  launch: () => Promise<S>,
  prepare: (browser: SuiteBrowser<S>) => Promise<E> = async () => ({}) as E,
): () => SuiteBrowser<S> & E {
  let server: StaticServer | undefined;
  let session: S | undefined;
  let env: (SuiteBrowser<S> & E) | undefined;
  beforeAll(async () => {
    server = await startStaticServer({ root: FIXTURE_PAGES_DIR });
    session = await launch();
    const browser = { session, origin: server.origin };
    env = { ...browser, ...(await prepare(browser)) };
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  return () => {
    if (!env) throw new Error('the browser is not ready (did beforeAll fail?)');
    return env;
  };
}

/** The page driver type of a browser session. */
export type PageOf<S> = S extends BrowserSession<infer P> ? P : never;
