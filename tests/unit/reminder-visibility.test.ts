import { describe, expect, it } from 'vitest';
import type { DueReminder } from '../../utils/reminders/cues';
import type { ReminderAction, ReminderLogEntry } from '../../utils/reminders/schema';
import { reminderView } from '../../utils/reminders/visibility';

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const MIN = 60_000;
const halfway: DueReminder = { id: 'time:halfway', kind: 'time', dueAt: T0, detail: { cue: 'halfway' } };
const VISIT = '00000000-0000-4000-8000-000000000001';

const entry = (action: ReminderAction, minutes: number, snoozeMinutes?: number, reminderId = halfway.id): ReminderLogEntry => ({
  id: crypto.randomUUID(),
  visitId: VISIT,
  reminderId,
  kind: 'time',
  action,
  at: T0 + minutes * MIN,
  snoozeUntil: snoozeMinutes === undefined ? null : T0 + (minutes + snoozeMinutes) * MIN,
});

describe('which reminders show', () => {
  it.each([
    ['never shown: visible, and appearing (log and announce it)', [], 1, true, true],
    ['already shown: visible, not appearing again', [entry('shown', 0)], 1, true, false],
    ['dismissed: hidden for the rest of the visit', [entry('shown', 0), entry('dismissed', 1)], 30, false, false],
    ['snoozed, within the snooze: hidden', [entry('shown', 0), entry('snoozed', 1, 5)], 5.9, false, false],
    ['snoozed, the snooze over: back, and appearing again', [entry('shown', 0), entry('snoozed', 1, 5)], 6, true, true],
    ['back after a snooze and shown again: visible, not appearing', [entry('shown', 0), entry('snoozed', 1, 5), entry('shown', 6)], 7, true, false],
    ['only its own log entries count', [entry('dismissed', 0, undefined, 'time:left-10')], 1, true, true],
    ['log order is by time, not by storage order', [entry('dismissed', 2), entry('shown', 0)], 3, false, false],
  ])('%s', (_description, log, minutes, visible, appearing) => {
    const view = reminderView([halfway], log, T0 + minutes * MIN);
    expect(view.visible.map((reminder) => reminder.id)).toEqual(visible ? [halfway.id] : []);
    expect(view.appearing.map((reminder) => reminder.id)).toEqual(appearing ? [halfway.id] : []);
  });

  it('shows nothing when nothing is due, whatever the log says', () => {
    expect(reminderView([], [entry('shown', 0)], T0)).toEqual({ visible: [], appearing: [] });
  });
});
