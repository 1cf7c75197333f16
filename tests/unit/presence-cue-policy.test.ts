import { describe, expect, it } from 'vitest';
import {
  initialCueState,
  stepCue,
  TYPING_QUIET_MS,
  type CueEvent,
  type CueSettings,
  type CueState,
} from '../../utils/presence/cue-policy';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const m = (minutes: number, seconds = 0) => T0 + minutes * 60_000 + seconds * 1000;

const DEFAULTS: CueSettings = { 'presence.enabled': true, 'presence.awayCue': true, 'presence.periodicMinutes': 10 };

const tick = (at: number): CueEvent => ({ type: 'tick', at });
const typed = (at: number): CueEvent => ({ type: 'typed', at });
const returned = (at: number, awayMs: number): CueEvent => ({ type: 'returned', at, awayMs });
const checkIn = (at: number, open: boolean): CueEvent => ({ type: 'check-in', at, open });
const hidden = (at: number, isHidden: boolean): CueEvent => ({ type: 'page-visibility', at, hidden: isHidden });
const snoozed = (at: number): CueEvent => ({ type: 'snoozed', at });

/** The cues a sequence of events brings, as `promptId@minute:second`, and the last step's next check. */
function run(events: readonly CueEvent[], settings: Partial<CueSettings> = {}) {
  let state: CueState = initialCueState(T0);
  const shown: string[] = [];
  let nextCheckAt: number | null = null;
  for (const event of events) {
    const step = stepCue(state, event, { ...DEFAULTS, ...settings });
    state = step.state;
    nextCheckAt = step.nextCheckAt;
    if (step.show !== null) {
      const at = step.show.shownAt - T0;
      shown.push(`${step.show.promptId}@${Math.floor(at / 60_000)}:${String((at / 1000) % 60).padStart(2, '0')}`);
    }
  }
  return { shown, nextCheckAt, state };
}

describe('stepCue: which cue the panel shows, and when', () => {
  it.each<[string, CueEvent[], Partial<CueSettings>, string[]]>([
    ['nothing happens before the interval', [tick(m(9, 59))], {}, []],
    ['a periodic prompt when the interval is up', [tick(m(10))], {}, ['breathe@10:00']],
    [
      'prompts rotate and never repeat in a row',
      [tick(m(10)), tick(m(20)), tick(m(30)), tick(m(40))],
      {},
      ['breathe@10:00', 'affect@20:00', 'reflect@30:00', 'agenda@40:00'],
    ],
    ['15-minute interval', [tick(m(10)), tick(m(15))], { 'presence.periodicMinutes': 15 }, ['breathe@15:00']],
    ['periodic prompts off', [tick(m(10)), tick(m(60))], { 'presence.periodicMinutes': 0 }, []],
    [
      'held back while typing; comes once the clinician pauses',
      [typed(m(9, 58)), tick(m(10)), typed(m(10, 5)), tick(m(10, 12)), tick(m(10, 13))],
      {},
      ['breathe@10:13'],
    ],
    [
      'held back while the check-in is open; not the instant it closes',
      [checkIn(m(9), true), tick(m(10)), tick(m(12)), checkIn(m(13), false), tick(m(13, 5)), tick(m(13, 8))],
      {},
      ['breathe@13:08'],
    ],
    ['held back while the page is hidden', [hidden(m(9), true), tick(m(11)), hidden(m(12), false)], {}, ['breathe@12:00']],
    [
      'a return cue says welcome back, and restarts the periodic count',
      [returned(m(8), 48_000), tick(m(10)), tick(m(18))],
      {},
      ['return-summarise@8:00', 'breathe@18:00'],
    ],
    [
      'return cues rotate too',
      [returned(m(1), 30_000), returned(m(3), 30_000), returned(m(5), 30_000), returned(m(7), 30_000)],
      { 'presence.periodicMinutes': 0 },
      ['return-summarise@1:00', 'return-where-were-we@3:00', 'return-notice@5:00', 'return-summarise@7:00'],
    ],
    ['no return cue when that part is off', [returned(m(1), 30_000)], { 'presence.awayCue': false }, []],
    ['snoozed: quiet for the rest of the visit', [snoozed(m(2)), returned(m(5), 60_000), tick(m(10)), tick(m(40))], {}, []],
    ['turned off: nothing at all', [returned(m(5), 60_000), tick(m(10)), tick(m(40))], { 'presence.enabled': false }, []],
  ])('%s', (_what, events, settings, expected) => {
    expect(run(events, settings).shown).toEqual(expected);
  });

  it.each<[string, CueEvent[], Partial<CueSettings>, number | null]>([
    ['the interval from the visit start', [tick(m(1))], {}, m(10)],
    ['after typing, the later of the due time and the pause', [typed(m(9, 59)), tick(m(10))], {}, m(9, 59) + TYPING_QUIET_MS],
    ['none while the check-in is open (its closing is an event)', [checkIn(m(1), true)], {}, null],
    ['none when periodic prompts are off', [tick(m(1))], { 'presence.periodicMinutes': 0 }, null],
    ['none once snoozed', [snoozed(m(1))], {}, null],
  ])('asks to look again at the right time: %s', (_what, events, settings, expected) => {
    expect(run(events, settings).nextCheckAt).toBe(expected);
  });

  it('gives every showing its own id, with the time away for a return cue', () => {
    const first = stepCue(initialCueState(T0), returned(m(1), 48_000), DEFAULTS);
    expect(first.show).toMatchObject({ kind: 'return', awayMs: 48_000, shownAt: m(1) });
    const second = stepCue(first.state, tick(m(11)), DEFAULTS);
    expect(second.show).toMatchObject({ kind: 'periodic', awayMs: null });
    expect(second.show?.id).not.toBe(first.show?.id);
  });
});
