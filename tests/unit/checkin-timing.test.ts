import { describe, expect, it } from 'vitest';
import { checkInDueAt, checkInPrompt, type PromptInputs } from '../../utils/checkin/timing';
import type { VisitEndReason } from '../../utils/models';

const MIN = 60_000;
const START = 1_700_000_000_000;
const open45 = { startedAt: START, endedAt: null, endReason: null, plannedMinutes: 45 };
const ended = (minutes: number, endReason: VisitEndReason, plannedMinutes = 45) => ({ startedAt: START, endedAt: START + minutes * MIN, endReason, plannedMinutes });
const base: Omit<PromptInputs, 'now' | 'visit'> = { promptMinutesBeforeEnd: 5, completed: false, postponedUntil: null };

describe('when the check-in is offered', () => {
  it.each([
    ['early in the visit', open45, 10 * MIN, base, { kind: 'none' }],
    ['a second before the moment', open45, 40 * MIN - 1000, base, { kind: 'none' }],
    ['5 minutes before the planned end', open45, 40 * MIN, base, { kind: 'before-end', minutesLeft: 5 }],
    ['3½ minutes before the end (rounded up)', open45, 41.5 * MIN, base, { kind: 'before-end', minutesLeft: 4 }],
    ['after the planned end, visit still going', open45, 50 * MIN, base, { kind: 'before-end', minutesLeft: 0 }],
    ['a configured 10 minutes before the end', open45, 35 * MIN, { ...base, promptMinutesBeforeEnd: 10 }, { kind: 'before-end', minutesLeft: 10 }],
    ['a 30-minute visit, 25 minutes in', { ...open45, plannedMinutes: 30 }, 25 * MIN, base, { kind: 'before-end', minutesLeft: 5 }],
    ['a lead time longer than the visit prompts from the start', { ...open45, plannedMinutes: 30 }, 0, { ...base, promptMinutesBeforeEnd: 45 }, { kind: 'before-end', minutesLeft: 30 }],
    ['postponed, before the reminder', open45, 41 * MIN, { ...base, postponedUntil: START + 42 * MIN }, { kind: 'none' }],
    ['postponed, at the reminder', open45, 42 * MIN, { ...base, postponedUntil: START + 42 * MIN }, { kind: 'before-end', minutesLeft: 3 }],
    ['completed', open45, 41 * MIN, { ...base, completed: true }, { kind: 'none' }],
    ['the visit ended, not completed', ended(44, 'left-call'), 44 * MIN, base, { kind: 'after-end' }],
    ['the visit ended early, before the in-visit moment', ended(20, 'manual'), 20 * MIN, base, { kind: 'after-end' }],
    ['the visit ended and the check-in is complete', ended(44, 'left-call'), 44 * MIN, { ...base, completed: true }, { kind: 'none' }],
    ['a 1-minute visit that ended on its own', ended(1, 'left-call'), 1 * MIN, base, { kind: 'none' }],
    ['a 1-minute visit the clinician ended', ended(1, 'manual'), 1 * MIN, base, { kind: 'after-end' }],
  ])('%s', (_case, visit, elapsed, inputs, expected) => {
    expect(checkInPrompt({ ...inputs, visit, now: START + elapsed })).toEqual(expected);
  });


  it('computes the due moment from the start and the planned length', () => {
    expect(checkInDueAt({ startedAt: START, plannedMinutes: 53 }, 5)).toBe(START + 48 * MIN);
  });
});
