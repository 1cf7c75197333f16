import { describe, expect, it, vi } from 'vitest';
import { addAgendaItems, deleteAgendaItem, listAgenda, listAgendaTemplates, saveAgendaItems, saveAgendaTemplate } from '../../utils/db/agenda';
import { findOrCreateClient } from '../../utils/db/clients';
import { addGoal, listGoals, rateGoal, setGoalMet } from '../../utils/db/goals';
import { lastTimeFor, previousVisit } from '../../utils/db/last-time';
import { getNextTime, saveNextTime } from '../../utils/db/next-time';
import { openAttuneDb } from '../../utils/db/open';
import { listReminderLog, logReminders } from '../../utils/db/reminder-log';
import { InvalidRecordError } from '../../utils/db/validated';
import { endVisit, startVisit } from '../../utils/db/visits';
import { currentAttainment } from '../../utils/goals/schema';

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const DAY = 24 * 60 * 60_000;

async function visitWith(alias: string, startedAt: number) {
  const client = await findOrCreateClient(alias, T0 - 30 * DAY);
  return startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 45 }, startedAt);
}

describe('agenda items', () => {
  it('appends items in order and lists them in agenda order', async () => {
    const visit = await visitWith('J.D.', T0);
    await addAgendaItems(visit, [{ text: ' Mood check ', timeBoxMinutes: 5 }, { text: 'Homework review', timeBoxMinutes: null }], T0);
    await addAgendaItems(visit, [{ text: 'Summary', timeBoxMinutes: 3 }], T0 + 1);
    const items = await listAgenda(visit.id);
    expect(items.map((item) => [item.text, item.position, item.timeBoxMinutes, item.done])).toEqual([
      ['Mood check', 0, 5, false],
      ['Homework review', 1, null, false],
      ['Summary', 2, 3, false],
    ]);
  });

  it.each([
    ['text', { text: '   ', timeBoxMinutes: null }],
    ['text', { text: 'x'.repeat(201), timeBoxMinutes: null }],
    ['timeBoxMinutes', { text: 'Mood', timeBoxMinutes: 0 }],
    ['timeBoxMinutes', { text: 'Mood', timeBoxMinutes: 2.5 }],
    ['goalId', { text: 'Mood', timeBoxMinutes: null, goalId: 'not-a-goal' }],
  ])('refuses an item with a bad %s, naming it, and saves none of the batch', async (field, bad) => {
    const visit = await visitWith('J.D.', T0);
    const attempt = addAgendaItems(visit, [{ text: 'Fine item', timeBoxMinutes: null }, bad], T0);
    await expect(attempt).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(attempt).rejects.toThrow(new RegExp(`^The agenda item was not saved: ${field}:`));
    expect(await listAgenda(visit.id)).toEqual([]);
  });

  it('saves check-offs and removals', async () => {
    const visit = await visitWith('J.D.', T0);
    const [first, second] = await addAgendaItems(visit, [{ text: 'A', timeBoxMinutes: null }, { text: 'B', timeBoxMinutes: null }], T0);
    await saveAgendaItems([{ ...first!, done: true, doneAt: T0 + 5 }]);
    await deleteAgendaItem(second!.id);
    expect(await listAgenda(visit.id)).toEqual([{ ...first!, done: true, doneAt: T0 + 5 }]);
  });

  it('keeps the clinician’s own templates, by name', async () => {
    await saveAgendaTemplate('Sleep work', [{ text: 'Sleep diary', timeBoxMinutes: 10 }], T0);
    await saveAgendaTemplate('Anxiety', [{ text: 'Exposure plan', timeBoxMinutes: null }], T0);
    expect((await listAgendaTemplates()).map((template) => template.name)).toEqual(['Anxiety', 'Sleep work']);
    await expect(saveAgendaTemplate('Empty', [], T0)).rejects.toThrow(/^The template was not saved: items:/);
  });
});

describe('goals', () => {
  it('are kept per client, rated over time (one rating per visit), and archived when met', async () => {
    const visit = await visitWith('J.D.', T0);
    const other = await visitWith('K.L.', T0);
    const goal = await addGoal(visit.clientId, 'Sleep by 11 pm', '', T0);
    await addGoal(other.clientId, 'Walk daily', '', T0);
    let rated = await rateGoal(goal, -1, visit.id, T0 + 1);
    rated = await rateGoal(rated, 0, visit.id, T0 + 2);
    const later = await visitWith('J.D.', T0 + 7 * DAY);
    rated = await rateGoal(rated, 1, later.id, T0 + 7 * DAY);
    expect(rated.ratings.map((rating) => rating.value)).toEqual([0, 1]);
    expect(currentAttainment(rated)).toBe(1);
    const met = await setGoalMet(rated, true, T0 + 8 * DAY);
    expect(await listGoals(visit.clientId)).toEqual([met]);
    expect(met).toMatchObject({ status: 'met', metAt: T0 + 8 * DAY });
    expect((await setGoalMet(met, false, T0 + 9 * DAY))).toMatchObject({ status: 'open', metAt: null });
  });

  it.each([
    ['title', () => ({ title: '', value: 0 })],
    ['ratings.0.value', () => ({ title: 'Sleep', value: 3 })],
  ])('refuses a bad %s and changes nothing', async (field, make) => {
    const visit = await visitWith('J.D.', T0);
    const { title, value } = make();
    if (field === 'title') {
      await expect(addGoal(visit.clientId, title, '', T0)).rejects.toThrow(/^The goal was not saved: title:/);
      expect(await listGoals(visit.clientId)).toEqual([]);
    } else {
      const goal = await addGoal(visit.clientId, title, '', T0);
      await expect(rateGoal(goal, value, visit.id, T0)).rejects.toThrow(new RegExp(`^The goal rating was not saved: ${field.replace('.', '\\.')}`));
      expect(await listGoals(visit.clientId)).toEqual([goal]);
    }
  });
});

describe('reminder log and next time', () => {
  it('logs what happened to each reminder on the visit, oldest first', async () => {
    const visit = await visitWith('J.D.', T0);
    await logReminders([{ visitId: visit.id, reminderId: 'time:halfway', kind: 'time', action: 'snoozed', at: T0 + 2, snoozeUntil: T0 + 300_002 }]);
    await logReminders([{ visitId: visit.id, reminderId: 'time:halfway', kind: 'time', action: 'shown', at: T0 + 1, snoozeUntil: null }]);
    expect((await listReminderLog(visit.id)).map((entry) => entry.action)).toEqual(['shown', 'snoozed']);
    await expect(
      logReminders([{ visitId: visit.id, reminderId: 'x', kind: 'time', action: 'beeped' as 'shown', at: T0, snoozeUntil: null }]),
    ).rejects.toThrow(/^The reminder log entry was not saved: action:/);
  });

  it('saves homework and the note for next time separately, each keeping the other', async () => {
    const visit = await visitWith('J.D.', T0);
    await Promise.all([saveNextTime(visit, { homework: 'Sleep diary' }, T0), saveNextTime(visit, { note: 'Ask about work' }, T0 + 1)]);
    expect(await getNextTime(visit.id)).toMatchObject({ homework: 'Sleep diary', note: 'Ask about work' });
  });
});

describe('what carries to the next visit with the same client', () => {
  it('is nothing at a client’s first visit', async () => {
    const visit = await visitWith('J.D.', T0);
    expect(await lastTimeFor(visit, [])).toBeUndefined();
  });

  it('is the last visit’s date, note for next time, homework, open goals and unchecked items', async () => {
    const first = await visitWith('J.D.', T0 - 14 * DAY);
    const last = await visitWith('J.D.', T0 - 7 * DAY);
    await visitWith('K.L.', T0 - 1 * DAY);
    const [done, open] = await addAgendaItems(last, [{ text: 'Mood check', timeBoxMinutes: 5 }, { text: 'Sleep diary', timeBoxMinutes: 10 }], T0 - 7 * DAY);
    await saveAgendaItems([{ ...done!, done: true, doneAt: T0 - 7 * DAY + 1 }]);
    await saveNextTime(last, { homework: 'Wind-down routine' }, T0 - 7 * DAY);
    await saveNextTime(last, { note: 'Revisit the rupture about scheduling' }, T0 - 7 * DAY);
    const goal = await addGoal(last.clientId, 'Sleep by 11 pm', '', T0 - 14 * DAY);
    await setGoalMet(await addGoal(last.clientId, 'Old goal', '', T0 - 14 * DAY), true, T0 - 7 * DAY);
    await endVisit(last.id, 'manual', T0 - 7 * DAY + 45 * 60_000);

    const now = await visitWith('J.D.', T0);
    expect((await previousVisit(now))?.id).toBe(last.id);
    expect((await previousVisit(last))?.id).toBe(first.id);
    const lastTime = await lastTimeFor(now, []);
    expect(lastTime?.previousVisit.id).toBe(last.id);
    expect(lastTime?.nextTime).toMatchObject({ homework: 'Wind-down routine', note: 'Revisit the rupture about scheduling' });
    expect(lastTime?.openGoals.map((entry) => entry.id)).toEqual([goal.id]);
    expect(lastTime?.unfinished.map((item) => item.id)).toEqual([open!.id]);

    // Once carried into this visit, the item is not offered again.
    const [carried] = await addAgendaItems(now, [{ text: open!.text, timeBoxMinutes: 10, carriedFromId: open!.id }], T0);
    expect((await lastTimeFor(now, [carried!]))?.unfinished).toEqual([]);
  });

  it('does not count a damaged earlier visit; it is set aside and the one before it is used', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = await visitWith('J.D.', T0 - 14 * DAY);
    const damaged = await visitWith('J.D.', T0 - 7 * DAY);
    const db = await openAttuneDb();
    await db.put('visits', { ...damaged, plannedMinutes: -1 });
    const now = await visitWith('J.D.', T0);
    expect((await previousVisit(now))?.id).toBe(first.id);
    expect(await db.count('setAside')).toBe(1);
    expect(warn).toHaveBeenCalledWith('Attune set aside 1 unreadable record(s) from "visits".');
  });
});
