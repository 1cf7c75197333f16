import { describe, expect, it } from 'vitest';
import { ATTUNE_CHECK_IN } from '../../utils/checkin/instrument';
import { scoreView } from '../../utils/checkin/scoring';
import { CUSTOM, view } from './checkin-fixtures';

describe('scoring one view', () => {
  it.each([
    ['every item answered', ATTUNE_CHECK_IN, view({ goals: 8, approach: 7, together: 9, overall: 8 }), 32, { goal: 8, task: 7, bond: 9, overall: 8 }, 0],
    ['all zeros is a real total, not a missing one', ATTUNE_CHECK_IN, view({ goals: 0, approach: 0, together: 0, overall: 0 }), 0, { goal: 0, task: 0, bond: 0, overall: 0 }, 0],
    ['one item skipped: parts, but no total', ATTUNE_CHECK_IN, view({ goals: 8, approach: null, together: 9, overall: 8 }), null, { goal: 8, task: null, bond: 9, overall: 8 }, 1],
    ['one item not answered yet', ATTUNE_CHECK_IN, view({ goals: 8, together: 9, overall: 8 }), null, { goal: 8, task: null, bond: 9, overall: 8 }, 1],
    ['a value outside the scale counts as missing', ATTUNE_CHECK_IN, view({ goals: 11, approach: 7, together: 9, overall: 8 }), null, { goal: null, task: 7, bond: 9, overall: 8 }, 1],
    ['an answer to an item the instrument does not have is ignored', ATTUNE_CHECK_IN, view({ goals: 1, approach: 1, together: 1, overall: 1, extra: 10 }), 4, { goal: 1, task: 1, bond: 1, overall: 1 }, 0],
    ['a custom 1–7 scale with three items', CUSTOM, view({ aims: 7, work: 1, trust: 4 }), 12, { goal: 7, task: 1, bond: 4, overall: null }, 0],
    ['a custom scale rejects 0, below its minimum', CUSTOM, view({ aims: 0, work: 1, trust: 4 }), null, { goal: null, task: 1, bond: 4, overall: null }, 1],
  ])('%s', (_case, instrument, answers, total, parts, missing) => {
    const scores = scoreView(instrument, answers);
    expect(scores).not.toBeNull();
    expect(scores?.total).toBe(total);
    expect(scores?.parts).toEqual(parts);
    expect(scores?.missing).toBe(missing);
  });

  it.each([
    ['a skipped view', view({ goals: 8, approach: 7, together: 9, overall: 8 }, true)],
    ['a view with nothing answered', view({})],
    ['a view where every item was skipped', view({ goals: null, approach: null, together: null, overall: null })],
  ])('has no scores for %s', (_case, answers) => {
    expect(scoreView(ATTUNE_CHECK_IN, answers)).toBeNull();
  });

  it('reports the range of the total', () => {
    expect(scoreView(CUSTOM, view({ aims: 1 }))?.range).toEqual({ min: 3, max: 21 });
    expect(scoreView(ATTUNE_CHECK_IN, view({ goals: 1 }))?.range).toEqual({ min: 0, max: 40 });
  });
});
