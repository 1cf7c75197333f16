import { describe, expect, it } from 'vitest';
import {
  initialAwayState,
  isAllowedHost,
  isAttending,
  stepAway,
  type AwayEffect,
  type AwayEvent,
  type AwaySettings,
  type AwayState,
} from '../../utils/presence/away-policy';

const VISIT = '3b0f6a8e-2c4d-4e7f-9a1b-5c6d7e8f9a0b';
const TAB = 7;
const T0 = Date.UTC(2025, 0, 6, 9, 0);
const s = (seconds: number) => T0 + seconds * 1000;

const DEFAULTS: AwaySettings = {
  'presence.enabled': true,
  'presence.awayThresholdSeconds': 20,
  'presence.notifyWhenAway': false,
  'presence.notifyAfterSeconds': 120,
};

const away = (at: number): AwayEvent => ({ type: 'attention', at, attending: false });
const back = (at: number): AwayEvent => ({ type: 'attention', at, attending: true });
const check = (at: number): AwayEvent => ({ type: 'check', at });
const ended = (at: number): AwayEvent => ({ type: 'visit-ended', at });

/** Runs a sequence of events through the policy, as the background does, collecting every effect. */
function run(events: readonly AwayEvent[], settings: Partial<AwaySettings> = {}, snoozed = false) {
  let state: AwayState | null = initialAwayState(VISIT, TAB);
  const effects: AwayEffect[] = [];
  for (const event of events) {
    if (state === null) break;
    const step = stepAway(state, event, { ...DEFAULTS, ...settings }, snoozed);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

const episode = (from: number, to: number, cue: boolean): AwayEffect => ({
  type: 'away-episode',
  visitId: VISIT,
  from,
  to,
  awayMs: to - from,
  cue,
});

describe('stepAway: when the clinician is away, and what follows', () => {
  it.each<[string, AwayEvent[], Partial<AwaySettings>, AwayEffect[]]>([
    ['with the call all along: nothing', [back(s(0)), back(s(600))], {}, []],
    ['away 48 s and back: one episode with a cue', [away(s(10)), back(s(58))], {}, [episode(s(10), s(58), true)]],
    ['away for less than the threshold: nothing', [away(s(10)), back(s(29))], {}, []],
    ['away exactly the threshold: counted', [away(s(10)), back(s(30))], {}, [episode(s(10), s(30), true)]],
    [
      'repeated "away" events keep the first time (a restarted worker re-reads the same state)',
      [away(s(10)), away(s(20)), away(s(40)), back(s(70))],
      {},
      [episode(s(10), s(70), true)],
    ],
    [
      'two episodes are two cues',
      [away(s(0)), back(s(30)), away(s(100)), back(s(160))],
      {},
      [episode(s(0), s(30), true), episode(s(100), s(160), true)],
    ],
    ['a custom threshold of 5 s', [away(s(0)), back(s(6))], { 'presence.awayThresholdSeconds': 5 }, [episode(s(0), s(6), true)]],
    ['turned off: nothing at all', [away(s(0)), back(s(300))], { 'presence.enabled': false }, []],
    [
      'the visit ends while away: time counted up to the end, no cue',
      [away(s(0)), ended(s(90))],
      {},
      [episode(s(0), s(90), false)],
    ],
    ['the visit ends while with the call: nothing', [away(s(0)), back(s(5)), ended(s(90))], {}, []],
    ['checks while away without the notification: nothing', [away(s(0)), check(s(200)), back(s(210))], {}, [episode(s(0), s(210), true)]],
  ])('%s', (_what, events, settings, expected) => {
    expect(run(events, settings).effects).toEqual(expected);
  });

  it.each<[string, AwayEvent[], AwayEffect[]]>([
    [
      'away: asks to be woken at the notification threshold',
      [away(s(10))],
      [{ type: 'wake-at', visitId: VISIT, at: s(130) }],
    ],
    [
      'an alarm that fires early asks again; one on time notifies once; coming back clears it',
      [away(s(10)), check(s(100)), check(s(131)), check(s(200)), back(s(240))],
      [
        { type: 'wake-at', visitId: VISIT, at: s(130) },
        { type: 'wake-at', visitId: VISIT, at: s(130) },
        { type: 'notify', visitId: VISIT, since: s(10) },
        episode(s(10), s(240), true),
        { type: 'clear-notification', visitId: VISIT },
      ],
    ],
    [
      'an alarm that comes very late (the worker slept) still notifies, measured from the timestamps',
      [away(s(10)), check(s(900))],
      [
        { type: 'wake-at', visitId: VISIT, at: s(130) },
        { type: 'notify', visitId: VISIT, since: s(10) },
      ],
    ],
    ['back before the threshold: no notification', [away(s(10)), back(s(60)), check(s(130))], [
      { type: 'wake-at', visitId: VISIT, at: s(130) },
      episode(s(10), s(60), true),
    ]],
    [
      'the visit ends while notified: counted, and the notification is cleared',
      [away(s(0)), check(s(121)), ended(s(150))],
      [
        { type: 'wake-at', visitId: VISIT, at: s(120) },
        { type: 'notify', visitId: VISIT, since: s(0) },
        episode(s(0), s(150), false),
        { type: 'clear-notification', visitId: VISIT },
      ],
    ],
  ])('with the notification on: %s', (_what, events, expected) => {
    expect(run(events, { 'presence.notifyWhenAway': true }).effects).toEqual(expected);
  });

  it('snoozed: still counts time away for the summary, but no notification', () => {
    const { effects } = run([away(s(0)), check(s(200)), back(s(300))], { 'presence.notifyWhenAway': true }, true);
    expect(effects).toEqual([episode(s(0), s(300), true)]);
  });

  it('turned off while away: the episode is forgotten and a shown notification is cleared', () => {
    const on = run([away(s(0)), check(s(130))], { 'presence.notifyWhenAway': true });
    expect(on.state).toMatchObject({ awaySince: s(0), notified: true });
    const off = stepAway(on.state!, back(s(200)), { ...DEFAULTS, 'presence.enabled': false }, false);
    expect(off.effects).toEqual([{ type: 'clear-notification', visitId: VISIT }]);
    expect(off.state).toMatchObject({ awaySince: null, notified: false });
  });

  it('reports whether the state must be stored', () => {
    const state = initialAwayState(VISIT, TAB);
    expect(stepAway(state, back(s(1)), DEFAULTS, false).changed).toBe(false);
    expect(stepAway(state, away(s(1)), DEFAULTS, false).changed).toBe(true);
    expect(stepAway(state, ended(s(1)), DEFAULTS, false)).toMatchObject({ state: null, changed: true });
  });
});

describe('isAttending', () => {
  const hosts = ['ehr.example.org', '*.clinic.example'];
  it.each<[string, { id: number; url?: string } | null, boolean]>([
    ['the call tab in front', { id: TAB, url: 'https://meet.google.com/abc-defg-hij' }, true],
    ['the browser lost focus', null, false],
    ['another tab whose address Attune cannot see', { id: 9 }, false],
    ['another tab on a site that is not listed', { id: 9, url: 'https://mail.example.com/' }, false],
    ['a listed site', { id: 9, url: 'https://ehr.example.org/patients' }, true],
    ['a subdomain of a site listed without *.', { id: 9, url: 'https://x.ehr.example.org/' }, false],
    ['a subdomain of a *. site', { id: 9, url: 'https://records.clinic.example/' }, true],
    ['the *. site itself', { id: 9, url: 'https://clinic.example/' }, true],
    ['a look-alike host', { id: 9, url: 'https://notclinic.example/' }, false],
    ['an unparseable address', { id: 9, url: 'not a url' }, false],
  ])('%s → %s', (_what, activeTab, expected) => {
    expect(isAttending({ activeTab }, TAB, hosts)).toBe(expected);
  });

  it('matches hosts case-insensitively', () => {
    expect(isAllowedHost('https://EHR.Example.org/', ['ehr.example.org'])).toBe(true);
  });
});
