/**
 * The background's side of the presence nudge. Browser events (a tab activated, window focus gained or lost, a page
 * loaded in the tab in front, a tab closed, an alarm, a settings change) each trigger one look at where the clinician's attention is; the pure away
 * policy decides, and this module carries out its effects: storing the state in `storage.session`, recording away
 * episodes in the visit's presence summary, telling the panel (through `storage.session`) to show a return cue, and
 * the optional system notification. No code runs in the call page for any of this.
 */
import { browser } from '../browser';
import { addToPresenceSummary } from '../db/presence';
import { getVisit } from '../db/visits';
import { t } from '../i18n';
import { readSettings, type Settings } from '../settings';
import {
  initialAwayState,
  isAttending,
  stepAway,
  type AttentionView,
  type AwayEffect,
  type AwayEvent,
  type AwayState,
  type AwayStep,
} from './away-policy';
import { callsInProgress } from './in-call';
import { announceReturn, forgetVisitPresence, isSnoozed, readAwayStates, writeAwayState } from './session';

export type PresenceTrigger =
  /** Attention may have moved; `windowId` is the newly focused window (or WINDOW_ID_NONE) when the event says so. */
  | { kind: 'attention'; at: number; windowId?: number }
  | { kind: 'check'; at: number }
  | { kind: 'tab-closed'; at: number; tabId: number };

export interface Notifier {
  show(visitId: string): Promise<void>;
  clear(visitId: string): Promise<void>;
}

export interface PresenceDeps {
  readView: (windowId: number | undefined) => Promise<AttentionView>;
  notifier: Notifier;
}

export const PRESENCE_ALARM_PREFIX = 'presence:';
/** `windows.WINDOW_ID_NONE` in Chrome, Edge and Firefox: no browser window has focus. */
export const WINDOW_ID_NONE = -1;
const notificationId = (visitId: string) => `presence:${visitId}`;

/** What the clinician is looking at, from the browser: needs no "tabs" permission (see README, presence nudge). */
export async function readAttentionView(windowId: number | undefined): Promise<AttentionView> {
  if (windowId === WINDOW_ID_NONE) return { activeTab: null };
  let focusedWindowId = windowId;
  if (focusedWindowId === undefined) {
    const window = await browser.windows.getLastFocused();
    if (!window.focused || window.id === undefined) return { activeTab: null };
    focusedWindowId = window.id;
  }
  const [tab] = await browser.tabs.query({ active: true, windowId: focusedWindowId });
  // `url` is visible only for hosts Attune holds a permission for: the platforms and the allow-listed hosts.
  return tab?.id === undefined ? { activeTab: null } : { activeTab: { id: tab.id, url: tab.url } };
}

/** The optional system notification. It names no client: it may show on a screen others can see. */
export const systemNotifier: Notifier = {
  async show(visitId) {
    if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) {
      console.warn('Attune could not show the away notification: the notifications permission is not granted.');
      return;
    }
    await browser.notifications.create(notificationId(visitId), {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('presenceNotificationTitle'),
      message: t('presenceNotificationMessage'),
    });
  },
  async clear(visitId) {
    if (await browser.permissions.contains({ permissions: ['notifications'] })) {
      await browser.notifications.clear(notificationId(visitId));
    }
  },
};

const defaultDeps: PresenceDeps = { readView: readAttentionView, notifier: systemNotifier };

let queue: Promise<void> = Promise.resolve();

/**
 * Looks again at every visit in call. Triggers are handled one at a time, so two events arriving together never
 * read and write the same state concurrently.
 */
export function reconsiderPresence(trigger: PresenceTrigger, deps: PresenceDeps = defaultDeps): Promise<void> {
  const run = queue.then(() => reconsider(trigger, deps));
  queue = run.catch(() => undefined);
  return run;
}

async function reconsider(trigger: PresenceTrigger, deps: PresenceDeps): Promise<void> {
  const [settings, calls, states] = await Promise.all([readSettings(), callsInProgress(), readAwayStates()]);
  const tracked = new Map(states.map((state) => [state.visitId, state]));
  const live = calls.filter((call) => !(trigger.kind === 'tab-closed' && call.tabId === trigger.tabId));
  const view =
    live.length > 0 ? await deps.readView(trigger.kind === 'attention' ? trigger.windowId : undefined) : { activeTab: null };

  for (const call of live) {
    const before = tracked.get(call.visitId) ?? initialAwayState(call.visitId, call.tabId);
    tracked.delete(call.visitId);
    const snoozed = await isSnoozed(call.visitId);
    const attending = isAttending(view, call.tabId, settings['presence.allowedHosts']);
    const events: AwayEvent[] = [{ type: 'attention', at: trigger.at, attending }];
    if (trigger.kind === 'check') events.push({ type: 'check', at: trigger.at });
    await apply(before, events, settings, snoozed, deps);
  }
  // Tracked visits no longer in call: an episode in progress ends when the visit did.
  for (const ended of tracked.values()) {
    const endedAt = (await getVisit(ended.visitId))?.endedAt ?? null;
    const at = Math.min(trigger.at, Math.max(endedAt ?? trigger.at, ended.awaySince ?? 0));
    await apply(ended, [{ type: 'visit-ended', at }], settings, false, deps);
  }
}

async function apply(
  before: AwayState,
  events: readonly AwayEvent[],
  settings: Settings,
  snoozed: boolean,
  deps: PresenceDeps,
): Promise<void> {
  let step: AwayStep = { state: before, effects: [], changed: false };
  for (const event of events) {
    if (step.state === null) break;
    const next = stepAway(step.state, event, settings, snoozed);
    step = { state: next.state, effects: [...step.effects, ...next.effects], changed: step.changed || next.changed };
  }
  if (step.state === null) await forgetVisitPresence(before.visitId);
  else if (step.changed) await writeAwayState(step.state);
  for (const effect of step.effects) await carryOut(effect, deps);
}

async function carryOut(effect: AwayEffect, deps: PresenceDeps): Promise<void> {
  switch (effect.type) {
    case 'away-episode':
      await addToPresenceSummary(effect.visitId, { awayMs: effect.awayMs, awayEpisodes: 1 }, effect.to);
      if (effect.cue) await announceReturn(effect.visitId, { from: effect.from, to: effect.to, awayMs: effect.awayMs });
      return;
    case 'notify':
      return deps.notifier.show(effect.visitId);
    case 'clear-notification':
      return deps.notifier.clear(effect.visitId);
    case 'wake-at':
      // Alarms fire no sooner than 30 s apart and may be late; the policy measures from timestamps either way.
      await browser.alarms.create(`${PRESENCE_ALARM_PREFIX}${effect.visitId}`, { when: effect.at });
      return;
  }
}

/** Registers the presence listeners; called synchronously at the background's top level so events wake it. */
export function registerPresenceListeners(): void {
  const run = (trigger: PresenceTrigger) => {
    void reconsiderPresence(trigger).catch((error: unknown) => {
      console.error('Attune could not update the presence nudge.', error);
    });
  };
  browser.tabs.onActivated.addListener(() => run({ kind: 'attention', at: Date.now() }));
  browser.windows.onFocusChanged.addListener((windowId) => run({ kind: 'attention', at: Date.now(), windowId }));
  // A page loading in the tab in front changes what the clinician looks at (a new tab becoming their records system).
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    if (tab.active && (change.url !== undefined || change.status === 'complete')) run({ kind: 'attention', at: Date.now() });
  });
  browser.tabs.onRemoved.addListener((tabId) => run({ kind: 'tab-closed', at: Date.now(), tabId }));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(PRESENCE_ALARM_PREFIX)) run({ kind: 'check', at: Date.now() });
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' || area === 'managed') && Object.keys(changes).some((key) => key.startsWith('presence.'))) {
      run({ kind: 'check', at: Date.now() });
    }
  });
}
