import { expect, MEET_LANDING_URL, openMeeting, openPopup, PanelOnPage, test } from './support/test';

test('a clinician starts a visit on Meet, takes notes that survive a reload, and finds the visit in the popup', async ({
  context,
  extensionId,
}) => {
  const { page, panel } = await openMeeting(context);

  // Collapsed by default: a slim handle at the right edge of the call page.
  const host = page.locator('attune-panel');
  await expect(host).toBeAttached();
  const handleBox = await host.boundingBox();
  expect(handleBox).not.toBeNull();
  expect(handleBox!.width).toBeLessThanOrEqual(32);
  expect(handleBox!.x + handleBox!.width).toBeCloseTo(1280, 0);

  const frame = await panel.startVisit('R.T.');
  const openBox = await host.boundingBox();
  expect(openBox!.width).toBeGreaterThanOrEqual(320);
  // The open panel stops above the call controls along the bottom of the page.
  expect(openBox!.y + openBox!.height).toBeLessThanOrEqual(800 - 80);

  await panel.typeNote(frame, 'Talked about sleep.\nHomework: wind-down routine.');

  await page.reload();
  const reloaded = await new PanelOnPage(page).frame();
  // The panel remembers it was open, and the visit in progress comes back with its note.
  await expect(reloaded.getByRole('heading', { name: 'Visit with R.T.' })).toBeVisible();
  await expect(reloaded.getByLabel('Visit notes')).toHaveValue('Talked about sleep.\nHomework: wind-down routine.');

  const popup = await openPopup(context, extensionId);
  const row = popup.getByRole('list', { name: 'Recent visits, newest first' }).getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('R.T.');
  await expect(row).toContainText('in progress');
  await expect(row).toContainText('Talked about sleep.');
  await expect(row).not.toContainText('Homework');

  await reloaded.getByRole('button', { name: 'End visit' }).click();
  await expect(reloaded.getByRole('heading', { name: 'Visit ended' })).toBeVisible();
  await popup.reload();
  await expect(row).toContainText(/\d+ min/);
  await expect(row).not.toContainText('in progress');
});

test('a returning client is picked by alias, ignoring case, and the popup shows both visits newest first', async ({
  context,
  extensionId,
}) => {
  const { page, panel } = await openMeeting(context);
  const first = await panel.startVisit('AB');
  await panel.typeNote(first, 'First visit');
  await first.getByRole('button', { name: 'End visit' }).click();
  await first.getByRole('button', { name: 'Start another visit' }).click();
  await first.getByRole('button', { name: 'AB' }).click();
  await expect(first.getByLabel('Client alias or initials')).toHaveValue('AB');
  await first.getByLabel('Client alias or initials').fill('ab');
  await first.getByRole('button', { name: 'Start visit' }).click();
  await expect(first.getByRole('heading', { name: 'Visit with AB' })).toBeVisible();
  await panel.typeNote(first, 'Second visit');

  const popup = await openPopup(context, extensionId);
  const rows = popup.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Second visit');
  await expect(rows.nth(1)).toContainText('First visit');
});

test('starting a visit without an alias says what is missing and records nothing', async ({ context, extensionId }) => {
  const { panel } = await openMeeting(context);
  const frame = await panel.open();
  await frame.getByRole('button', { name: 'Start visit' }).click();
  await expect(frame.getByRole('alert')).toHaveText('Enter an alias or initials for the client before starting the visit.');
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByText(/No visits yet/)).toBeVisible();
});

test('nothing appears on Meet pages that are not meetings, and it appears after in-app navigation to one', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(MEET_LANDING_URL);
  await page.waitForTimeout(1500);
  await expect(page.locator('attune-panel')).toHaveCount(0);
  expect(new PanelOnPage(page).findFrame()).toBeUndefined();

  // Meet moves from its landing page into a meeting without a page load.
  await page.evaluate(() => history.pushState({}, '', '/abc-defg-hij'));
  await expect(page.locator('attune-panel')).toHaveCount(1, { timeout: 5000 });
  await page.evaluate(() => history.pushState({}, '', '/landing'));
  await expect(page.locator('attune-panel')).toHaveCount(0, { timeout: 5000 });
});
