/**
 * What every bench tool measures in: pages served on 127.0.0.1 with their own scripts blocked and
 * cross-origin isolation on, in a Chromium that exposes gc().
 */
import { launchBrowser, NO_PAGE_SCRIPTS_CSP } from '../lib/chromium.mjs';
import { startStaticServer } from '../lib/static-server.mjs';

/**
 * @param {{ root?: string, pages?: Map<string, string> }} options
 * @returns {Promise<{ server: { origin: string, close: () => Promise<void> },
 *   browser: import('playwright-core').Browser,
 *   context: import('playwright-core').BrowserContext }>}
 */
export async function startBenchSession({ root, pages }) {
  const server = await startStaticServer({
    root,
    pages,
    headers: {
      'content-security-policy': NO_PAGE_SCRIPTS_CSP,
      // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs: small
      // pages take well under a millisecond.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    },
  });
  const browser = await launchBrowser({ exposeGc: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return { server, browser, context };
}

/**
 * Runs in the page before each measurement: the load's layout done, two frames painted, and three
 * full collections. V8 drops a RegExp's compiled code once it went unused through two, so no method
 * finds the pattern compiled by the one before it (mark.js and the floor share one): every method
 * compiles its RegExp inside its own clock.
 */
export function settleFreshDocument() {
  return new Promise((done) => {
    for (let i = 0; i < 3; i++) globalThis.gc?.();
    void document.body?.offsetHeight;
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));
  });
}
