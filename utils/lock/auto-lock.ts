/**
 * Auto-lock, run by the background: Attune locks when the computer's screen locks, and when the computer has had no
 * keyboard or mouse use for `lock.autoLockMinutes` (the browser's idle detection, which needs the `idle` permission).
 * `lock.warningSeconds` before that, every open Attune page warns and offers "Stay unlocked" (utils/lock/auto-lock-plan.ts
 * decides; this file applies the decision). Locking drops the unlocked secret from storage.session, so every Attune page
 * shows its unlock screen. The warning lives in storage.session and its end in an alarm, so both outlast a stopped
 * service worker; any extension page can apply a step, which is how "Stay unlocked" works from the panel or popup.
 */
import { browser } from '../browser';
import { onSettingsChanged, readSettings } from '../settings';
import { autoLockTiming, autoLockWarningSchema, nextAutoLockStep, type AutoLockEvent, type AutoLockWarning } from './auto-lock-plan';
import { lockNow, readLockRecord, unlockedKeys } from './state';

export type IdleState = 'active' | 'idle' | 'locked';

export const AUTO_LOCK_WARNING_KEY = 'lock.autoLockWarning';
const WARNING_ALARM = 'attune-auto-lock';
const RECHECK_ALARM = 'attune-auto-lock-recheck';

/** The warning shown now, if any; a damaged value counts as none (it can only delay a lock, never prevent the next). */
export async function readAutoLockWarning(): Promise<AutoLockWarning | undefined> {
  const stored: Record<string, unknown> = await browser.storage.session.get(AUTO_LOCK_WARNING_KEY);
  const parsed = autoLockWarningSchema.safeParse(stored[AUTO_LOCK_WARNING_KEY]);
  return parsed.success ? parsed.data : undefined;
}

async function currentTiming() {
  const settings = await readSettings();
  return autoLockTiming(settings['lock.autoLockMinutes'], settings['lock.warningSeconds']);
}

let steps: Promise<void> = Promise.resolve();

/** Decides and applies one auto-lock step; steps run one at a time in this context. */
export function applyAutoLockEvent(event: AutoLockEvent, now = Date.now()): Promise<void> {
  steps = steps.catch(() => undefined).then(async () => {
    const [record, keys, warning, timing] = await Promise.all([readLockRecord(), unlockedKeys(), readAutoLockWarning(), currentTiming()]);
    const step = nextAutoLockStep(event, { now, unlocked: record !== undefined && keys !== undefined, warning, timing });
    if (step.warning === undefined) {
      await browser.alarms.clear(WARNING_ALARM);
      await browser.storage.session.remove(AUTO_LOCK_WARNING_KEY);
    } else if (step.warning.locksAt !== warning?.locksAt) {
      await browser.storage.session.set({ [AUTO_LOCK_WARNING_KEY]: step.warning });
      browser.alarms.create(WARNING_ALARM, { when: step.warning.locksAt });
    }
    if (step.recheckAt !== undefined) browser.alarms.create(RECHECK_ALARM, { when: step.recheckAt });
    if (step.lock) await lockNow();
  });
  return steps;
}

/** The clinician chose "Stay unlocked": the warning ends, and idleness is checked again a full detection period later. */
export function stayUnlocked(): Promise<void> {
  return applyAutoLockEvent({ kind: 'stay-unlocked' });
}

/** Locks Attune if the computer has gone idle or its screen has locked while the lock is on (warning first when idle). */
export async function lockOnIdleState(state: IdleState): Promise<void> {
  await applyAutoLockEvent({ kind: 'idle-state', state });
}

export function registerAutoLock(): void {
  const report = (error: unknown) => console.error('Attune could not lock itself.', error);
  browser.idle.onStateChanged.addListener((state) => void lockOnIdleState(state).catch(report));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WARNING_ALARM) void applyAutoLockEvent({ kind: 'warning-ended' }).catch(report);
    if (alarm.name === RECHECK_ALARM) {
      void currentTiming()
        .then((timing) => browser.idle.queryState(timing.detectionSeconds))
        .then((state) => applyAutoLockEvent({ kind: 'idle-state', state }))
        .catch(report);
    }
  });
  const applyInterval = async () => browser.idle.setDetectionInterval((await currentTiming()).detectionSeconds);
  void applyInterval().catch(report);
  onSettingsChanged(() => void applyInterval().catch(report));
}
