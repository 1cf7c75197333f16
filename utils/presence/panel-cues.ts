/**
 * The panel's side of the presence nudge: feeds the pure cue policy what the panel knows (the background's "came
 * back" signal in `storage.session`, typing, the check-in, page visibility, time), keeps one timer for the next
 * periodic prompt (never a poll), remembers the rhythm across panel reloads and counts cues in the visit's summary.
 */
import { browser } from '../browser';
import { addToPresenceSummary } from '../db/presence';
import { readSettings, SETTING_KEYS, type Settings } from '../settings';
import { changedPolicy } from '../policy-copy';
import { initialCueState, stepCue, type CueEvent, type CueState, type PresenceCue } from './cue-policy';
import { awayReturnSchema, readCueMemory, returnedKey, writeCueMemory } from './session';

export interface PanelCues {
  typed(at: number): void;
  checkIn(open: boolean, at: number): void;
  acknowledge(cue: PresenceCue, at: number): void;
  snooze(at: number): void;
  dispose(): void;
}

export interface PanelCueOptions {
  visitId: string;
  visitStartedAt: number;
  now: () => number;
  onCue: (cue: PresenceCue) => void;
  onError: (error: unknown) => void;
  document?: Document;
}

export function startPanelCues({ visitId, visitStartedAt, now, onCue, onError, document }: PanelCueOptions): PanelCues {
  let state: CueState = initialCueState(visitStartedAt);
  let settings: Settings | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const pending: CueEvent[] = [];

  const remember = () =>
    writeCueMemory(visitId, { periodicFrom: state.periodicFrom, lastPromptIds: state.lastPromptIds, snoozed: state.snoozed });

  const feed = (event: CueEvent) => {
    if (disposed) return;
    if (settings === undefined) {
      pending.push(event);
      return;
    }
    const before = state;
    const step = stepCue(state, event, settings);
    state = step.state;
    clearTimeout(timer);
    timer = step.nextCheckAt === null ? undefined : setTimeout(() => feed({ type: 'tick', at: now() }), Math.max(0, step.nextCheckAt - now()));
    if (step.show !== null) {
      onCue(step.show);
      void addToPresenceSummary(visitId, { cuesShown: 1 }, event.at).catch(onError);
    }
    if (before.periodicFrom !== state.periodicFrom || before.snoozed !== state.snoozed) void remember().catch(onError);
  };

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const returned = changes[returnedKey(visitId)];
    if (area === 'session' && returned !== undefined) {
      const parsed = awayReturnSchema.safeParse(returned.newValue);
      if (parsed.success) feed({ type: 'returned', at: now(), awayMs: parsed.data.awayMs });
    }
    if ((area === 'local' && SETTING_KEYS.some((key) => key in changes)) || changedPolicy(changes, area, SETTING_KEYS)) {
      void readSettings().then((next) => {
        settings = next;
        feed({ type: 'tick', at: now() });
      }, onError);
    }
  };
  const onVisibility = () => feed({ type: 'page-visibility', at: now(), hidden: document?.visibilityState === 'hidden' });

  browser.storage.onChanged.addListener(onStorage);
  document?.addEventListener('visibilitychange', onVisibility);
  void Promise.all([readSettings(), readCueMemory(visitId)])
    .then(([loaded, memory]) => {
      if (memory !== undefined) state = { ...state, ...memory };
      state = { ...state, pageHidden: document?.visibilityState === 'hidden' };
      settings = loaded;
      for (const event of [...pending.splice(0), { type: 'tick', at: now() } as const]) feed(event);
    })
    .catch(onError);

  return {
    typed: (at) => feed({ type: 'typed', at }),
    checkIn: (open, at) => feed({ type: 'check-in', at, open }),
    acknowledge: (_cue, at) => void addToPresenceSummary(visitId, { cuesAcknowledged: 1 }, at).catch(onError),
    snooze: (at) => feed({ type: 'snoozed', at }),
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(onStorage);
      document?.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
