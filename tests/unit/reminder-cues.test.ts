import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../utils/agenda/schema';
import type { Goal } from '../../utils/goals/schema';
import { agendaItem } from '../fixtures/agenda-item';
import { activeAgendaItem, dueAgendaOverrun, dueGoalReminder, dueReminders, dueTimeCue, timeCuePoints } from '../../utils/reminders/cues';
import { defaultSettings, type TimeCues } from '../../utils/settings';

const DEFAULT_SETTINGS = defaultSettings();

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const MIN = 60_000;
const at = (minutes: number) => T0 + minutes * MIN;
const visit45 = { startedAt: T0, plannedMinutes: 45 };
const CUES: TimeCues = { halfway: true, minutesLeft: [10, 5], atEnd: true };

const VISIT_ID = '00000000-0000-4000-8000-000000000001';
const CLIENT_ID = '00000000-0000-4000-8000-000000000002';
const GOAL_ID = '00000000-0000-4000-8000-000000000003';
let counter = 0;
const item = (overrides: Partial<AgendaItem> = {}) => {
  counter += 1;
  return agendaItem(counter, { visitId: VISIT_ID, clientId: CLIENT_ID, createdAt: T0 }, overrides);
};
const goal = (status: Goal['status'] = 'open'): Goal => ({
  id: GOAL_ID,
  clientId: CLIENT_ID,
  title: 'Sleep by 11 pm',
  note: '',
  status,
  createdAt: T0 - 7 * 24 * 60 * MIN,
  metAt: status === 'met' ? T0 : null,
  ratings: [],
});

describe('time cues', () => {
  it.each([
    // planned, cues, expected cue ids with their minute offsets
    [45, CUES, [['time:halfway', 22.5], ['time:left-10', 35], ['time:left-5', 40], ['time:up', 45]]],
    [30, CUES, [['time:halfway', 15], ['time:left-10', 20], ['time:left-5', 25], ['time:up', 30]]],
    [53, { ...CUES, minutesLeft: [15] }, [['time:halfway', 26.5], ['time:left-15', 38], ['time:up', 53]]],
    [45, { halfway: false, minutesLeft: [], atEnd: false }, []],
    // 10 min left of a 20 min visit is the halfway point: the more specific cue wins.
    [20, CUES, [['time:left-10', 10], ['time:left-5', 15], ['time:up', 20]]],
    // A cue that would fall at or before the start is left out.
    [10, { halfway: false, minutesLeft: [10, 15, 5], atEnd: true }, [['time:left-5', 5], ['time:up', 10]]],
    // The same minutes twice make one cue.
    [45, { halfway: false, minutesLeft: [5, 5], atEnd: false }, [['time:left-5', 40]]],
  ] as const)('a %i-minute visit with %o cues at %j', (planned, cues, expected) => {
    const points = timeCuePoints({ startedAt: T0, plannedMinutes: planned }, { ...cues, minutesLeft: [...cues.minutesLeft] });
    expect(points.map((point) => [point.id, (point.dueAt - T0) / MIN])).toEqual(expected);
  });

  it.each([
    [0, undefined],
    [22.4, undefined],
    [22.5, 'time:halfway'],
    [34.99, 'time:halfway'],
    [35, 'time:left-10'],
    [39, 'time:left-10'],
    [40, 'time:left-5'],
    [45, 'time:up'],
    [90, 'time:up'],
  ])('at %f min into a 45-minute visit the cue that applies is %s', (minutes, expected) => {
    expect(dueTimeCue(visit45, CUES, at(minutes))?.id).toBe(expected);
  });

  it('says how many minutes are left', () => {
    expect(dueTimeCue(visit45, CUES, at(36))?.detail).toEqual({ cue: 'minutes-left', minutes: 10 });
  });
});

describe('agenda time boxes', () => {
  it('the active item is the first unchecked one in agenda order, whatever order they are stored in', () => {
    const first = item({ position: 2 });
    const done = item({ position: 0, done: true, doneAt: at(1) });
    const second = item({ position: 5 });
    expect(activeAgendaItem([second, first, done])?.id).toBe(first.id);
    expect(activeAgendaItem([{ ...done }])).toBeUndefined();
  });

  it.each([
    // minutes now, description, [done items' doneAt minutes], active item's time box, active createdAt minutes, due?
    [4.9, 'first item within its box', [], 5, 0, false],
    [5, 'first item reaches its box from the visit start', [], 5, 0, true],
    [12, 'second item is timed from when the first was checked', [8], 5, 0, false],
    [13, 'second item over its box from the check-off', [8], 5, 0, true],
    [20, 'no time box, no cue', [8], null, 0, false],
    [20, 'an item added later is timed from when it was added', [2], 10, 15, false],
    [25, 'an item added later runs over from when it was added', [2], 10, 15, true],
  ] as const)('at %f min: %s', (minutes, _description, doneAts, timeBox, createdAt, due) => {
    const done = doneAts.map((doneAt, index) => item({ position: index, done: true, doneAt: at(doneAt) }));
    const active = item({ position: 10, timeBoxMinutes: timeBox, createdAt: at(createdAt) });
    const reminder = dueAgendaOverrun(visit45, [...done, active, item({ position: 11, timeBoxMinutes: 1 })], at(minutes));
    expect(reminder !== undefined).toBe(due);
    if (reminder !== undefined) {
      expect(reminder).toMatchObject({ id: `agenda:${active.id}`, kind: 'agenda-overrun' });
      expect(reminder.detail).toEqual({ cue: 'agenda-overrun', itemId: active.id, itemText: active.text, timeBoxMinutes: timeBox });
    }
  });
});

describe('goal reminder at the midpoint', () => {
  it.each([
    ['before the midpoint', 22, [goal()], [item()], false],
    ['at the midpoint with an open goal and no item linked', 22.5, [goal()], [item()], true],
    ['when the client has no open goals', 30, [goal('met')], [item()], false],
    ['when the client has no goals at all', 30, [], [item()], false],
    ['when a linked item was checked off', 30, [goal()], [item({ goalId: GOAL_ID, done: true, doneAt: at(10) }), item()], false],
    ['when the linked item is the one in progress', 30, [goal()], [item({ done: true, doneAt: at(5) }), item({ goalId: GOAL_ID })], false],
    ['when a linked item is still waiting further down', 30, [goal()], [item(), item({ goalId: GOAL_ID })], true],
    ['when the agenda is empty', 30, [goal()], [], true],
  ])('%s → %s', (_description, minutes, goals, items, due) => {
    expect(dueGoalReminder(visit45, items, goals, at(minutes)) !== undefined).toBe(due);
  });
});

describe('every reminder due now', () => {
  const items = [item({ timeBoxMinutes: 5 })];
  it('collects time, agenda and goal reminders, oldest first', () => {
    const due = dueReminders({ visit: visit45, items, goals: [goal()], settings: DEFAULT_SETTINGS, now: at(36) });
    expect(due.map((reminder) => reminder.id)).toEqual([`agenda:${items[0]!.id}`, 'goal-midpoint', 'time:left-10']);
  });

  it('leaves out what the settings switch off', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      'cues.agendaOverrun': false,
      'cues.goalReminder': false,
      'cues.time': { halfway: false, minutesLeft: [], atEnd: false },
    };
    expect(dueReminders({ visit: visit45, items, goals: [goal()], settings, now: at(50) })).toEqual([]);
  });
});
