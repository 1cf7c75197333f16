// Renders public/icon/attune.svg to the PNG sizes the browsers ask for (16, 32, 48, 96, 128 in the manifest: Chrome and
// Edge use 16/32/48/128, Firefox 48/96) and the stores' own images, kept out of the package in store/: the 300×300 logo
// Edge Add-ons recommends and the 440×280 small promo tile the Chrome Web Store requires. Run after changing the SVG:
//   node scripts/make-icons.mjs
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../tests/support/chromium.mjs';

const SIZES = [16, 32, 48, 96, 128];
const STORE_LOGO_SIZE = 300;
const PROMO_TILE = { width: 440, height: 280 };
const svg = await readFile(new URL('../public/icon/attune.svg', import.meta.url), 'utf8');
/** @param {string} relative */
const outPath = (relative) => new URL(relative, import.meta.url).pathname;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  /** @param {number} size @param {string} path */
  const render = async (size, path) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
    await page.screenshot({ path, omitBackground: true });
  };
  for (const size of SIZES) await render(size, outPath(`../public/icon/${size}.png`));
  await render(STORE_LOGO_SIZE, outPath(`../store/logo-${STORE_LOGO_SIZE}.png`));
  // The promo tile: the mark and the name on Attune's blue; a store image, so plain English like the listing's title.
  await page.setViewportSize(PROMO_TILE);
  await page.setContent(
    `<style>html,body{margin:0;height:100%}body{display:flex;align-items:center;justify-content:center;gap:24px;` +
      `background:#f3f8fc;font:600 44px system-ui,sans-serif;color:#1f5f8b}svg{width:120px;height:120px}</style>${svg}<span>Attune</span>`,
  );
  await page.screenshot({ path: outPath(`../store/promo-${PROMO_TILE.width}x${PROMO_TILE.height}.png`) });
} finally {
  await browser.close();
}
console.log(`Icons written for sizes ${SIZES.join(', ')}; store logo ${STORE_LOGO_SIZE}×${STORE_LOGO_SIZE} and promo tile ${PROMO_TILE.width}×${PROMO_TILE.height} in store/.`);
