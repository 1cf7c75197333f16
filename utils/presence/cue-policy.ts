/**
 * Which presence cue the panel shows, and when: a pure function of events and time. The panel feeds it what it knows
 * (the clinician came back from being away, typed, opened the check-in, the page was hidden, time passed, they
 * snoozed); it answers with the new state, the cue to show (if any) and when to look again, so the panel needs one
 * timer, never a poll.
 */
import type { Settings } from '../settings';
import { nextPrompt, type PresencePrompt } from './prompts';

export type CueSettings = Pick<Settings, 'presence.enabled' | 'presence.awayCue' | 'presence.periodicMinutes'>;

/** A keystroke in the panel within this long means the clinician is typing, and a periodic prompt waits. */
export const TYPING_QUIET_MS = 8_000;

export interface PresenceCue {
  /** Unique per showing. */
  id: string;
  kind: PresencePrompt['kind'];
  promptId: string;
  /** For a return cue: how long the clinician was away. */
  awayMs: number | null;
  shownAt: number;
}

export interface CueState {
  /** When counting towards the next periodic prompt started: the visit's start or the last cue shown. */
  periodicFrom: number;
  /** The last prompt of each kind, so the same one never comes twice in a row. */
  lastPromptIds: { return: string | null; periodic: string | null };
  /** Snoozed for the rest of the visit. */
  snoozed: boolean;
  lastTypedAt: number | null;
  checkInOpen: boolean;
  pageHidden: boolean;
}

export type CueEvent =
  | { type: 'returned'; at: number; awayMs: number }
  | { type: 'tick'; at: number }
  | { type: 'typed'; at: number }
  | { type: 'check-in'; at: number; open: boolean }
  | { type: 'page-visibility'; at: number; hidden: boolean }
  | { type: 'snoozed'; at: number };

export interface CueStep {
  state: CueState;
  show: PresenceCue | null;
  /** When to send the next `tick`, or null when only another event can bring a cue. */
  nextCheckAt: number | null;
}

export function initialCueState(visitStartedAt: number): CueState {
  return {
    periodicFrom: visitStartedAt,
    lastPromptIds: { return: null, periodic: null },
    snoozed: false,
    lastTypedAt: null,
    checkInOpen: false,
    pageHidden: false,
  };
}

/** When the next periodic prompt may be shown, or null when none is coming. */
export function periodicDueAt(state: CueState, settings: CueSettings): number | null {
  const minutes = settings['presence.periodicMinutes'];
  if (!settings['presence.enabled'] || minutes === 0 || state.snoozed || state.checkInOpen || state.pageHidden) return null;
  const due = state.periodicFrom + minutes * 60_000;
  // Held back while the clinician is typing in the panel: it comes once they pause.
  return state.lastTypedAt === null ? due : Math.max(due, state.lastTypedAt + TYPING_QUIET_MS);
}

function observe(state: CueState, event: CueEvent): CueState {
  switch (event.type) {
    case 'typed':
      return { ...state, lastTypedAt: event.at };
    // Closing the check-in counts as activity, so a prompt does not pounce the moment it closes.
    case 'check-in':
      return { ...state, checkInOpen: event.open, lastTypedAt: event.open ? state.lastTypedAt : event.at };
    case 'page-visibility':
      return { ...state, pageHidden: event.hidden };
    case 'snoozed':
      return { ...state, snoozed: true };
    default:
      return state;
  }
}

function shown(state: CueState, prompt: PresencePrompt, at: number, awayMs: number | null): CueStep['show'] {
  return { id: `${prompt.id}@${at}`, kind: prompt.kind, promptId: prompt.id, awayMs, shownAt: at };
}

export function stepCue(before: CueState, event: CueEvent, settings: CueSettings): CueStep {
  let state = observe(before, event);
  let show: PresenceCue | null = null;
  const quiet = !settings['presence.enabled'] || state.snoozed;

  if (event.type === 'returned' && !quiet && settings['presence.awayCue']) {
    const prompt = nextPrompt('return', state.lastPromptIds.return);
    show = shown(state, prompt, event.at, event.awayMs);
    state = { ...state, periodicFrom: event.at, lastPromptIds: { ...state.lastPromptIds, return: prompt.id } };
  } else {
    const due = periodicDueAt(state, settings);
    if (due !== null && event.at >= due) {
      const prompt = nextPrompt('periodic', state.lastPromptIds.periodic);
      show = shown(state, prompt, event.at, null);
      state = { ...state, periodicFrom: event.at, lastPromptIds: { ...state.lastPromptIds, periodic: prompt.id } };
    }
  }
  return { state, show, nextCheckAt: periodicDueAt(state, settings) };
}
