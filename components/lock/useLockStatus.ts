import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../utils/browser';
import { onLockChanged, readLockRecord, unlockedKeys } from '../../utils/lock/state';

/** `off`, `locked` (on, and this page holds no keys) or `unlocked`; undefined while loading. */
export type LockStatus = 'off' | 'locked' | 'unlocked';

export function useLockStatus(): { status: LockStatus | undefined; problem: string | undefined; refresh: () => void } {
  const [status, setStatus] = useState<LockStatus>();
  const [problem, setProblem] = useState<string>();
  const refresh = () =>
    void Promise.all([readLockRecord(), unlockedKeys()]).then(
      ([record, keys]) => setStatus(record === undefined ? 'off' : keys === undefined ? 'locked' : 'unlocked'),
      (failure: unknown) => setProblem(failure instanceof Error ? failure.message : String(failure)),
    );
  useEffect(() => {
    refresh();
    const stopLock = onLockChanged(refresh);
    // Another page turning the lock on or off changes what this page must show.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'lock.keyring' in changes) refresh();
    };
    browser.storage.onChanged.addListener(onStorage);
    return () => {
      stopLock();
      browser.storage.onChanged.removeListener(onStorage);
    };
  }, []);
  return { status, problem, refresh };
}
