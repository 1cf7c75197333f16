import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../utils/browser';
import { AUTO_LOCK_WARNING_KEY, readAutoLockWarning } from '../../utils/lock/auto-lock';
import type { AutoLockWarning } from '../../utils/lock/auto-lock-plan';

/** The auto-lock warning the background is running now, if any; follows it as it starts, is extended or ends. */
export function useAutoLockWarning(): AutoLockWarning | undefined {
  const [warning, setWarning] = useState<AutoLockWarning>();
  useEffect(() => {
    const refresh = () => void readAutoLockWarning().then(setWarning, () => setWarning(undefined));
    refresh();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && AUTO_LOCK_WARNING_KEY in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return warning;
}
