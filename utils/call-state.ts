/**
 * Where a tab is in a call: idle → waiting (lobby) → in call → ending (grace) → ended. A pure function of the signals
 * the call page reports (utils/call-signals.ts) and the time, so tests replay event sequences with their own clock.
 *
 * No single signal is trusted: "in call" needs the platform's in-call markup or remote media; losing it starts a grace
 * period whose length depends on how sure the evidence of leaving is, so a media drop, a network blip or a
 * breakout-room re-render that comes back in time never ends a visit.
 */
import type { CallSignals } from './messages';
import type { VisitEndReason } from './models';

export type CallPhase = 'idle' | 'waiting' | 'in-call' | 'ending' | 'ended';

export interface CallState {
  phase: CallPhase;
  /** When the current (or last) call was first seen in progress. */
  callStartedAt: number | null;
  /** When call evidence was lost: the start of `ending`, and the recorded end of an `ended` call. */
  endedAt: number | null;
  /** In `ending`: the moment the call counts as over unless it comes back first. */
  graceUntil: number | null;
  endReason: VisitEndReason | null;
  /** The call was on a meeting page, so leaving that page means leaving the call (not so for Teams' in-app calls). */
  onMeetingPage: boolean;
}

export type CallEvent = { kind: 'signals'; signals: CallSignals } | { kind: 'tick' } | { kind: 'tab-closed' };

/** Grace periods in ms, by how sure the evidence of leaving is. */
export const GRACE_MS = {
  /** The platform says so: its after-call screen, or the URL left the meeting path (Zoom's `/wc/leave`). */
  leftCall: 5_000,
  /** The page unloaded: a reload comes back within this, a navigation elsewhere does not. */
  pageGone: 10_000,
  /** Only the media or the in-call markup went away, still on the call page: a blip, a reconnect, a re-render. */
  mediaStopped: 30_000,
} as const;

export const IDLE: CallState = {
  phase: 'idle',
  callStartedAt: null,
  endedAt: null,
  graceUntil: null,
  endReason: null,
  onMeetingPage: false,
};

/** What one set of signals says, before any history is taken into account. */
export type CallReading = 'in-call' | 'waiting' | 'left' | 'left-page' | 'gone' | 'nothing';

export function readingOf(signals: CallSignals): CallReading {
  if (signals.pageGone) return 'gone';
  if (signals.dom === 'left') return 'left';
  if (signals.dom === 'call' || signals.media === 'remote') return 'in-call';
  if (signals.meetingPage === true || signals.dom === 'lobby' || signals.media === 'local') return 'waiting';
  // A built-in platform's page that is not a meeting: the call page itself is gone. Custom hosts have no path rule (null).
  return signals.meetingPage === false ? 'left-page' : 'nothing';
}

/** Why the call would end, and how long to wait for it to come back, given a reading without call evidence. */
function endingFor(reading: Exclude<CallReading, 'in-call'>): { reason: VisitEndReason; graceMs: number } {
  switch (reading) {
    case 'left':
    case 'left-page':
      return { reason: 'left-call', graceMs: GRACE_MS.leftCall };
    case 'gone':
      return { reason: 'left-call', graceMs: GRACE_MS.pageGone };
    case 'waiting':
    case 'nothing':
      return { reason: 'media-stopped', graceMs: GRACE_MS.mediaStopped };
  }
}

export function nextCallState(state: CallState, event: CallEvent, now: number): CallState {
  // Time passes first: a grace period that ran out before this event ends the call then, not now.
  const current = state.phase === 'ending' && state.graceUntil !== null && now >= state.graceUntil ? ended(state) : state;
  if (event.kind === 'tick') return current;
  if (event.kind === 'tab-closed') {
    if (current.phase === 'in-call') return { ...ended(current), endedAt: now, endReason: 'tab-closed' };
    if (current.phase === 'ending') return { ...ended(current), endReason: 'tab-closed' };
    return current.phase === 'ended' ? current : IDLE;
  }

  const reading = readingOf(event.signals);
  if (reading === 'in-call') {
    const onMeetingPage = event.signals.meetingPage === true;
    if (current.phase === 'in-call') return current.onMeetingPage === onMeetingPage ? current : { ...current, onMeetingPage };
    if (current.phase === 'ending') {
      return { ...current, phase: 'in-call', endedAt: null, graceUntil: null, endReason: null, onMeetingPage };
    }
    return { phase: 'in-call', callStartedAt: now, endedAt: null, graceUntil: null, endReason: null, onMeetingPage };
  }
  switch (current.phase) {
    case 'in-call':
    case 'ending': {
      const since = current.phase === 'ending' && current.endedAt !== null ? current.endedAt : now;
      // Off a meeting page all along (a call inside the Teams app): not being on one says nothing about leaving.
      const { reason, graceMs } = endingFor(reading === 'left-page' && !current.onMeetingPage ? 'nothing' : reading);
      // The latest reading decides: a reload (gone) that comes back to the lobby waits as long as a media drop.
      return { ...current, phase: 'ending', endedAt: since, graceUntil: since + graceMs, endReason: reason };
    }
    case 'ended':
      // The after-call screen keeps showing the ended call; a lobby again (rejoin, next meeting) is a new wait.
      return reading === 'waiting' ? { ...IDLE, phase: 'waiting' } : current;
    case 'idle':
    case 'waiting':
      return reading === 'waiting' ? { ...IDLE, phase: 'waiting' } : IDLE;
  }
}

function ended(state: CallState): CallState {
  return { ...state, phase: 'ended', graceUntil: null };
}

/** The next moment a `tick` could change this state, or undefined when only new signals can. */
export function nextDeadline(state: CallState): number | undefined {
  return state.phase === 'ending' && state.graceUntil !== null ? state.graceUntil : undefined;
}

/**
 * When a visit the clinician starts now should count from: the start of the call already in progress in the tab (a
 * call detected before a client was picked is attached to the visit), otherwise now.
 */
export function visitStartFor(state: Pick<CallState, 'phase' | 'callStartedAt'> | undefined, now: number): number {
  const inCall = state !== undefined && (state.phase === 'in-call' || state.phase === 'ending');
  return inCall && state.callStartedAt !== null && state.callStartedAt <= now ? state.callStartedAt : now;
}
