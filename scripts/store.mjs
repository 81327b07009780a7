// `npm run store`: the store listings as build output, in .output/store/ (docs/releasing.md says
// where each file goes). Screenshots of the built extension at 1280x800, taken by the same steps
// as the demo (scripts/lib/capture.mjs); a 440x280 promo tile and the 128 px icon; the listing
// texts in every language, read from public/_locales; PRIVACY.md. Every image's size is read
// back from its PNG header, and the script fails if one is not what the stores ask for.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CHROME_BUILD_DIR,
  openCard,
  openOptions,
  openPopupOver,
  requireBuild,
  startDemoPages,
} from './lib/capture.mjs';
import { launchBrowser, launchWithExtension } from './lib/chromium.mjs';
import { REPO_ROOT } from './lib/paths.mjs';
import { pngSize } from './lib/png-size.mjs';
import { readListings } from './lib/store-listing.mjs';

const OUT_DIR = join(REPO_ROOT, '.output/store');
const SCREENSHOT = { width: 1280, height: 800 };
const PROMO_TILE = { width: 440, height: 280 };
const STORES = ['chrome', 'firefox'];

const manifest = await requireBuild();
const listings = readListings();
const firefoxManifest = JSON.parse(
  await readFile(join(REPO_ROOT, '.output/firefox-mv3/manifest.json'), 'utf8'),
);
const dataCollection =
  firefoxManifest.browser_specific_settings?.gecko?.data_collection_permissions;
if (JSON.stringify(dataCollection?.required) !== '["none"]') {
  throw new Error(
    `the Firefox build's data_collection_permissions is ${JSON.stringify(dataCollection)}; the listing says it collects nothing`,
  );
}

await rm(OUT_DIR, { recursive: true, force: true });
for (const store of STORES) await mkdir(join(OUT_DIR, store), { recursive: true });

const dataUrl = (bytes, type) => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

/** Pictures of the extension at work: name → PNG bytes, in listing order. */
async function captureScreenshots(server) {
  const shots = new Map();
  const { context, close } = await launchWithExtension(CHROME_BUILD_DIR, {
    viewport: SCREENSHOT,
  });
  try {
    for (const colorScheme of ['light', 'dark']) {
      const page = await openCard(context, server.origin, '/news.html', 'Great Firewall', {
        colorScheme,
      });
      shots.set(`card-${colorScheme}`, await page.screenshot());
      await page.close();
    }

    const behind = await context.newPage();
    await behind.goto(`${server.origin}/news.html`);
    const popup = await openPopupOver(context, behind);
    await popup.click('#tab-glossary');
    await popup.waitForSelector('#tab-glossary[aria-selected="true"]');
    await popup.waitForTimeout(300);
    const popupImage = await popup.locator('.popup').screenshot();
    await behind.bringToFront();
    const pageImage = await behind.screenshot();
    shots.set('popup-glossary', { compose: { pageImage, popupImage } });
    await popup.close();
    await behind.close();

    const options = await openOptions(context);
    await options.waitForTimeout(300);
    shots.set('options', await options.screenshot());
    await options.close();
  } finally {
    await close();
  }

  // The card in Chinese, for the Chinese listing: Chromium's own interface in Chinese (needs
  // Debian's chromium-l10n), as the Chinese-interface tests run it.
  const chinese = await launchWithExtension(CHROME_BUILD_DIR, {
    viewport: SCREENSHOT,
    uiLanguage: 'zh_CN',
  });
  try {
    const page = await openCard(chinese.context, server.origin, '/news.html', 'Great Firewall');
    const zh = await page.evaluate(
      () =>
        document.querySelector('firewall-lens-ui')?.shadowRoot?.querySelector('.fl-card')
          ?.textContent ?? '',
    );
    if (!/[\u4e00-\u9fff]{4}/.test(zh)) {
      throw new Error('the card did not explain in Chinese: is chromium-l10n installed?');
    }
    shots.set('card-zh_CN', await page.screenshot());
  } finally {
    await chinese.close();
  }
  return shots;
}

/** The popup as it drops from the toolbar, over the page it describes. */
function popupOverPageHtml({ pageImage, popupImage }) {
  return `<!doctype html><html><head><style>
html, body { margin: 0; width: ${SCREENSHOT.width}px; height: ${SCREENSHOT.height}px; overflow: hidden; }
.page { position: absolute; inset: 0; background: url(${dataUrl(pageImage, 'image/png')}) no-repeat; filter: brightness(0.82); }
.popup { position: absolute; top: 0; right: 56px; border-radius: 0 0 10px 10px;
  box-shadow: 0 18px 48px rgb(0 0 0 / 0.32), 0 2px 8px rgb(0 0 0 / 0.18); overflow: hidden; display: block; }
</style></head><body><div class="page"></div><img class="popup" src="${dataUrl(popupImage, 'image/png')}"></body></html>`;
}

/** The small promo tile: the real icon, the name, the tagline and the promise, in the tokens' colours. */
async function promoTileHtml(listing) {
  const tokens = await readFile(join(REPO_ROOT, 'components/tokens.css'), 'utf8');
  const icon = await readFile(join(REPO_ROOT, 'assets/icon.svg'));
  return `<!doctype html><html lang="${listing.locale.replace('_', '-')}"><head><style>
${tokens}
html, body { margin: 0; width: ${PROMO_TILE.width}px; height: ${PROMO_TILE.height}px; overflow: hidden; }
body { color-scheme: light; font-family: var(--fl-font); background: linear-gradient(150deg, var(--fl-surface) 0%, var(--fl-accent-soft) 100%);
  color: var(--fl-fg); display: flex; flex-direction: column; justify-content: center; padding: 0 34px; box-sizing: border-box; }
.brand { display: flex; align-items: center; gap: 16px; }
.brand img { width: 76px; height: 76px; }
h1 { margin: 0; font-size: 34px; letter-spacing: -0.01em; }
p { margin: 18px 0 0; font-size: 17px; line-height: 1.4; color: var(--fl-fg); }
.promise { margin-top: 14px; font-size: 12px; font-weight: 700; color: var(--fl-accent); text-transform: uppercase; letter-spacing: 0.05em; white-space: nowrap; }
</style></head><body>
<div class="brand"><img alt="" src="${dataUrl(icon, 'image/svg+xml')}"><h1>${listing.name}</h1></div>
<p>${listing.tagline}</p>
<div class="promise">${listing.promise}</div>
</body></html>`;
}

async function render(browser, html, size) {
  const page = await browser.newPage({ viewport: size });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

/** Writes an image and reads its size back from the file: the stores take these sizes only. */
async function writeImage(file, bytes, size) {
  await writeFile(file, bytes);
  const actual = pngSize(await readFile(file));
  if (actual.width !== size.width || actual.height !== size.height) {
    throw new Error(
      `${file} is ${actual.width}x${actual.height}; the store needs ${size.width}x${size.height}`,
    );
  }
  return file;
}

function listingText(store, listing, screenshots) {
  const summary = store === 'chrome' ? listing.manifestDescription : listing.summary;
  const lines = [
    `# ${listing.name}: ${store === 'chrome' ? 'Chrome Web Store' : 'Firefox Add-ons'} listing (${listing.locale})`,
    '',
    `Version ${manifest.version}. Written by npm run store from public/_locales/${listing.locale}/messages.json: edit the messages, not this file.`,
    '',
    '## Name',
    '',
    listing.name,
    '',
    store === 'chrome'
      ? '## Summary (the manifest description, shown by the store)'
      : `## Summary (${[...summary].length} of 250 characters)`,
    '',
    summary,
    '',
    '## Description',
    '',
    listing.description,
    '',
    '## Screenshots, in this order',
    '',
    ...screenshots.map((file) => `- ${file}`),
    '',
    '## Privacy',
    '',
    store === 'chrome'
      ? [
          'Privacy policy: PRIVACY.md (in this folder and at the root of the sources; paste its address in the repository or its text).',
          'Single purpose: marks mentions of the Great Firewall, VPNs and platforms blocked in China on web pages and explains them in context cards.',
          'Data usage: collects no user data of any kind; certify all three statements (not sold, not used for unrelated purposes, not used for creditworthiness).',
          'Permission justifications: see docs/permissions.md (storage: the settings; scripting and host access: reading and marking pages, inserting the marks’ styles, setting up tabs open before an install or update).',
          'Remote code: no.',
        ].join('\n\n')
      : [
          `Data collection (manifest browser_specific_settings.gecko.data_collection_permissions): ${JSON.stringify(dataCollection)}. The add-on collects no data; the answer to "does it collect or transmit data" is none.`,
          'Privacy policy: the text of PRIVACY.md (in this folder).',
          'Sources: upload the sources zip from npm run zip; building: npm ci && npm run build (README.md, docs/releasing.md).',
        ].join('\n\n'),
    '',
  ];
  return lines.join('\n');
}

const server = await startDemoPages();
const written = [];
try {
  const shots = await captureScreenshots(server);
  const plain = await launchBrowser();
  try {
    const order = ['card-light', 'card-dark', 'popup-glossary', 'options', 'card-zh_CN'];
    const names = order.map((name, i) => `screenshot-${i + 1}-${name}.png`);
    const images = [];
    for (const name of order) {
      const shot = shots.get(name);
      images.push(
        shot.compose ? await render(plain, popupOverPageHtml(shot.compose), SCREENSHOT) : shot,
      );
    }
    const tiles = new Map();
    for (const listing of listings) {
      tiles.set(listing.locale, await render(plain, await promoTileHtml(listing), PROMO_TILE));
    }
    for (const store of STORES) {
      const dir = join(OUT_DIR, store);
      for (const [i, image] of images.entries()) {
        written.push(await writeImage(join(dir, names[i]), image, SCREENSHOT));
      }
      for (const listing of listings) {
        await writeFile(
          join(dir, `listing.${listing.locale}.md`),
          listingText(store, listing, names),
        );
        written.push(join(dir, `listing.${listing.locale}.md`));
      }
      await copyFile(join(REPO_ROOT, 'PRIVACY.md'), join(dir, 'PRIVACY.md'));
      written.push(join(dir, 'PRIVACY.md'));
    }
    const chrome = join(OUT_DIR, 'chrome');
    for (const [locale, tile] of tiles) {
      written.push(
        await writeImage(join(chrome, `promo-small-440x280.${locale}.png`), tile, PROMO_TILE),
      );
    }
    const icon = await readFile(join(REPO_ROOT, 'assets/icons/icon-128.png'));
    written.push(await writeImage(join(chrome, 'icon-128.png'), icon, { width: 128, height: 128 }));
    await writeFile(
      join(OUT_DIR, 'firefox/listing.json'),
      `${JSON.stringify(
        {
          version: manifest.version,
          data_collection_permissions: dataCollection,
          locales: Object.fromEntries(
            listings.map(({ locale, name, summary, description }) => [
              locale,
              { name, summary, description },
            ]),
          ),
          screenshots: names,
        },
        null,
        2,
      )}\n`,
    );
    written.push(join(OUT_DIR, 'firefox/listing.json'));
  } finally {
    await plain.close();
  }
} finally {
  await server.close();
}
for (const file of written) console.log(`wrote ${file.slice(REPO_ROOT.length)}`);
