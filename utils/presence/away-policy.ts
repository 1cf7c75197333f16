/**
 * When is the clinician away from a visit in call, and what follows from it: a pure function of events and time.
 * The background feeds it attention changes (derived from tab activation and window focus), alarm wake-ups and the
 * visit's end; it answers with the new state and effects to carry out. Every duration is a difference of event
 * timestamps, so the answer is right however late the service worker wakes up, and repeated events change nothing.
 */
import type { Settings } from '../settings';

export type AwaySettings = Pick<
  Settings,
  'presence.enabled' | 'presence.awayThresholdSeconds' | 'presence.notifyWhenAway' | 'presence.notifyAfterSeconds'
>;

/** One visit in call, as the background keeps it in `storage.session`. */
export interface AwayState {
  visitId: string;
  tabId: number;
  /** When attention left the call, or null while the clinician is with it. */
  awaySince: number | null;
  /** Whether the optional notification was shown for the current away episode. */
  notified: boolean;
}

export type AwayEvent =
  /** Where attention is now: on the call (or an allow-listed host) or elsewhere. */
  | { type: 'attention'; at: number; attending: boolean }
  /** Time to look again: an alarm the policy asked for fired (possibly late), or the settings changed. */
  | { type: 'check'; at: number }
  /** The visit is no longer in call (ended, tab closed). */
  | { type: 'visit-ended'; at: number };

export type AwayEffect =
  /** An away episode longer than the threshold ended: record it; `cue` when the clinician came back to the call. */
  | { type: 'away-episode'; visitId: string; from: number; to: number; awayMs: number; cue: boolean }
  | { type: 'notify'; visitId: string; since: number }
  | { type: 'clear-notification'; visitId: string }
  /** Wake the background at this time (an alarm), to check the notification threshold. */
  | { type: 'wake-at'; visitId: string; at: number };

export interface AwayStep {
  /** The new state, or null when the visit is no longer tracked. */
  state: AwayState | null;
  effects: AwayEffect[];
  /** Whether the state changed and must be stored. */
  changed: boolean;
}

export function initialAwayState(visitId: string, tabId: number): AwayState {
  return { visitId, tabId, awaySince: null, notified: false };
}

export function stepAway(state: AwayState, event: AwayEvent, settings: AwaySettings, snoozed: boolean): AwayStep {
  const unchanged: AwayStep = { state, effects: [], changed: false };
  const thresholdMs = settings['presence.awayThresholdSeconds'] * 1000;
  const notifyAfterMs = settings['presence.notifyAfterSeconds'] * 1000;
  const notifying = settings['presence.notifyWhenAway'] && !snoozed;
  const clear: AwayEffect[] = state.notified ? [{ type: 'clear-notification', visitId: state.visitId }] : [];

  const endEpisode = (at: number, cue: boolean): AwayEffect[] => {
    if (state.awaySince === null) return [];
    const awayMs = Math.max(0, at - state.awaySince);
    if (awayMs < thresholdMs) return [];
    return [{ type: 'away-episode', visitId: state.visitId, from: state.awaySince, to: at, awayMs, cue }];
  };

  if (event.type === 'visit-ended') {
    // Time away is counted up to the end of the visit; there is no one to show a cue to any more.
    const effects = settings['presence.enabled'] ? endEpisode(event.at, false) : [];
    return { state: null, effects: [...effects, ...clear], changed: true };
  }

  // Turned off: forget any episode in progress, record nothing, stay silent.
  if (!settings['presence.enabled']) {
    if (state.awaySince === null && !state.notified) return unchanged;
    return { state: { ...state, awaySince: null, notified: false }, effects: clear, changed: true };
  }

  if (event.type === 'attention' && event.attending) {
    if (state.awaySince === null) return unchanged;
    return {
      state: { ...state, awaySince: null, notified: false },
      effects: [...endEpisode(event.at, true), ...clear],
      changed: true,
    };
  }

  if (event.type === 'attention') {
    if (state.awaySince !== null) return unchanged;
    const effects: AwayEffect[] = notifying ? [{ type: 'wake-at', visitId: state.visitId, at: event.at + notifyAfterMs }] : [];
    return { state: { ...state, awaySince: event.at, notified: false }, effects, changed: true };
  }

  // A check: notify once the clinician has been away long enough; an early check asks to be woken again.
  if (state.awaySince === null || state.notified || !notifying) return unchanged;
  const dueAt = state.awaySince + notifyAfterMs;
  if (event.at < dueAt) return { state, effects: [{ type: 'wake-at', visitId: state.visitId, at: dueAt }], changed: false };
  return {
    state: { ...state, notified: true },
    effects: [{ type: 'notify', visitId: state.visitId, since: state.awaySince }],
    changed: true,
  };
}

/** What the clinician is looking at: the focused browser window's active tab, or nothing when the browser lost focus. */
export interface AttentionView {
  /** The active tab of the focused window; null when no browser window has focus. */
  activeTab: { id: number; url?: string } | null;
}

/** Whether a URL is on a site the clinician allow-listed: the exact host, or with `*.` the host and its subdomains. */
export function isAllowedHost(url: string | undefined, allowedHosts: readonly string[]): boolean {
  if (url === undefined) return false;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return allowedHosts.some((allowed) =>
    allowed.startsWith('*.') ? host === allowed.slice(2) || host.endsWith(allowed.slice(1)) : host === allowed,
  );
}

/** Whether the clinician is with the call in `callTabId`: looking at it, or at a host they expect to use during visits. */
export function isAttending(view: AttentionView, callTabId: number, allowedHosts: readonly string[]): boolean {
  if (view.activeTab === null) return false;
  return view.activeTab.id === callTabId || isAllowedHost(view.activeTab.url, allowedHosts);
}
