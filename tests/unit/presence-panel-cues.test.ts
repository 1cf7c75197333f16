import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getPresenceSummary } from '../../utils/db/presence';
import type { PresenceCue } from '../../utils/presence/cue-policy';
import { startPanelCues, type PanelCues } from '../../utils/presence/panel-cues';
import { announceReturn, cuesKey, readCueMemory } from '../../utils/presence/session';
import { writeSetting } from '../../utils/settings';

const VISIT = '3b0f6a8e-2c4d-4e7f-9a1b-5c6d7e8f9a0b';
const T0 = Date.UTC(2025, 0, 6, 9, 0);
const MINUTE = 60_000;

let shown: PresenceCue[];
let cues: PanelCues | undefined;
const errors: unknown[] = [];

function start(): PanelCues {
  cues = startPanelCues({
    visitId: VISIT,
    visitStartedAt: T0,
    now: Date.now,
    onCue: (cue) => shown.push(cue),
    onError: (error) => errors.push(error),
  });
  return cues;
}

/** Lets storage and IndexedDB promises settle while fake time stands still. */
const settle = async () => {
  for (let i = 0; i < 20; i += 1) await vi.advanceTimersByTimeAsync(0);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
  shown = [];
  errors.length = 0;
});

afterEach(() => {
  cues?.dispose();
  vi.useRealTimers();
  expect(errors).toEqual([]);
});

describe('the panel’s presence cues', () => {
  it('shows a return cue when the background says the clinician came back, and counts it', async () => {
    start();
    await settle();
    await announceReturn(VISIT, { from: T0, to: T0 + 48_000, awayMs: 48_000 });
    await settle();
    expect(shown).toEqual([expect.objectContaining({ kind: 'return', promptId: 'return-summarise', awayMs: 48_000 })]);
    await vi.waitFor(async () => expect(await getPresenceSummary(VISIT)).toMatchObject({ cuesShown: 1 }));
  });

  it('brings the periodic prompt with one timer, holding it back while the clinician types', async () => {
    await writeSetting('presence.periodicMinutes', 10);
    const panel = start();
    await settle();
    await vi.advanceTimersByTimeAsync(9 * MINUTE + 58_000);
    panel.typed(Date.now());
    await vi.advanceTimersByTimeAsync(5_000);
    expect(shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(shown).toEqual([expect.objectContaining({ kind: 'periodic', promptId: 'breathe' })]);
    expect(shown[0]?.shownAt).toBe(T0 + 9 * MINUTE + 58_000 + 8_000);
  });

  it('remembers the rhythm and the snooze across a panel reload', async () => {
    await writeSetting('presence.periodicMinutes', 10);
    start();
    await settle();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(shown.map((cue) => cue.promptId)).toEqual(['breathe']);
    cues?.dispose();

    // The panel reloads: the next prompt continues the rotation, ten minutes after the last one.
    start();
    await settle();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(shown.map((cue) => cue.promptId)).toEqual(['breathe', 'affect']);

    cues?.snooze(Date.now());
    await settle();
    expect(await readCueMemory(VISIT)).toMatchObject({ snoozed: true });
    cues?.dispose();
    start();
    await settle();
    await announceReturn(VISIT, { from: T0, to: T0 + 60_000, awayMs: 60_000 });
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(shown.map((cue) => cue.promptId)).toEqual(['breathe', 'affect']);
  });

  it('picks up a settings change at once', async () => {
    start();
    await settle();
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(shown).toEqual([]);
    await writeSetting('presence.periodicMinutes', 10);
    await settle();
    // The visit is 30 minutes in, so a prompt is already due.
    expect(shown.map((cue) => cue.kind)).toEqual(['periodic']);
  });

  it('ignores a damaged remembered rhythm', async () => {
    await fakeBrowser.storage.session.set({ [cuesKey(VISIT)]: { snoozed: 'yes' } });
    await writeSetting('presence.periodicMinutes', 10);
    start();
    await settle();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(shown).toHaveLength(1);
  });
});
