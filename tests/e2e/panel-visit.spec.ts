import type { Frame } from '@playwright/test';
import { turnLockOn } from './support/lock';
import { expect, MEET_MEETING_URL, openMeeting, PanelOnPage, test } from './support/test';
import { agendaItems, agendaTexts, announcer, reminder, storedLocal, storedRecords } from './support/visit-panel';

const START = new Date('2026-01-05T09:00:00Z');

test('a whole visit from the panel: template agenda, quiet cues at simulated times, goals, then carry-over to the next visit', async ({
  context,
}) => {
  // A whole visit is many steps; on a busy machine it needs more than the default 30 s.
  test.slow();
  // The browser's clock (extension frames included) is simulated, so cues can be reached without waiting.
  await context.clock.install({ time: START });
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  await page.getByRole('button', { name: 'Join now' }).click();
  const panel = new PanelOnPage(page);
  const frame = await panel.open();
  await frame.getByLabel('Client alias or initials').fill('M.K.');
  await frame.getByLabel('Planned length', { exact: true }).selectOption('45');
  await frame.getByRole('button', { name: 'Start visit' }).click();
  await expect(frame.getByRole('heading', { name: 'Visit with M.K.' })).toBeVisible();
  await expect(frame.getByTestId('visit-timer')).toHaveText(/0 min in · 45 min left/);
  // A first visit has nothing to carry over.
  await expect(frame.getByTestId('last-time')).toHaveCount(0);

  // Agenda from Attune's structured-session template; a goal; one item linked to it.
  await frame.getByLabel('Template', { exact: true }).selectOption({ label: 'Structured session (cognitive therapy)' });
  await frame.getByRole('button', { name: 'Add template items' }).click();
  await expect(agendaItems(frame)).toHaveCount(8);
  expect((await agendaTexts(frame))[0]).toBe('How has the week been? Mood now');
  await frame.getByText('Add a goal').click();
  await frame.getByLabel('Goal', { exact: true }).fill('Sleep by 11 pm');
  await frame.getByRole('button', { name: 'Add goal' }).click();
  await expect(frame.getByRole('combobox', { name: 'Progress on “Sleep by 11 pm”' })).toBeVisible();

  // 6 minutes in: the first item (5-minute box) has run over. Quiet: in the panel, announced politely, no focus moved.
  const focusedInPanel = () => frame.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  const focusedBefore = await focusedInPanel();
  await page.clock.fastForward('06:00');
  const overrun = frame.locator('[data-reminder-id^="agenda:"]');
  await expect(overrun).toContainText('“How has the week been? Mood now” has run past its 5 min.');
  await expect(announcer(frame)).toContainText('has run past its 5 min');
  expect(await focusedInPanel()).toBe(focusedBefore);
  await overrun.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(overrun).toHaveCount(0);

  // Check off the first three items.
  for (const text of ['How has the week been? Mood now', 'Link back to last session', "Agree today's agenda together"]) {
    await frame.getByRole('checkbox', { name: text }).check();
  }
  await expect(frame.getByRole('heading', { name: /Agenda/ })).toContainText('(3 of 8 done)');

  // Halfway: the time cue, and the goal reminder because no agenda item has touched the goal.
  await page.clock.fastForward('17:00');
  await expect(reminder(frame, 'time:halfway')).toContainText('Halfway through the planned time.');
  await expect(reminder(frame, 'goal-midpoint')).toBeVisible();
  await expect(frame.getByTestId('visit-timer')).toHaveText(/23 min in · 22 min left/);
  // Snoozed for 5 minutes, it comes back after them.
  await reminder(frame, 'time:halfway').getByRole('button', { name: /^Snooze 5 min:/ }).click();
  await expect(reminder(frame, 'time:halfway')).toHaveCount(0);
  // Linking the item in progress to the goal answers the goal reminder.
  const homeworkId = await agendaItems(frame).filter({ hasText: 'Look at how the homework went' }).getAttribute('data-agenda-item');
  const homeworkReview = frame.locator(`[data-agenda-item="${homeworkId}"]`);
  await homeworkReview.getByRole('button', { name: /^Edit/ }).click();
  const editForm = homeworkReview.getByRole('form', { name: 'Edit: Look at how the homework went' });
  await editForm.getByLabel('Works on goal').selectOption({ label: 'Sleep by 11 pm' });
  await editForm.getByRole('button', { name: 'Save' }).click();
  await expect(homeworkReview).toContainText('Goal: Sleep by 11 pm');
  await expect(reminder(frame, 'goal-midpoint')).toHaveCount(0);
  await page.clock.fastForward('05:00');
  await expect(reminder(frame, 'time:halfway')).toBeVisible();
  await reminder(frame, 'time:halfway').getByRole('button', { name: /^Dismiss/ }).click();

  // Rate the goal, agree homework, and leave a note for next time.
  await frame.getByRole('combobox', { name: 'Progress on “Sleep by 11 pm”' }).selectOption({ label: '+1 · more than expected' });
  await frame.getByLabel('Homework agreed').fill('Sleep diary every morning');
  await frame.getByLabel('Note for next time').fill('Ask how the new bedtime went');

  // 10 minutes left.
  await page.clock.fastForward('08:00');
  await expect(reminder(frame, 'time:left-10')).toContainText('10 minutes left.');
  await expect(frame.locator('[data-reminder-id^="time:"]')).toHaveCount(1);
  await frame.getByRole('checkbox', { name: 'Look at how the homework went' }).check();

  // A second goal, met today: archived, so it does not carry.
  await frame.getByLabel('Goal', { exact: true }).fill('Call the sleep clinic');
  await frame.getByRole('button', { name: 'Add goal' }).click();
  await frame.getByRole('button', { name: 'Mark as met and archive: Call the sleep clinic' }).click();
  await expect(frame.getByText('Met goals (1)')).toBeVisible();
  // This agenda, saved as the clinician's own template.
  await frame.getByText('Save this agenda as a template').click();
  await frame.getByLabel('Template name').fill('CT with sleep work');
  await frame.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(announcer(frame)).toHaveText('Template “CT with sleep work” saved.');

  await frame.getByRole('button', { name: 'End visit' }).click();
  await expect(frame.getByRole('heading', { name: 'Visit ended' })).toBeVisible();

  // The reminders are logged on the visit record: shown, dismissed, snoozed.
  const log = (await storedRecords(frame, 'reminderLog')).sort((a, b) => Number(a.at) - Number(b.at));
  const actions = (id: string) => log.filter((entry) => entry.reminderId === id).map((entry) => entry.action);
  expect(actions('time:halfway')).toEqual(['shown', 'snoozed', 'shown', 'dismissed']);
  expect(actions('goal-midpoint')).toEqual(['shown']);
  expect(actions('time:left-10')).toEqual(['shown']);
  const agendaReminders = [...new Set(log.map((entry) => String(entry.reminderId)).filter((id) => id.startsWith('agenda:')))];
  expect(agendaReminders.map(actions)).toEqual([['shown', 'dismissed'], ['shown']]);
  // The second one was the homework review (7-minute box) running over, timed from the previous check-off.
  expect(agendaReminders[1]).toBe(`agenda:${homeworkId}`);

  // A week later, the next visit with M.K. starts with what carried over.
  await page.clock.fastForward(7 * 24 * 60 * 60_000);
  await frame.getByRole('button', { name: 'Start another visit' }).click();
  await frame.getByRole('button', { name: 'M.K.' }).click();
  await frame.getByRole('button', { name: 'Start visit' }).click();
  await expect(frame.getByRole('heading', { name: 'Visit with M.K.' })).toBeVisible();
  const lastTime = frame.getByTestId('last-time');
  await expect(lastTime).toContainText('Last visit: Jan 5, 2026');
  await expect(lastTime).toContainText('Sleep diary every morning');
  await expect(lastTime).toContainText('Ask how the new bedtime went');
  await expect(lastTime).toContainText('Sleep by 11 pm (last rated +1 · more than expected)');
  await expect(lastTime).not.toContainText('Call the sleep clinic');
  await expect(lastTime.getByRole('button', { name: /^Add to agenda:/ })).toHaveCount(4);
  await lastTime.getByRole('button', { name: 'Add all 4 to agenda' }).click();
  await expect(agendaItems(frame)).toHaveCount(4);
  expect(await agendaTexts(frame)).toEqual([
    "Work on today's main topics",
    'Agree homework for the coming week',
    'Sum up the session together',
    "Ask how today's session felt",
  ]);
  await expect(lastTime.getByRole('button', { name: /^Add to agenda:/ })).toHaveCount(0);
  // The goal carried across visits with its rating; the met one waits in the archive.
  await expect(frame.getByRole('combobox', { name: 'Progress on “Sleep by 11 pm”' })).toHaveValue('1');
  await expect(frame.getByText('Met goals (1)')).toBeVisible();
  // The clinician's own template is offered beside Attune's.
  await frame.getByLabel('Template', { exact: true }).selectOption({ label: 'CT with sleep work' });
  await frame.getByRole('button', { name: 'Add template items' }).click();
  await expect(agendaItems(frame)).toHaveCount(12);
});

test('the clinician’s defaults: planned length and which cues appear', async ({ context }) => {
  await context.clock.install({ time: START });
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  const frame = await new PanelOnPage(page).open();
  await frame.getByText('Your defaults and cues').click();
  await frame.getByLabel('Default planned length').selectOption('53');
  await frame.getByRole('checkbox', { name: 'Halfway through' }).uncheck();
  await expect(frame.getByLabel('Planned length', { exact: true })).toHaveValue('53');
  await expect(frame.getByRole('checkbox', { name: 'Halfway through' })).not.toBeChecked();
  // A length picked for this visit stays picked when the default changes afterwards.
  await frame.getByLabel('Planned length', { exact: true }).selectOption('30');
  await frame.getByLabel('Default planned length').selectOption('60');
  await expect(frame.getByLabel('Default planned length')).toHaveValue('60');
  await frame.getByLabel('Default planned length').selectOption('53');
  await expect(frame.getByLabel('Planned length', { exact: true })).toHaveValue('30');
  // Both choices are stored (the controls show them at once, before the writes land).
  await expect
    .poll(async () => {
      const stored = await storedLocal(frame, ['visit.defaultPlannedMinutes', 'cues.time']);
      return [stored['visit.defaultPlannedMinutes'], (stored['cues.time'] as { halfway?: boolean } | undefined)?.halfway];
    })
    .toEqual([53, false]);

  // Kept across reloads, as the clinician's own choice.
  await page.reload();
  const reloaded = await new PanelOnPage(page).frame();
  await expect(reloaded.getByLabel('Planned length', { exact: true })).toHaveValue('53');
  await reloaded.getByLabel('Client alias or initials').fill('D.F.');
  await reloaded.getByRole('button', { name: 'Start visit' }).click();
  await expect(reloaded.getByTestId('visit-timer')).toHaveText(/53 min left/);
  // Halfway (26.5 min) passes quietly; 10 minutes left (43 min) still shows.
  await page.clock.fastForward('30:00');
  await expect(reloaded.getByTestId('visit-timer')).toHaveText(/30 min in/);
  await expect(reloaded.locator('[data-reminder-id^="time:"]')).toHaveCount(0);
  await page.clock.fastForward('13:00');
  await expect(reminder(reloaded, 'time:left-10')).toBeVisible();
});

test('collapsing the panel mid-visit keeps what the clinician typed, and typing on after reopening saves all of it', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  const panel = new PanelOnPage(page);
  const frame = await panel.startVisit('K.C.');
  await panel.typeNote(frame, 'Talked about the new job. ');
  const homework = frame.getByLabel('Homework agreed');
  await homework.fill('Sleep diary');
  await expect.poll(async () => (await storedRecords(frame, 'nextTime'))[0]?.homework, { message: 'the homework is saved' }).toBe('Sleep diary');

  // Collapsed to the handle and opened again: the editors hold what was typed, not what was stored when the panel loaded.
  await frame.getByRole('button', { name: 'Collapse Attune panel' }).click();
  await frame.getByRole('button', { name: 'Open Attune panel' }).click();
  const notes = frame.getByLabel('Visit notes');
  await expect(notes).toHaveValue('Talked about the new job. ');
  await expect(homework).toHaveValue('Sleep diary');

  // Typing on saves the whole note: nothing typed before collapsing is overwritten.
  await notes.press('End');
  await panel.typeNote(frame, 'Sleep is better.');
  await expect
    .poll(async () => (await storedRecords(frame, 'notes')).map((note) => note.text), { message: 'the whole note is stored' })
    .toEqual(['Talked about the new job. Sleep is better.']);
  expect((await storedRecords(frame, 'nextTime'))[0]?.homework).toBe('Sleep diary');
});

/**
 * Holds a read-write transaction on `stores` of Attune's database, inside the panel's own frame, until `release`: every
 * save to those stores waits behind it, as it would behind a slow disk. `read` reads a held store through the hold.
 */
async function holdStores(frame: Frame, stores: string[]) {
  type Holder = { heldStores?: { read: (store: string) => Promise<Record<string, unknown>[]>; release: () => void } };
  await frame.evaluate(
    (names) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('attune');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(names, 'readwrite');
          let held = true;
          // Reads asked for through the hold, made from its next callback (the only time its transaction is active).
          const reads: (() => void)[] = [];
          // A transaction stays open while it has requests; keep asking until released.
          const spin = () => {
            const request = tx.objectStore(names[0] ?? '').count();
            request.onsuccess = () => {
              for (const read of reads.splice(0)) read();
              if (held) spin();
            };
          };
          spin();
          tx.oncomplete = () => open.result.close();
          (globalThis as Holder).heldStores = {
            read: (store) =>
              new Promise((done, fail) => {
                reads.push(() => {
                  const request = tx.objectStore(store).getAll();
                  request.onsuccess = () => done(request.result as Record<string, unknown>[]);
                  request.onerror = () => fail(request.error);
                });
              }),
            release: () => {
              held = false;
            },
          };
          resolve();
        };
      }),
    stores,
  );
  return {
    read: (store: string) => frame.evaluate((name) => (globalThis as Holder).heldStores?.read(name) ?? [], store),
    release: () => frame.evaluate(() => (globalThis as Holder).heldStores?.release()),
  };
}

/** Adds Attune's structured-session template (8 items) to the visit's agenda. */
async function addStructuredAgenda(frame: Frame): Promise<void> {
  await frame.getByLabel('Template', { exact: true }).selectOption({ label: 'Structured session (cognitive therapy)' });
  await frame.getByRole('button', { name: 'Add template items' }).click();
  await expect(agendaItems(frame)).toHaveCount(8);
}

/** Adds a goal for the visit's client; returns its rating list box. */
async function addGoal(frame: Frame, title: string) {
  await frame.getByText('Add a goal').click();
  await frame.getByLabel('Goal', { exact: true }).fill(title);
  await frame.getByRole('button', { name: 'Add goal' }).click();
  const rating = frame.getByRole('combobox', { name: `Progress on “${title}”` });
  await expect(rating).toBeVisible();
  return rating;
}

test('a ticked agenda item and a chosen goal rating stay as chosen while they save, through the panel’s own updates', async ({ context }) => {
  await context.clock.install({ time: START });
  const { page, panel } = await openMeeting(context);
  const frame = await panel.startVisit('S.W.');
  await addStructuredAgenda(frame);
  const rating = await addGoal(frame, 'Sleep by 11 pm');

  // The disk is slow: neither change is saved yet while the visit timer ticks and the panel updates around them.
  const held = await holdStores(frame, ['agendaItems', 'goals']);
  const firstItem = agendaItems(frame).first().getByRole('checkbox');
  await firstItem.check();
  await rating.selectOption({ label: '+1 · more than expected' });
  // Longer than the panel's 5 s clock refresh: the whole panel draws again at least once.
  await page.clock.runFor(6000);
  await expect(firstItem).toBeChecked();
  await expect(rating).toHaveValue('1');
  expect((await held.read('agendaItems')).filter((item) => item.done), 'nothing is saved yet').toHaveLength(0);

  // Once saved, the database holds what the panel showed all along.
  await held.release();
  await expect.poll(async () => (await storedRecords(frame, 'agendaItems')).filter((item) => item.done).length).toBe(1);
  await expect
    .poll(async () => JSON.stringify((await storedRecords(frame, 'goals'))[0]?.ratings ?? null))
    .toContain('"value":1');
  await expect(firstItem).toBeChecked();
  await expect(rating).toHaveValue('1');
});

test('two quick changes to an agenda item reach the database in the order made, even when sealing the first takes longer', async ({
  context,
  extensionId,
}) => {
  // Turning the lock on is a real 600,000-iteration key derivation; a busy machine needs more than the default 30 s.
  test.slow();
  await turnLockOn(context, extensionId);
  const { panel } = await openMeeting(context);
  const frame = await panel.startVisit('O.R.');
  await addStructuredAgenda(frame);

  // With the lock on, each save seals the item first. The next sealing takes 800 ms; the one after it, no time at all.
  // Writes to the agenda store are counted as they are made.
  type Probe = { agendaWrites: number };
  await frame.evaluate(() => {
    const probe = globalThis as unknown as Probe;
    probe.agendaWrites = 0;
    const encrypt = SubtleCrypto.prototype.encrypt;
    let slowNext = true;
    SubtleCrypto.prototype.encrypt = function (...args: Parameters<SubtleCrypto['encrypt']>) {
      const sealed = encrypt.apply(this, args);
      if (!slowNext) return sealed;
      slowNext = false;
      return sealed.then((result) => new Promise((resolve) => setTimeout(() => resolve(result), 800)));
    };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'agendaItems') probe.agendaWrites += 1;
      return put.apply(this, args);
    };
  });

  const firstItem = agendaItems(frame).first().getByRole('checkbox');
  await firstItem.check();
  await firstItem.uncheck();
  // Both writes made: a read begun now waits for both to finish.
  await expect.poll(() => frame.evaluate(() => (globalThis as unknown as Probe).agendaWrites)).toBe(2);
  const [first] = (await storedRecords(frame, 'agendaItems')).sort((a, b) => Number(a.position) - Number(b.position));
  expect(first?.done, 'the database holds the last change').toBe(false);
  await expect(firstItem).not.toBeChecked();
});

test('changes made in quick succession each build on the one before: an item moved up twice, a goal rated then marked met', async ({
  context,
}) => {
  const { panel } = await openMeeting(context);
  const frame = await panel.startVisit('M.U.');
  await addStructuredAgenda(frame);
  const rating = await addGoal(frame, 'Walk twice a week');
  const before = await agendaTexts(frame);
  const third = before[2] ?? '';

  // Each second change is asked for while the first is still being saved.
  const held = await holdStores(frame, ['agendaItems', 'goals']);
  const up = frame.getByRole('button', { name: `Move up: ${third}` });
  await up.press('Enter');
  await up.press('Enter');
  await rating.selectOption({ label: '+2 · much more than expected' });
  await frame.getByRole('button', { name: 'Mark as met and archive: Walk twice a week' }).click();
  await held.release();

  const expected = [third, before[0], before[1], ...before.slice(3)];
  await expect.poll(() => agendaTexts(frame)).toEqual(expected);
  const stored = (await storedRecords(frame, 'agendaItems')).sort((a, b) => Number(a.position) - Number(b.position));
  expect(stored.map((item) => item.text)).toEqual(expected);
  // Archived with the rating it was given just before.
  await expect(rating).toHaveCount(0);
  await expect.poll(async () => (await storedRecords(frame, 'goals'))[0]?.status).toBe('met');
  expect((await storedRecords(frame, 'goals'))[0]).toMatchObject({ status: 'met', ratings: [{ value: 2 }] });
});

test('agenda changes made while the visit is still loading, or while an earlier change is saving, are all kept', async ({ context }) => {
  test.slow();
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  const panel = new PanelOnPage(page);
  const frame = await panel.open();
  await frame.getByLabel('Client alias or initials').fill('C.O.');
  // The visit's reminder log is the last thing its panel loads; holding it keeps the visit loading.
  const loading = await holdStores(frame, ['reminderLog']);
  await frame.getByRole('button', { name: 'Start visit' }).click();
  await frame.getByLabel('Template', { exact: true }).selectOption({ label: 'Brief follow-up' });
  await frame.getByRole('button', { name: 'Add template items' }).click();
  await loading.release();
  // Loaded (the next-time fields wait for it): the items added meanwhile are shown and stored.
  await expect(frame.getByLabel('Homework agreed')).toBeVisible();
  await expect(agendaItems(frame)).not.toHaveCount(0);
  const added = await agendaTexts(frame);
  await expect.poll(async () => (await storedRecords(frame, 'agendaItems')).length).toBe(added.length);
  await frame.getByRole('button', { name: 'End visit' }).click();
  await expect(frame.getByRole('heading', { name: 'Visit ended' })).toBeVisible();

  // The next visit offers every item again, as not reached.
  await frame.getByRole('button', { name: 'Start another visit' }).click();
  await frame.getByRole('button', { name: 'C.O.' }).click();
  await frame.getByRole('button', { name: 'Start visit' }).click();
  const lastTime = frame.getByTestId('last-time');
  const first = added[0] ?? '';
  await expect(lastTime.getByRole('button', { name: `Add to agenda: ${first}` })).toBeVisible();

  // Carried twice in quick succession (a double click): it is on the agenda once.
  let held = await holdStores(frame, ['agendaItems']);
  await lastTime.getByRole('button', { name: `Add to agenda: ${first}` }).click();
  await lastTime.getByRole('button', { name: `Add to agenda: ${first}` }).click();
  await held.release();
  await expect(lastTime.getByRole('button', { name: `Add to agenda: ${first}` })).toHaveCount(0);
  await expect.poll(() => agendaTexts(frame)).toEqual([first]);

  // Ticked, then edited before the tick was saved: both the tick and the new words are kept.
  held = await holdStores(frame, ['agendaItems']);
  await agendaItems(frame).first().getByRole('checkbox').check();
  await frame.getByRole('button', { name: `Edit: ${first}` }).click();
  await frame.getByLabel('Agenda item', { exact: true }).fill('Check in on the week');
  await frame.getByRole('button', { name: 'Save', exact: true }).click();
  await held.release();
  await expect.poll(() => agendaTexts(frame)).toEqual(['Check in on the week']);
  await expect(agendaItems(frame).first().getByRole('checkbox')).toBeChecked();
  const stored = await storedRecords(frame, 'agendaItems');
  expect(stored.find((item) => item.text === 'Check in on the week')).toMatchObject({ done: true });
  expect(stored.filter((item) => item.carriedFromId !== null && item.carriedFromId !== undefined)).toHaveLength(1);
});
