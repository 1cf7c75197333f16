/**
 * Auto-lock, run by the background: Attune locks when the computer's screen locks, and when the computer has had no
 * keyboard or mouse use for `lock.autoLockMinutes` (the browser's idle detection, which needs the `idle` permission).
 * Locking drops the unlocked secret from storage.session, so every Attune page shows its unlock screen.
 */
import { browser } from '../browser';
import { onSettingsChanged, readSettings } from '../settings';
import { lockNow, readLockRecord } from './state';

export type IdleState = 'active' | 'idle' | 'locked';

/** Whether an idle-state change should lock Attune: any change away from active, while the lock is on. */
export function shouldAutoLock(state: IdleState, lockIsOn: boolean): boolean {
  return lockIsOn && state !== 'active';
}

/** Locks Attune if the computer has gone idle or its screen has locked while the lock is on. */
export async function lockOnIdleState(state: IdleState): Promise<void> {
  if (shouldAutoLock(state, (await readLockRecord()) !== undefined)) await lockNow();
}

export function registerAutoLock(): void {
  browser.idle.onStateChanged.addListener((state) => {
    void lockOnIdleState(state).catch((error: unknown) => console.error('Attune could not lock itself.', error));
  });
  const applyInterval = (minutes: number) => browser.idle.setDetectionInterval(minutes * 60);
  void readSettings().then((settings) => applyInterval(settings['lock.autoLockMinutes']));
  onSettingsChanged((settings) => applyInterval(settings['lock.autoLockMinutes']));
}
