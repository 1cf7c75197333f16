import { describe, expect, it } from 'vitest';
import { moveItem, nextPosition, openGoals, unfinishedItems } from '../../utils/agenda/carry-over';
import type { AgendaItem } from '../../utils/agenda/schema';
import { agendaItem } from '../fixtures/agenda-item';
import type { Goal } from '../../utils/goals/schema';

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const uuid = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const LAST_VISIT = uuid(900);
const THIS_VISIT = uuid(901);
const CLIENT = uuid(902);

const item = (n: number, overrides: Partial<AgendaItem> = {}) => agendaItem(n, { visitId: LAST_VISIT, clientId: CLIENT, createdAt: T0 }, { id: uuid(n), ...overrides });
const ids = (items: readonly { id: string }[]) => items.map((entry) => entry.id);

describe('unfinished items offered at the next visit', () => {
  const last = [item(3), item(1, { done: true, doneAt: T0 }), item(2), item(4)];
  it.each([
    ['every unchecked item, in agenda order', [], [uuid(2), uuid(3), uuid(4)]],
    ['minus those already carried into this visit', [item(10, { visitId: THIS_VISIT, carriedFromId: uuid(3) })], [uuid(2), uuid(4)]],
    ['nothing once all are carried', [2, 3, 4].map((n) => item(10 + n, { visitId: THIS_VISIT, carriedFromId: uuid(n) })), []],
    ['this visit’s own items do not hide anything', [item(20, { visitId: THIS_VISIT })], [uuid(2), uuid(3), uuid(4)]],
  ])('%s', (_description, current, expected) => {
    expect(ids(unfinishedItems(last, current))).toEqual(expected);
  });

  it('offers nothing when everything was checked off', () => {
    expect(unfinishedItems([item(1, { done: true, doneAt: T0 })], [])).toEqual([]);
  });
});

describe('goals that carry', () => {
  const goal = (n: number, status: Goal['status'], createdAt: number): Goal => ({
    id: uuid(n),
    clientId: CLIENT,
    title: `Goal ${n}`,
    note: '',
    status,
    createdAt,
    metAt: status === 'met' ? T0 : null,
    ratings: [],
  });
  it('keeps open goals, oldest first, and leaves met (archived) goals behind', () => {
    expect(ids(openGoals([goal(1, 'open', 3), goal(2, 'met', 1), goal(3, 'open', 2)]))).toEqual([uuid(3), uuid(1)]);
  });
});

describe('agenda order', () => {
  const agenda = [item(0, { position: 0 }), item(1, { position: 1 }), item(2, { position: 2 })];
  it.each([
    ['the middle item up', uuid(1), -1, [[uuid(1), 0], [uuid(0), 1]]],
    ['the middle item down', uuid(1), 1, [[uuid(2), 1], [uuid(1), 2]]],
    ['the first item up: no change', uuid(0), -1, []],
    ['the last item down: no change', uuid(2), 1, []],
    ['an unknown item: no change', uuid(99), 1, []],
  ] as const)('moving %s returns only the items whose place changed', (_description, id, by, expected) => {
    expect(moveItem(agenda, id, by).map((entry) => [entry.id, entry.position])).toEqual(expected);
  });

  it('renumbers gaps left by removed items', () => {
    const gappy = [item(0, { position: 0 }), item(5, { position: 5 }), item(9, { position: 9 })];
    expect(moveItem(gappy, uuid(9), -1).map((entry) => [entry.id, entry.position])).toEqual([[uuid(9), 1], [uuid(5), 2]]);
  });

  it.each([
    [[], 0],
    [[item(0, { position: 0 })], 1],
    [[item(0, { position: 7 }), item(1, { position: 2 })], 8],
  ])('appends after the last place (%#)', (items, expected) => {
    expect(nextPosition(items)).toBe(expected);
  });
});
