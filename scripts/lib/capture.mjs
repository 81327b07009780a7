/**
 * The pictures of the product, taken from the built extension in Chromium: the demo's screenshots
 * (scripts/demo.mjs) and the store listings' (scripts/store.mjs) come from these same steps, so a
 * listing never shows something the extension no longer does. Every request stays on 127.0.0.1.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledArticlePage } from '../bench/article-page.mjs';
import { REPO_ROOT } from './paths.mjs';
import { startStaticServer } from './static-server.mjs';

export const CHROME_BUILD_DIR = join(REPO_ROOT, '.output/chrome-mv3');

/**
 * The news page of tests/fixtures/pages/article.html with a dark theme of its own, as news sites
 * have: a dark card over a page that stayed light is not what a reader in dark mode sees.
 */
const NEWS_PAGE_DARK_THEME = `<style>
@media (prefers-color-scheme: dark) {
  body { color: #e4e7eb; background: #16181b; }
  header[role='banner'], #comments { border-color: #3a3f45; }
  nav a, .byline { color: #9aa5b1; }
  .kicker { color: #f0a46c; }
  blockquote { border-left-color: #f0a46c; }
  a { color: #8fb8ff; }
}
</style>`;

/** Fails with the command to run when there is no build to photograph. */
export async function requireBuild(extensionDir = CHROME_BUILD_DIR) {
  const manifest = await readFile(join(extensionDir, 'manifest.json'), 'utf8').catch(() => null);
  if (manifest === null) {
    throw new Error(`No build in ${extensionDir}: run npm run build first.`);
  }
  return JSON.parse(manifest);
}

/**
 * The pages the pictures are taken on: `/article.html`, the article every card quotes, and
 * `/news.html`, a news page with a masthead, navigation, comments and a dark theme.
 */
export async function startDemoPages() {
  const news = await readFile(join(REPO_ROOT, 'tests/fixtures/pages/article.html'), 'utf8');
  return startStaticServer({
    pages: new Map([
      ['/article.html', bundledArticlePage()],
      ['/news.html', news.replace('</head>', `${NEWS_PAGE_DARK_THEME}</head>`)],
    ]),
  });
}

export async function waitFor(check, what, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    // A page between two documents (the popup reloading itself) cannot answer yet: ask again.
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Where the first mark of `text` is drawn, read from the page's highlight registry. */
function markCenter(page, text) {
  return page.evaluate((wanted) => {
    for (const [name, highlight] of CSS.highlights) {
      // Ours: a random 12-character token, then the category (common/highlight-names.ts).
      if (!/^[a-z][a-z0-9]{11}-/.test(name)) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== wanted) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
}

/** The extension's origin, read from its service worker's address. */
export async function extensionOrigin(context) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Node gives non-web schemes an opaque origin ("null"): build it from the host.
  return `chrome-extension://${new URL(worker.url()).host}`;
}

/**
 * A new tab on `path` of the demo pages, with the pointer resting on the first mark of `term`
 * until its card is open and placed.
 */
export async function openCard(context, origin, path, term, { colorScheme = 'light' } = {}) {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(origin + path);
  const point = await waitFor(() => markCenter(page, term), `a mark on "${term}"`);
  await page.mouse.move(point.x, point.y);
  await waitFor(
    () =>
      page.evaluate(
        () => !!document.querySelector('firewall-lens-ui')?.shadowRoot?.querySelector('.fl-card'),
      ),
    'the context card',
  );
  // Let the card finish placing itself before the picture.
  await page.waitForTimeout(300);
  return page;
}

/**
 * popup.html in a tab, loaded while `behind` is the window's active tab, so that it lists that
 * tab's mentions as the toolbar popup would (test drivers cannot click the toolbar button).
 */
export async function openPopupOver(context, behind, { colorScheme = 'light' } = {}) {
  const popup = await context.newPage();
  await popup.emulateMedia({ colorScheme });
  await popup.goto(`${await extensionOrigin(context)}/popup.html`);
  await behind.bringToFront();
  await popup.evaluate(() => {
    window.__beforeReload = true;
    setTimeout(() => location.reload(), 0);
  });
  await waitFor(
    () =>
      popup.evaluate(
        () =>
          !window.__beforeReload &&
          document.readyState === 'complete' &&
          // The site switch appears once the popup has found its tab and the tab has answered.
          document.querySelector('[role="switch"]') !== null,
      ),
    'the popup over the page',
  );
  await popup.bringToFront();
  return popup;
}

/** The options page in a tab of its own, once the settings have loaded. */
export async function openOptions(context, { colorScheme = 'light' } = {}) {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(`${await extensionOrigin(context)}/options.html`);
  await waitFor(
    () => page.evaluate(() => document.querySelector('[role="switch"]') !== null),
    'the options page',
  );
  return page;
}
