import type { BrowserContext, Frame, Locator, Page } from '@playwright/test';
import { expect, openMeeting, openPopup, PanelOnPage, test } from './support/test';

const ITEMS = {
  goals: "Did today's visit focus on the things you came for?",
  approach: 'Did the way we worked today suit you?',
  together: 'Did it feel like we were a team today?',
  overall: "All in all, did today's visit feel worthwhile?",
};

/**
 * Moves the start of the visit in progress into the past, as if the clinician had been on the call that long: done from
 * an extension page (the only place that can open Attune's database), so the built extension carries no test hook.
 */
async function startedMinutesAgo(context: BrowserContext, extensionId: string, minutes: number): Promise<void> {
  const page = await openPopup(context, extensionId);
  await page.evaluate(async (ago) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('attune');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('visits', 'readwrite').objectStore('visits');
    await new Promise<void>((resolve, reject) => {
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const current = cursor.result;
        if (current === null) return resolve();
        if (current.value.endedAt === null) current.update({ ...current.value, startedAt: Date.now() - ago * 60_000 });
        current.continue();
      };
      cursor.onerror = () => reject(cursor.error);
    });
    db.close();
  }, minutes);
  await page.close();
}

const view = (where: Page | Frame, name: "Client's rating" | 'Your own rating'): Locator => where.getByRole('region', { name });

/** Answers a view by keyboard only: Tab into each item's radio group, arrow keys to the value. */
async function answerByKeyboard(frame: Frame, name: "Client's rating" | 'Your own rating', values: number[]): Promise<void> {
  const section = view(frame, name);
  await section.getByRole('checkbox').focus();
  for (const value of values) {
    await frame.page().keyboard.press('Tab');
    // Tabbing into a group with nothing chosen focuses its first option (0) without choosing it.
    if (value === 0) await frame.page().keyboard.press('Space');
    for (let step = 0; step < value; step += 1) await frame.page().keyboard.press('ArrowRight');
  }
}

test('near the planned end the panel offers the check-in; both views are answered and the flags show after the visit', async ({ context, extensionId }) => {
  // A whole visit with two page loads and a dozen committed answers: allow for a busy machine.
  test.setTimeout(60_000);
  const { page, panel } = await openMeeting(context);
  let frame = await panel.startVisit('K.L.');

  // Early in a 45-minute visit there is no prompt, only a quiet way to start early.
  await expect(frame.getByRole('button', { name: 'Alliance check-in' })).toBeVisible();
  await expect(frame.getByText(/a good moment for the check-in/)).toHaveCount(0);

  // 41 minutes into the visit: 4 minutes before its planned end.
  await startedMinutesAgo(context, extensionId, 41);
  await page.reload();
  frame = await new PanelOnPage(page).frame();
  const prompt = frame.locator('.checkin-prompt');
  await expect(prompt).toContainText('About 4 min left: a good moment for the check-in, while the client is still here.');
  await expect(frame.getByRole('status').filter({ hasText: 'About 4 min left' })).toBeAttached();
  // The prompt is not modal and takes no focus: the call page keeps it.
  expect(await frame.evaluate(() => document.activeElement === document.body)).toBe(true);

  // Collapsed to its handle, the panel still shows that the check-in is due, without opening itself.
  await frame.getByRole('button', { name: 'Collapse Attune panel' }).click();
  await frame.getByRole('button', { name: 'Open Attune panel: the alliance check-in is due' }).click();
  await expect(prompt).toBeVisible();

  // Postponed, it steps aside; the clinician can still start when ready.
  await prompt.getByRole('button', { name: 'Remind me in 2 min' }).click();
  await expect(prompt).toHaveCount(0);
  await frame.getByRole('button', { name: 'Alliance check-in' }).click();
  await expect(frame.getByRole('heading', { name: 'Alliance check-in' })).toBeFocused();
  await expect(frame.getByText('A conversation aid written for Attune, not a validated scale')).toBeVisible();

  const started = Date.now();
  await answerByKeyboard(frame, "Client's rating", [7, 4, 8, 6]);
  // The clinician's own view by pointer.
  const own = view(frame, 'Your own rating');
  for (const question of Object.values(ITEMS)) await own.getByRole('group', { name: question }).getByRole('radio', { name: '9' }).check();
  await frame.getByRole('checkbox', { name: /^Withdrawal/ }).check();
  await frame.getByRole('checkbox', { name: 'Tasks and approach' }).check();
  await frame.getByRole('radio', { name: 'Addressed' }).check();
  await frame.getByLabel('About the alliance, to revisit next time').fill('Ask whether the pace of the exposure work feels right.');
  console.log(`check-in answered in ${((Date.now() - started) / 1000).toFixed(1)} s (client view by keyboard, automated)`);
  await expect(view(frame, "Client's rating").getByRole('group', { name: ITEMS.approach }).getByRole('radio', { name: '4' })).toBeChecked();
  await expect(view(frame, 'Your own rating').getByRole('group', { name: ITEMS.overall }).getByRole('radio', { name: '9' })).toBeChecked();

  await frame.getByRole('button', { name: 'End visit' }).click();
  await expect(frame.getByRole('heading', { name: 'Visit ended' })).toBeVisible();
  // The check-in begun during the visit carries on in the ended panel, answers in place.
  await expect(view(frame, "Client's rating").getByRole('group', { name: ITEMS.goals }).getByRole('radio', { name: '7' })).toBeChecked();
  await expect(frame.getByLabel('About the alliance, to revisit next time')).toHaveValue('Ask whether the pace of the exposure work feels right.');
  await frame.getByRole('button', { name: 'Complete check-in' }).click();

  await expect(frame.getByText('Check-in complete.')).toBeVisible();
  await expect(frame.getByText('Client: 25 of 40')).toBeVisible();
  await expect(frame.getByText('You: 36 of 40')).toBeVisible();
  await expect(frame.getByText('Gap between the two views: 11')).toBeVisible();
  const flags = frame.getByRole('list', { name: 'Flags' }).getByRole('listitem');
  await expect(flags).toHaveCount(3);
  await expect(flags.nth(0)).toContainText("The client's total was 25, under 32");
  await expect(flags.nth(0)).toContainText('Next step: Ask what would make the next visit more useful');
  await expect(flags.nth(1)).toContainText('The client rated “Approach” 4, under 6.');
  await expect(flags.nth(2)).toContainText("The client's total (25) and yours (36) differ by 11.");

  // Completed, it is no longer waiting in the popup.
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('heading', { name: 'Recent visits' })).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'Check-ins to complete' })).toHaveCount(0);
  // Its flags stay in view there between visits.
  const flagged = popup.getByRole('region', { name: 'Check-ins with flags' }).getByRole('article');
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toContainText('K.L.');
  await expect(flagged.getByRole('listitem')).toHaveCount(3);
});

test('a check-in interrupted by closing the tab is resumed from the popup with every answer intact, and completed', async ({ context, extensionId }) => {
  test.setTimeout(60_000);
  const { page, panel } = await openMeeting(context);
  const frame = await panel.startVisit('M.N.');
  await frame.getByRole('button', { name: 'Alliance check-in' }).click();
  const client = view(frame, "Client's rating");
  await client.getByRole('group', { name: ITEMS.goals }).getByRole('radio', { name: '6' }).check();
  await client.getByRole('group', { name: ITEMS.approach }).getByRole('radio', { name: 'Skip' }).check();
  await view(frame, 'Your own rating').getByRole('checkbox', { name: 'Skip your own rating this time' }).check();
  await frame.getByRole('checkbox', { name: /^Confrontation/ }).check();
  await frame.getByLabel('About the alliance, to revisit next time').fill('Revisit the homework disagreement.');
  await expect(frame.getByRole('status').filter({ hasText: /^Saved$/ })).toHaveCount(2);
  await page.close();

  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('heading', { name: 'Check-ins to complete' })).toBeVisible();
  await popup.getByRole('button', { name: /^Complete the check-in for M\.N\./ }).click();

  const resumed = view(popup, "Client's rating");
  await expect(resumed.getByRole('group', { name: ITEMS.goals }).getByRole('radio', { name: '6' })).toBeChecked();
  await expect(resumed.getByRole('group', { name: ITEMS.approach }).getByRole('radio', { name: 'Skip' })).toBeChecked();
  await expect(popup.getByRole('checkbox', { name: 'Skip your own rating this time' })).toBeChecked();
  await expect(popup.getByRole('checkbox', { name: /^Confrontation/ })).toBeChecked();
  await expect(popup.getByLabel('About the alliance, to revisit next time')).toHaveValue('Revisit the homework disagreement.');

  await resumed.getByRole('group', { name: ITEMS.together }).getByRole('radio', { name: '9' }).check();
  await resumed.getByRole('group', { name: ITEMS.overall }).getByRole('radio', { name: '8' }).check();
  await popup.getByRole('button', { name: 'Complete check-in' }).click();
  await expect(popup.getByText('Check-in complete.')).toBeVisible();
  await expect(popup.getByText('Client: no total (1 not answered)')).toBeVisible();
  await expect(popup.getByText('You: skipped')).toBeVisible();
  await expect(popup.getByRole('list', { name: 'Flags' })).toHaveCount(0);
  await expect(popup.getByText('No flags this time.')).toBeVisible();

  await popup.getByRole('button', { name: 'Back to the list' }).click();
  await expect(popup.getByRole('listitem').filter({ hasText: 'M.N.' })).toHaveCount(1);
  await expect(popup.getByRole('heading', { name: 'Check-ins to complete' })).toHaveCount(0);
});
