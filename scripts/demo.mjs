// The main job: after `npm run build`, opens Chromium with Firewall Lens on the bundled sample pages.
// With a display it stays open for a person to explore; without one (or with --headless) it rests
// the pointer on "Great Firewall", waits for the card and saves screenshots under demo/, in light
// and dark, then again with Chromium's own interface in Chinese (LANGUAGE=zh_CN, which needs
// Debian's chromium-l10n), where the card explains in Chinese. Every request stays on 127.0.0.1.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledArticlePage } from './bench/article-page.mjs';
import { launchWithExtension } from './lib/chromium.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const extensionDir = join(root, '.output/chrome-mv3');
const outDir = join(root, 'demo');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

const manifest = await readFile(join(extensionDir, 'manifest.json'), 'utf8').catch(() => null);
if (manifest === null) {
  console.error(`No build in ${extensionDir}: run npm run build first (npm run demo does).`);
  process.exit(1);
}

const newsPage = await readFile(join(root, 'tests/fixtures/pages/article.html'), 'utf8');
const server = await startStaticServer({
  pages: new Map([
    ['/article.html', bundledArticlePage()],
    ['/news.html', newsPage],
  ]),
});

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

async function waitFor(check, what, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function launch(colorScheme, uiLanguage) {
  return launchWithExtension(extensionDir, {
    headless,
    colorScheme,
    viewport: { width: 1100, height: 760 },
    ...(uiLanguage ? { uiLanguage } : {}),
  });
}

async function screenshotCard(colorScheme, uiLanguage) {
  const { context, close } = await launch(colorScheme, uiLanguage);
  try {
    const shots = [];
    for (const [path, term] of [
      ['/article.html', 'Great Firewall'],
      ['/news.html', 'Great Firewall'],
    ]) {
      const page = await context.newPage();
      await page.goto(server.origin + path);
      const point = await waitFor(() => markCenter(page, term), `a mark on "${term}"`);
      await page.mouse.move(point.x, point.y);
      await waitFor(
        () =>
          page.evaluate(
            () =>
              !!document.querySelector('firewall-lens-ui')?.shadowRoot?.querySelector('.fl-card'),
          ),
        'the context card',
      );
      // Let the card finish placing itself before the picture.
      await page.waitForTimeout(300);
      const language = uiLanguage ? `-${uiLanguage}` : '';
      const file = join(outDir, `card-${path.slice(1, -5)}-${colorScheme}${language}.png`);
      await page.screenshot({ path: file });
      shots.push(file);
      await page.close();
    }
    return shots;
  } finally {
    await close();
  }
}

try {
  if (headless) {
    await mkdir(outDir, { recursive: true });
    for (const scheme of ['light', 'dark']) {
      for (const file of await screenshotCard(scheme)) console.log(`saved ${file}`);
    }
    for (const file of await screenshotCard('light', 'zh_CN')) console.log(`saved ${file}`);
  } else {
    const { context, close } = await launch('no-preference');
    const [first] = context.pages();
    await (first ?? (await context.newPage())).goto(`${server.origin}/article.html`);
    await (await context.newPage()).goto(`${server.origin}/news.html`);
    console.log('Firewall Lens is running in Chromium. Rest the pointer on a marked term.');
    console.log('Close the browser window to end the demo.');
    await new Promise((resolve) => context.on('close', resolve));
    await close();
  }
} finally {
  await server.close();
}
