// Renders public/icon/attune.svg to the PNG sizes the stores and browsers ask for. Run after changing the SVG:
//   node scripts/make-icons.mjs
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../tests/support/chromium.mjs';

const SIZES = [16, 32, 48, 96, 128];
const svg = await readFile(new URL('../public/icon/attune.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
    await page.screenshot({ path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname, omitBackground: true });
  }
} finally {
  await browser.close();
}
console.log(`Icons written for sizes ${SIZES.join(', ')}.`);
