// Renders assets/icon.svg to the PNG sizes the stores and browsers ask for, with the system Chromium.
// Run after editing the SVG: node scripts/export-icons.mjs
import { mkdir, readFile } from 'node:fs/promises';
import { launchBrowser } from './lib/chromium.mjs';

const SIZES = [16, 32, 48, 96, 128];
const root = new URL('..', import.meta.url);
const svg = await readFile(new URL('assets/icon.svg', root), 'utf8');
await mkdir(new URL('assets/icons/', root), { recursive: true });

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
    );
    const path = new URL(`assets/icons/icon-${size}.png`, root);
    await page.screenshot({ path: path.pathname, omitBackground: true });
    console.log(`wrote ${path.pathname}`);
  }
} finally {
  await browser.close();
}
