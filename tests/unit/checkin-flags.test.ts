import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { checkInFlags, flagWording, type CheckInFlag } from '../../utils/checkin/flags';
import { ATTUNE_CHECK_IN, type Instrument } from '../../utils/checkin/instrument';
import type { ViewAnswers } from '../../utils/checkin/record';
import { CUSTOM, view } from './checkin-fixtures';

// The shipped rules: total under 32, an item under 6, a drop of 4 or more, a gap of 5 or more.
const all = (goals: number, approach: number, together: number, overall: number) => view({ goals, approach, together, overall });
const SKIPPED = view({}, true);

const cases: [string, Instrument, ViewAnswers, ViewAnswers, number | null, CheckInFlag[]][] = [
  ['a good first check-in raises nothing', ATTUNE_CHECK_IN, all(9, 9, 9, 9), all(9, 9, 9, 9), null, []],
  ['a total at the threshold is not under it', ATTUNE_CHECK_IN, all(8, 8, 8, 8), SKIPPED, null, []],
  [
    'a client total under the threshold',
    ATTUNE_CHECK_IN,
    all(8, 8, 8, 7),
    SKIPPED,
    null,
    [{ kind: 'total-low', view: 'client', total: 31, threshold: 32 }],
  ],
  [
    'a low item, in either view',
    ATTUNE_CHECK_IN,
    all(10, 5, 10, 10),
    all(10, 10, 5, 10),
    null,
    [
      { kind: 'item-low', view: 'client', itemId: 'approach', value: 5, threshold: 6 },
      { kind: 'item-low', view: 'clinician', itemId: 'together', value: 5, threshold: 6 },
    ],
  ],
  ['an item at the item threshold is not low', ATTUNE_CHECK_IN, all(6, 10, 10, 10), SKIPPED, null, []],
  ['a drop of exactly the change amount', ATTUNE_CHECK_IN, all(9, 9, 9, 9), SKIPPED, 40, [{ kind: 'drop', previous: 40, total: 36 }]],
  ['a drop of less than the change amount', ATTUNE_CHECK_IN, all(9, 9, 9, 10), SKIPPED, 40, []],
  ['a rise is not a drop', ATTUNE_CHECK_IN, all(10, 10, 10, 10), SKIPPED, 33, []],
  ['no drop on a first check-in', ATTUNE_CHECK_IN, all(8, 8, 8, 8), SKIPPED, null, []],
  ['no drop when the client skipped an item (no total to compare)', ATTUNE_CHECK_IN, view({ goals: 6, approach: null, together: 6, overall: 6 }), SKIPPED, 40, []],
  ['a skipped item still raises its own low-item flag', ATTUNE_CHECK_IN, view({ goals: 2, approach: null }), SKIPPED, null, [{ kind: 'item-low', view: 'client', itemId: 'goals', value: 2, threshold: 6 }]],
  ['the clinician rating higher by the gap amount', ATTUNE_CHECK_IN, all(9, 8, 8, 8), all(10, 10, 10, 10), null, [{ kind: 'view-gap', client: 33, clinician: 40 }]],
  ['the client rating higher by the gap amount', ATTUNE_CHECK_IN, all(10, 10, 10, 10), all(9, 9, 8, 9), null, [{ kind: 'view-gap', client: 40, clinician: 35 }]],
  ['a gap under the amount', ATTUNE_CHECK_IN, all(9, 9, 9, 9), all(10, 10, 10, 10), null, []],
  ['no gap when either view was skipped', ATTUNE_CHECK_IN, all(8, 8, 8, 8), SKIPPED, null, []],
  ['both views skipped raise nothing', ATTUNE_CHECK_IN, SKIPPED, SKIPPED, 40, []],
  [
    'a custom 1–7 scale uses its own rules',
    CUSTOM,
    view({ aims: 3, work: 5, trust: 6 }),
    view({ aims: 7, work: 7, trust: 6 }),
    18,
    [
      { kind: 'total-low', view: 'client', total: 14, threshold: 15 },
      { kind: 'item-low', view: 'client', itemId: 'aims', value: 3, threshold: 4 },
      { kind: 'drop', previous: 18, total: 14 },
      { kind: 'view-gap', client: 14, clinician: 20 },
    ],
  ],
];

describe('check-in flags', () => {
  it.each(cases)('%s', (_case, instrument, client, clinician, previousClientTotal, expected) => {
    expect(checkInFlags({ instrument, checkIn: { client, clinician }, previousClientTotal })).toEqual(expected);
  });

  it.each(cases.flatMap(([, , , , , flags]) => flags).map((flag) => [flag.kind, flag] as const))('a %s flag has plain words and a next step', (_kind, flag) => {
    const { meaning, nextStep } = flagWording(flag);
    expect(english[meaning].message.length).toBeGreaterThan(20);
    expect(english[nextStep].message).toMatch(/^[A-Z].*[.?]$/);
  });
});
