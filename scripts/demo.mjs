// The main job: after `npm run build`, opens Chromium with Firewall Lens on the bundled sample pages.
// With a display it stays open for a person to explore; without one (or with --headless) it rests
// the pointer on "Great Firewall", waits for the card and saves screenshots under demo/, in light
// and dark, then again with Chromium's own interface in Chinese (LANGUAGE=zh_CN, which needs
// Debian's chromium-l10n), where the card explains in Chinese, and the popup's glossary and the
// options page. The same steps (scripts/lib/capture.mjs) take the store's screenshots
// (scripts/store.mjs). Every request stays on 127.0.0.1.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CHROME_BUILD_DIR,
  openCard,
  openOptions,
  openPopupOver,
  requireBuild,
  startDemoPages,
} from './lib/capture.mjs';
import { launchWithExtension } from './lib/chromium.mjs';
import { REPO_ROOT } from './lib/paths.mjs';

const outDir = join(REPO_ROOT, 'demo');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

try {
  await requireBuild();
} catch (error) {
  console.error(`${error.message} (npm run demo does).`);
  process.exit(1);
}

const server = await startDemoPages();

function launch(colorScheme, uiLanguage) {
  return launchWithExtension(CHROME_BUILD_DIR, {
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
    for (const path of ['/article.html', '/news.html']) {
      const page = await openCard(context, server.origin, path, 'Great Firewall', { colorScheme });
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

/** The popup's glossary over the news page, and the options page. */
async function screenshotPages() {
  const { context, close } = await launch('light');
  try {
    const behind = await context.newPage();
    await behind.goto(`${server.origin}/news.html`);
    const popup = await openPopupOver(context, behind);
    await popup.click('#tab-glossary');
    await popup.waitForSelector('#tab-glossary[aria-selected="true"]');
    const popupFile = join(outDir, 'popup-glossary-light.png');
    await popup.locator('.popup').screenshot({ path: popupFile });
    const options = await openOptions(context);
    const optionsFile = join(outDir, 'options-light.png');
    await options.screenshot({ path: optionsFile });
    return [popupFile, optionsFile];
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
    for (const file of await screenshotPages()) console.log(`saved ${file}`);
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
