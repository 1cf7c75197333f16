// Attune restarted in the middle of a visit: the extension reloaded by the practice's IT or a developer, or a
// crash of the extension. Every Attune page and the panel frame go at once, and session storage with them. The
// clinician must find the panel back on the same call, on the same visit, with everything typed.
import type { BrowserContext, Frame, Page, Worker } from '@playwright/test';
import { expect, MEET_MEETING_URL, PanelOnPage, test } from './support/test';
import { storedRecords } from './support/visit-panel';

// Chromium loads an unpacked build again after runtime.reload() only in developer mode (tests/support/launch.mjs).
test.use({ developerMode: true });

const noteIn = (frame: Frame) => frame.getByLabel('Visit notes');

/** Restarts Attune the way the browser does to apply an update, and waits for its new background. */
async function restartAttune(context: BrowserContext): Promise<Worker> {
  const [old] = context.serviceWorkers();
  if (old === undefined) throw new Error('Attune’s background is not running.');
  const next = context.waitForEvent('serviceworker', { timeout: 30_000 });
  // The old worker is gone before it can answer; only the new one matters.
  await old.evaluate(() => Reflect.get(globalThis, 'chrome').runtime.reload()).catch(() => undefined);
  return next;
}

/** The panel frames on the page (a restart detaches the old one). */
const livePanels = (page: Page) => page.frames().filter((frame) => !frame.isDetached() && frame.url().includes('/panel.html'));

/** The panel frame the new Attune put on the page, once the old one has gone and the new one is the only one. */
async function panelAfterRestart(page: Page, old: Frame): Promise<Frame> {
  await expect
    .poll(() => livePanels(page).map((frame) => (frame === old ? 'old' : 'new')), { message: 'the old panel goes, a new one comes' })
    .toEqual(['new']);
  const [back] = livePanels(page);
  if (back === undefined) throw new Error('The panel did not come back.');
  await back.waitForLoadState('domcontentloaded');
  return back;
}

test('after a restart mid-call, the panel comes back once, on the same visit, with the note and the call', async ({ context }) => {
  test.slow();
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  const panel = new PanelOnPage(page);
  const frame = await panel.startVisit('R.L.');
  await page.locator('#join').click();
  await expect(frame.locator('[data-call-phase]')).toHaveAttribute('data-call-phase', 'in-call');
  await panel.typeNote(frame, 'Wants to talk about the move first.');
  const [visit] = await storedRecords(frame, 'visits');

  await restartAttune(context);

  const back = await panelAfterRestart(page, frame);
  await expect(back.getByRole('heading', { name: 'Visit with R.L.' })).toBeVisible();
  await expect(noteIn(back)).toHaveValue('Wants to talk about the move first.');
  await expect(back.locator('[data-call-phase]')).toHaveAttribute('data-call-phase', 'in-call');
  await expect(back.getByTestId('visit-timer')).toHaveText(/\d+ min in · \d+ min left/);
  // One panel host, not the old one beside the new; and no second visit started for the same call.
  expect(await page.evaluate(() => document.querySelectorAll('attune-panel').length)).toBe(1);
  expect((await storedRecords(back, 'visits')).map((record) => record.id)).toEqual([visit?.id]);

  // The clinician carries on writing where they were.
  await noteIn(back).press('End');
  await noteIn(back).pressSequentially(' Then sleep.');
  await expect(back.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  const [note] = await storedRecords(back, 'notes');
  expect(note?.text).toBe('Wants to talk about the move first. Then sleep.');
});
