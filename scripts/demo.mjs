// `npm run demo`: Attune on a simulated Google Meet visit, served locally (no account, no network).
// With a display, opens a Chromium window to try it by hand. Without one (a server, CI) or with --headless, walks
// through a visit and saves a screenshot of each stage.
import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { extensionIdOf, launchWithExtension } from '../tests/support/launch.mjs';
import { routeFixtureSites } from '../tests/support/fixture-routes.mjs';

const MEETING_URL = 'https://meet.google.com/abc-defg-hij';
const OUTPUT_DIR = resolve(import.meta.dirname, '../demo-output');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = process.argv.includes('--headless') || Boolean(process.env.CI) || !hasDisplay;

const context = await launchWithExtension({ headless, viewport: headless ? undefined : null });
await routeFixtureSites(context);
const extensionId = await extensionIdOf(context);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(MEETING_URL);

if (!headless) {
  console.log(`Attune is loaded in the Chromium window on a simulated Meet visit (${MEETING_URL}, served locally).`);
  console.log('Click "Join now", open the Attune handle at the right edge, start a visit and take notes.');
  console.log(`Recent visits: chrome-extension://${extensionId}/popup.html. Close the window to finish.`);
  await new Promise((resolveClosed) => context.on('close', resolveClosed));
  process.exit(0);
}

await rm(OUTPUT_DIR, { recursive: true, force: true });
await mkdir(OUTPUT_DIR, { recursive: true });
let shot = 0;
/** @param {import('@playwright/test').Page} target @param {string} name */
const screenshot = async (target, name) => {
  shot += 1;
  const file = resolve(OUTPUT_DIR, `${String(shot).padStart(2, '0')}-${name}.png`);
  await target.screenshot({ path: file });
  console.log(`  ${shot}. ${name}`);
};
const panelFrame = async () => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(`chrome-extension://${extensionId}/panel.html`));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('The Attune panel did not appear on the call page.');
};

console.log('Walking through a simulated visit (headless):');
let frame = await panelFrame();
await frame.getByRole('button', { name: 'Open Attune panel' }).waitFor();
await screenshot(page, 'lobby-with-attune-handle');
await page.getByRole('button', { name: 'Join now' }).click();
await frame.getByRole('button', { name: 'Open Attune panel' }).click();
await frame.getByLabel('Client alias or initials').waitFor();
await screenshot(page, 'in-call-panel-open');
await frame.getByLabel('Client alias or initials').fill('J.D.');
await frame.getByRole('button', { name: 'Start visit' }).click();
await frame.getByRole('button', { name: 'Add template items' }).click();
await frame.getByRole('checkbox').first().check();
await screenshot(page, 'agenda-from-template');
await frame.getByLabel('Visit notes').click();
await frame.getByLabel('Visit notes').pressSequentially('Mood 6/10, better sleep this week.\nHomework: two evening walks.', { delay: 5 });
await frame.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
await screenshot(page, 'notes-saved');
await page.reload();
// After a reload Meet shows its lobby again; the clinician rejoins within the grace period and the visit carries on.
await page.getByRole('button', { name: 'Join now' }).click();
frame = await panelFrame();
await frame.getByLabel('Visit notes').waitFor();
await frame.getByText(/In call since/).waitFor();
await screenshot(page, 'after-reload-notes-still-there');
await frame.getByRole('button', { name: 'End visit' }).click();
await frame.getByRole('heading', { name: 'Visit ended' }).waitFor();
await screenshot(page, 'visit-ended');
const popup = await context.newPage();
await popup.setViewportSize({ width: 420, height: 600 });
await popup.goto(`chrome-extension://${extensionId}/popup.html`);
await popup.getByRole('listitem').first().waitFor();
await screenshot(popup, 'popup-recent-visits');
await context.close();
console.log(`Screenshots of each stage are in ${OUTPUT_DIR}`);
