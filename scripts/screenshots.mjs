// `npm run screenshots`: the store listings' screenshots at 1280×800 (the size the Chrome Web Store, Edge Add-ons and
// addons.mozilla.org all accept), taken from the BUILT extension on the local fixture call page (no account, no network).
// Written to store-screenshots/ (not committed: regenerate after a UI change). tests/e2e/store-screenshots.spec.ts checks them.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extensionIdOf, launchWithExtension } from '../tests/support/launch.mjs';
import { routeFixtureSites } from '../tests/support/fixture-routes.mjs';

export const SCREENSHOT_SIZE = { width: 1280, height: 800 };
export const SCREENSHOTS_DIR = resolve(import.meta.dirname, '../store-screenshots');
const MEETING_URL = 'https://meet.google.com/abc-defg-hij';

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} extensionId
 */
async function panelFrame(page, extensionId) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(`chrome-extension://${extensionId}/panel.html`));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('The Attune panel did not appear on the fixture call page.');
}

/**
 * Takes the listing's screenshots into `outDir` and returns their file paths.
 * @param {string} [outDir]
 * @returns {Promise<string[]>}
 */
export async function takeStoreScreenshots(outDir = SCREENSHOTS_DIR) {
  await mkdir(outDir, { recursive: true });
  const context = await launchWithExtension({ viewport: SCREENSHOT_SIZE });
  /** @type {string[]} */
  const files = [];
  /** @param {import('@playwright/test').Page} page @param {string} name */
  const shoot = async (page, name) => {
    const file = resolve(outDir, `${String(files.length + 1).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    files.push(file);
  };
  try {
    await routeFixtureSites(context);
    const extensionId = await extensionIdOf(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(MEETING_URL);
    await page.getByRole('button', { name: 'Join now' }).click();
    const frame = await panelFrame(page, extensionId);
    await frame.getByRole('button', { name: 'Open Attune panel' }).click();
    await frame.getByLabel('Client alias or initials').fill('J.D.');
    await frame.getByRole('button', { name: 'Start visit' }).click();
    await frame.getByRole('button', { name: 'Add template items' }).click();
    await frame.getByRole('checkbox').first().check();
    await shoot(page, 'visit-panel-agenda');
    await frame.getByLabel('Visit notes').click();
    await frame.getByLabel('Visit notes').pressSequentially('Mood 6/10, better sleep this week.\nHomework: two evening walks.');
    await frame.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    await shoot(page, 'visit-panel-notes');

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Attune settings', level: 1 }).waitFor();
    await shoot(options, 'settings');
  } finally {
    await context.close();
  }
  return files;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = await takeStoreScreenshots();
  console.log(`Store screenshots (${SCREENSHOT_SIZE.width}×${SCREENSHOT_SIZE.height}):\n  ${files.join('\n  ')}`);
}
