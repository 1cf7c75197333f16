import { describe, expect, it } from 'vitest';
import { GRACE_MS, IDLE, nextCallState, readingOf, visitStartFor, type CallEvent, type CallState } from '../../utils/call-state';
import type { CallSignals } from '../../utils/messages';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const s = (seconds: number) => T0 + seconds * 1000;

const signals = (overrides: Partial<CallSignals>): CallSignals => ({
  meetingPage: true,
  dom: 'none',
  media: 'none',
  pageGone: false,
  ...overrides,
});
// What pages show, named as a clinician would see them.
const page = {
  lobby: signals({ dom: 'lobby', media: 'local' }),
  lobbyMediaOnly: signals({ media: 'local' }),
  inCall: signals({ dom: 'call', media: 'remote' }),
  inCallNoHints: signals({ media: 'remote' }),
  callUiNoMedia: signals({ dom: 'call' }),
  mediaDropped: signals({}),
  afterCallScreen: signals({ dom: 'left' }),
  leftMeetingUrl: signals({ meetingPage: false }),
  gone: signals({ meetingPage: null, pageGone: true }),
  teamsChat: signals({ meetingPage: false }),
  teamsInAppCall: signals({ meetingPage: false, media: 'remote' }),
  customHostNothing: signals({ meetingPage: null }),
  customHostCall: signals({ meetingPage: null, media: 'remote' }),
  landing: signals({ meetingPage: false }),
} satisfies Record<string, CallSignals>;
type PageName = keyof typeof page;

type Step = [at: number, what: PageName | 'tick' | 'tab-closed'];
const toEvent = (what: Step[1]): CallEvent =>
  what === 'tick' || what === 'tab-closed' ? { kind: what } : { kind: 'signals', signals: page[what] };

function run(steps: Step[], from: CallState = IDLE): CallState {
  return steps.reduce((state, [at, what]) => nextCallState(state, toEvent(what), s(at)), from);
}

describe('readingOf', () => {
  it.each<[PageName, ReturnType<typeof readingOf>]>([
    ['lobby', 'waiting'],
    ['lobbyMediaOnly', 'waiting'],
    ['inCall', 'in-call'],
    ['inCallNoHints', 'in-call'],
    ['callUiNoMedia', 'in-call'],
    ['mediaDropped', 'waiting'],
    ['afterCallScreen', 'left'],
    ['leftMeetingUrl', 'left-page'],
    ['gone', 'gone'],
    ['customHostNothing', 'nothing'],
    ['customHostCall', 'in-call'],
  ])('%s reads as %s', (name, reading) => {
    expect(readingOf(page[name])).toBe(reading);
  });

  it('believes the after-call screen over media that has not been torn down yet', () => {
    expect(readingOf(signals({ dom: 'left', media: 'remote' }))).toBe('left');
  });
});

describe('nextCallState: event sequences', () => {
  const cases: [string, Step[], Partial<CallState>][] = [
    ['nothing on a landing page stays idle', [[0, 'landing'], [5, 'tick']], { phase: 'idle' }],
    ['the lobby is waiting', [[0, 'lobby']], { phase: 'waiting', callStartedAt: null }],
    ['joining starts the call at the moment it is seen', [[0, 'lobby'], [40, 'inCall']], { phase: 'in-call', callStartedAt: s(40) }],
    ['a call seen without a lobby (page opened mid-call) starts then', [[3, 'inCallNoHints']], { phase: 'in-call', callStartedAt: s(3) }],
    ['leaving the lobby before joining goes back to idle, no call to end', [[0, 'lobby'], [10, 'landing']], { phase: 'idle' }],
    [
      'the after-call screen ends the call once the short grace has passed',
      [[0, 'lobby'], [10, 'inCall'], [600, 'afterCallScreen'], [605, 'tick']],
      { phase: 'ended', callStartedAt: s(10), endedAt: s(600), endReason: 'left-call' },
    ],
    [
      'the after-call screen is still ending just before the grace runs out',
      [[10, 'inCall'], [600, 'afterCallScreen'], [604, 'tick']],
      { phase: 'ending', endedAt: s(600), graceUntil: s(600) + GRACE_MS.leftCall, endReason: 'left-call' },
    ],
    [
      "Zoom's replaceState to /wc/leave ends the call as left",
      [[10, 'inCall'], [900, 'leftMeetingUrl'], [906, 'tick']],
      { phase: 'ended', endedAt: s(900), endReason: 'left-call' },
    ],
    [
      'a media drop that comes back within the grace period does not end the call',
      [[10, 'inCall'], [300, 'mediaDropped'], [320, 'inCall'], [400, 'tick']],
      { phase: 'in-call', callStartedAt: s(10), endedAt: null, endReason: null },
    ],
    [
      'a breakout-room re-render (call markup and media gone for a few seconds) does not end the call',
      [[10, 'inCall'], [300, 'mediaDropped'], [304, 'lobbyMediaOnly'], [309, 'inCallNoHints'], [400, 'tick']],
      { phase: 'in-call', callStartedAt: s(10) },
    ],
    [
      'media that stays gone on the meeting page ends the call as media stopped, at the moment it stopped',
      [[10, 'inCall'], [300, 'mediaDropped'], [331, 'tick']],
      { phase: 'ended', endedAt: s(300), endReason: 'media-stopped' },
    ],
    [
      'a reload mid-call that comes back to the call keeps it going',
      [[10, 'inCall'], [300, 'gone'], [302, 'lobby'], [315, 'inCall'], [400, 'tick']],
      { phase: 'in-call', callStartedAt: s(10) },
    ],
    [
      'navigating to another site ends the call as left after the page-gone grace',
      [[10, 'inCall'], [300, 'gone'], [311, 'tick']],
      { phase: 'ended', endedAt: s(300), endReason: 'left-call' },
    ],
    [
      "Jitsi's hang-up loads the welcome page: gone, then a non-meeting page of the platform",
      [[10, 'inCall'], [300, 'gone'], [301, 'leftMeetingUrl'], [305, 'tick']],
      { phase: 'ended', endedAt: s(300), endReason: 'left-call' },
    ],
    [
      'a call inside the Teams app is not ended just because the app page is not a meeting URL',
      [[0, 'teamsChat'], [5, 'teamsInAppCall'], [100, 'teamsChat'], [110, 'tick']],
      { phase: 'ending', endReason: 'media-stopped' },
    ],
    [
      'a custom host has no path rule: losing the media ends the call as media stopped',
      [[5, 'customHostCall'], [100, 'customHostNothing'], [131, 'tick']],
      { phase: 'ended', endedAt: s(100), endReason: 'media-stopped' },
    ],
    [
      'closing the tab mid-call ends it then',
      [[10, 'inCall'], [700, 'tab-closed']],
      { phase: 'ended', endedAt: s(700), endReason: 'tab-closed' },
    ],
    [
      'closing the tab during a grace period ends the call when it was last seen',
      [[10, 'inCall'], [700, 'mediaDropped'], [705, 'tab-closed']],
      { phase: 'ended', endedAt: s(700), endReason: 'tab-closed' },
    ],
    [
      'a grace period that ran out before the tab closed keeps its own reason',
      [[10, 'inCall'], [700, 'afterCallScreen'], [800, 'tab-closed']],
      { phase: 'ended', endedAt: s(700), endReason: 'left-call' },
    ],
    ['closing a tab that was only waiting leaves nothing', [[0, 'lobby'], [5, 'tab-closed']], { phase: 'idle' }],
    [
      'the after-call screen keeps showing the ended call',
      [[10, 'inCall'], [600, 'afterCallScreen'], [606, 'tick'], [700, 'afterCallScreen']],
      { phase: 'ended', endReason: 'left-call' },
    ],
    [
      'rejoining after the call ended is a new call',
      [[10, 'inCall'], [600, 'afterCallScreen'], [606, 'tick'], [700, 'lobby'], [710, 'inCall']],
      { phase: 'in-call', callStartedAt: s(710), endedAt: null, endReason: null },
    ],
  ];

  it.each(cases)('%s', (_name, steps, expected) => {
    expect(run(steps)).toMatchObject(expected);
  });

  it('ends a call whose grace ran out before the next signal, then applies that signal', () => {
    // The page said nothing for a minute after the media dropped; the next report is already the lobby.
    const state = run([[10, 'inCall'], [300, 'mediaDropped'], [400, 'lobby']]);
    expect(state).toMatchObject({ phase: 'waiting', callStartedAt: null });
  });

  it('returns the same state when nothing changed, so nothing is written', () => {
    const inCall = run([[10, 'inCall']]);
    expect(nextCallState(inCall, { kind: 'signals', signals: page.inCallNoHints }, s(20))).toBe(inCall);
    expect(nextCallState(inCall, { kind: 'tick' }, s(30))).toBe(inCall);
  });
});

describe('visitStartFor', () => {
  it.each<[string, Partial<CallState> | undefined, number]>([
    ['no call known: now', undefined, s(100)],
    ['waiting in the lobby: now', { phase: 'waiting', callStartedAt: null }, s(100)],
    ['a call in progress: the call’s start', { phase: 'in-call', callStartedAt: s(40) }, s(40)],
    ['a call in its grace period: the call’s start', { phase: 'ending', callStartedAt: s(40) }, s(40)],
    ['an ended call: now (the next call is a new visit)', { phase: 'ended', callStartedAt: s(40) }, s(100)],
    ['a call start in the future (clock skew): now', { phase: 'in-call', callStartedAt: s(200) }, s(100)],
  ])('%s', (_name, state, expected) => {
    expect(visitStartFor(state === undefined ? undefined : { ...IDLE, ...state }, s(100))).toBe(expected);
  });
});
