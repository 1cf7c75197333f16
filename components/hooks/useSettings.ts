import { useEffect, useRef, useState } from 'preact/hooks';
import { followSettings, type SettingsFollower } from '../../utils/settings-follower';
import { defaultSettings, readSettingsWithProblems, type SettingKey, type Settings } from '../../utils/settings';

/**
 * Attune's settings as they apply now, stored values that could not be used, a way for the clinician to change theirs,
 * and the settings the practice sets (shown as such, and not changeable).
 */
export function useSettings(
  onError: (error: unknown) => void,
): [Settings, string[], (changes: Partial<Settings>) => void, SettingKey[]] {
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [problems, setProblems] = useState<string[]>([]);
  const [lockedKeys, setLockedKeys] = useState<SettingKey[]>([]);
  const follower = useRef<SettingsFollower>();
  useEffect(() => {
    readSettingsWithProblems()
      .then((loaded) => {
        setSettings(loaded.settings);
        setProblems(loaded.problems);
        setLockedKeys(loaded.lockedKeys);
      })
      .catch(onError);
    // A reload that began before the clinician's change does not flip the control back while it saves.
    follower.current = followSettings((loaded) => {
      setSettings(loaded.settings);
      setLockedKeys(loaded.lockedKeys);
    });
    return () => follower.current?.stop();
  }, []);
  // Each value is validated as it is written; one that fails, or that the practice sets, is refused with a message naming it.
  const change = (changes: Partial<Settings>) => void follower.current?.save(changes).catch(onError);
  return [settings, problems, change, lockedKeys];
}
