/**
 * The background's record of where each tab is in its call, kept in `storage.session` so a service-worker restart
 * loses nothing, and the visit it ends when a call ends. Updates are serialised: every change is read → next state →
 * write, one at a time, so two signals arriving together cannot overwrite each other.
 */
import { z } from 'zod';
import { browser } from './browser';
import { IDLE, nextCallState, nextDeadline, type CallEvent, type CallState } from './call-state';
import { endVisit } from './db/visits';
import { callStatusReply, type CallStatusReply } from './messages';
import { releaseTab, visitInTab } from './tab-visits';

export const CALL_STATES_KEY = 'callStates';
/** The alarm that finishes grace periods if the service worker was stopped while one ran. */
export const GRACE_ALARM = 'attune-call-grace';

const tabCallSchema = z.object({
  state: callStatusReply.pick({ phase: true, callStartedAt: true, endedAt: true, endReason: true }).extend({
    graceUntil: z.number().nullable(),
    onMeetingPage: z.boolean(),
  }),
  /** The visit this tab's call ended, once it has. */
  endedVisitId: z.string().nullable(),
});
export type TabCall = z.infer<typeof tabCallSchema>;
type TabCalls = Record<string, TabCall>;

/** Every tab's call; an entry that does not parse (written by an older version) is treated as idle. */
async function readAll(): Promise<TabCalls> {
  const stored: unknown = (await browser.storage.session.get(CALL_STATES_KEY))[CALL_STATES_KEY];
  if (typeof stored !== 'object' || stored === null) return {};
  const calls: TabCalls = {};
  for (const [tabId, call] of Object.entries(stored)) {
    const parsed = tabCallSchema.safeParse(call);
    if (parsed.success) calls[tabId] = parsed.data;
  }
  return calls;
}

let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/** Applies `event` to the call in `tabId` (every tab, for a tick) and records the end of a bound visit. */
export function updateCall(tabId: number | 'all', event: CallEvent, now: number): Promise<void> {
  return serialised(async () => {
    const calls = await readAll();
    const unchanged = JSON.stringify(calls);
    // Ticks and closed tabs only concern tabs with a call; every other tab in the browser is left alone.
    const ids = tabId === 'all' ? Object.keys(calls) : [String(tabId)].filter((id) => event.kind === 'signals' || id in calls);
    for (const id of ids) {
      const before = calls[id] ?? { state: IDLE, endedVisitId: null };
      const state = nextCallState(before.state, event, now);
      let endedVisitId = state.phase === 'in-call' || state.phase === 'waiting' ? null : before.endedVisitId;
      if (state.phase === 'ended' && before.state.phase !== 'ended') endedVisitId = await endBoundVisit(Number(id), state);
      if (event.kind === 'tab-closed' || state.phase === 'idle') delete calls[id];
      else calls[id] = { state, endedVisitId };
    }
    // Unchanged calls are not written again, so panels are told only about real changes.
    if (JSON.stringify(calls) === unchanged) return;
    await browser.storage.session.set({ [CALL_STATES_KEY]: calls });
    await scheduleGrace(calls, now);
  });
}

async function endBoundVisit(tabId: number, state: CallState): Promise<string | null> {
  const visitId = await visitInTab(tabId);
  if (visitId === undefined || state.endReason === null || state.endedAt === null) return null;
  await endVisit(visitId, state.endReason, state.endedAt);
  await releaseTab(tabId);
  return visitId;
}

// The in-memory timer ends a grace period on time; the alarm (at least 30 s away in Chrome) covers a stopped worker.
let graceTimer: ReturnType<typeof setTimeout> | undefined;
async function scheduleGrace(calls: TabCalls, now: number): Promise<void> {
  const deadlines = Object.values(calls)
    .map((call) => nextDeadline(call.state))
    .filter((deadline): deadline is number => deadline !== undefined);
  clearTimeout(graceTimer);
  if (deadlines.length === 0) {
    await browser.alarms.clear(GRACE_ALARM);
    return;
  }
  const next = Math.min(...deadlines);
  graceTimer = setTimeout(() => void finishGracePeriods(), Math.max(0, next - now) + 50);
  await browser.alarms.create(GRACE_ALARM, { when: next + 50 });
}

/** Ends every call whose grace period has run out. */
export function finishGracePeriods(now = Date.now()): Promise<void> {
  return updateCall('all', { kind: 'tick' }, now).catch((error: unknown) => {
    console.error('Attune could not finish a call’s grace period.', error);
  });
}

export async function callStatus(tabId: number): Promise<CallStatusReply> {
  const call = (await readAll())[String(tabId)];
  const state = call?.state ?? IDLE;
  return {
    phase: state.phase,
    callStartedAt: state.callStartedAt,
    endedAt: state.endedAt,
    endReason: state.endReason,
    endedVisitId: call?.endedVisitId ?? null,
  };
}
