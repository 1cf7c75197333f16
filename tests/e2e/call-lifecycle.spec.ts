// The call's life beyond the plain lobby → call → leave flow: calls inside the Teams app, a call detected before the
// clinician picks a client, "Show Attune on this page", a closed tab, and a reload mid-call.
import type { Page } from '@playwright/test';
import { recordedVisits } from './support/calls';
import { expect, MEET_MEETING_URL, PanelOnPage, test } from './support/test';

const TEAMS_APP_URL = 'https://teams.microsoft.com/v2/';

async function openPopupFor(page: Page, extensionId: string) {
  const popup = await page.context().newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  // The popup acts on the active tab of its window, as when opened from the toolbar over the call page.
  await page.bringToFront();
  return popup;
}

test('a call inside the Teams app brings the panel, and a visit picked mid-call counts from the call’s start', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(TEAMS_APP_URL);
  await page.waitForTimeout(1500);
  await expect(page.locator('attune-panel')).toHaveCount(0);

  const callStarted = Date.now();
  await page.locator('#call-client').click();
  const panel = new PanelOnPage(page);
  const frame = await panel.open();
  await expect(frame.locator('[data-call-phase]')).toHaveText(/In call since/);
  await page.waitForTimeout(1500);

  const picked = Date.now();
  await frame.getByLabel('Client alias or initials').fill('T.M.');
  await frame.getByRole('button', { name: 'Start visit' }).click();
  await expect(frame.getByRole('heading', { name: 'Visit with T.M.' })).toBeVisible();
  const [visit] = await recordedVisits(context);
  expect(visit).toMatchObject({ platform: 'teams', host: 'teams.microsoft.com', endedAt: null });
  expect(visit!.startedAt).toBeGreaterThanOrEqual(callStarted);
  expect(visit!.startedAt).toBeLessThan(picked - 1000);

  // A Teams chat page is not a meeting URL, yet hanging up here is not treated as a sure leave: the clinician ends it.
  await page.locator('#hang-up').click();
  await frame.getByRole('button', { name: 'End visit' }).click();
  await expect(frame.getByRole('heading', { name: 'Visit ended' })).toBeVisible();
  expect((await recordedVisits(context))[0]).toMatchObject({ endReason: 'manual' });
});

test('“Show Attune on this page” shows the panel on a supported host’s other pages, and says so where it cannot', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(TEAMS_APP_URL);
  await page.waitForTimeout(1200);
  await expect(page.locator('attune-panel')).toHaveCount(0);

  const popup = await openPopupFor(page, extensionId);
  await popup.getByRole('button', { name: 'Show Attune on this page' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Attune is showing on this page.' })).toBeVisible();
  // Shown open, ready to start a visit; the page never saw a message or a main-world function.
  const frame = await new PanelOnPage(page).frame();
  await expect(frame.getByLabel('Client alias or initials')).toBeVisible();
  expect(await page.evaluate(() => 'attuneShowPanel' in window)).toBe(false);

  await context.route('https://www.example.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<h1>News</h1>' }));
  const other = await context.newPage();
  await other.goto('https://www.example.org/');
  const otherPopup = await openPopupFor(other, extensionId);
  await otherPopup.getByRole('button', { name: 'Show Attune on this page' }).click();
  await expect(otherPopup.getByRole('status').filter({ hasText: /Attune cannot show on this page/ })).toBeVisible();
  await expect(other.locator('attune-panel')).toHaveCount(0);
});

test('closing the tab mid-call ends the visit then, as "tab closed"', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  await new PanelOnPage(page).startVisit('T.C.');
  await page.locator('#join').click();
  await expect.poll(async () => (await new PanelOnPage(page).frame()).locator('[data-call-phase]').getAttribute('data-call-phase')).toBe('in-call');
  const closedAt = Date.now();
  await page.close();
  await expect.poll(async () => (await recordedVisits(context))[0]?.endReason).toBe('tab-closed');
  const [visit] = await recordedVisits(context);
  expect(visit!.endedAt).toBeGreaterThanOrEqual(closedAt - 100);
  expect(visit!.endedAt).toBeLessThanOrEqual(closedAt + 2000);
});

test('a reload mid-call, rejoined within the grace period, does not end the visit', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  await new PanelOnPage(page).startVisit('R.L.');
  await page.locator('#join').click();
  const status = async () => (await new PanelOnPage(page).frame()).locator('[data-call-phase]');
  await expect(await status()).toHaveAttribute('data-call-phase', 'in-call');

  await page.reload();
  await expect(await status()).toHaveAttribute('data-call-phase', 'ending');
  await page.waitForTimeout(6000);
  await page.locator('#join').click();
  await expect(await status()).toHaveAttribute('data-call-phase', 'in-call');
  const reloaded = await new PanelOnPage(page).frame();
  await expect(reloaded.getByRole('heading', { name: 'Visit with R.L.' })).toBeVisible();
  expect((await recordedVisits(context))[0]).toMatchObject({ endedAt: null, endReason: null });
});
