import { useEffect, useRef, useState } from 'preact/hooks';
import { followSettings, type SettingsFollower } from '../../utils/settings-follower';
import { defaultSettings, type SettingKey, type Settings, type SettingsWithProblems } from '../../utils/settings';

/**
 * Attune's settings as they apply now, stored values that could not be used, a way for the clinician to change theirs,
 * and the settings the practice sets (shown as such, and not changeable).
 */
export function useSettings(
  onError: (error: unknown) => void,
): [Settings, string[], (changes: Partial<Settings>) => void, SettingKey[]] {
  // Until the first read: Attune's defaults, nothing ignored, nothing set by the practice.
  const [loaded, setLoaded] = useState<SettingsWithProblems>(() => ({
    settings: defaultSettings(),
    problems: [],
    policyProblems: [],
    lockedKeys: [],
    practiceHosts: [],
  }));
  const follower = useRef<SettingsFollower>();
  useEffect(() => {
    // The clinician's change shows at once; a read that began before it never flips the control back.
    follower.current = followSettings(setLoaded, { onLoadError: onError, showing: loaded });
    return () => follower.current?.stop();
  }, []);
  // Each value is validated as it is written; one that fails, or that the practice sets, is refused with a message naming it.
  const change = (changes: Partial<Settings>) => void follower.current?.save(changes).catch(onError);
  return [loaded.settings, loaded.problems, change, loaded.lockedKeys];
}
