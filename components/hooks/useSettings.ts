import { useEffect, useState } from 'preact/hooks';
import {
  defaultSettings,
  onSettingsChangedWithProblems,
  readSettingsWithProblems,
  SETTING_KEYS,
  writeSetting,
  type SettingKey,
  type Settings,
} from '../../utils/settings';

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
  useEffect(() => {
    readSettingsWithProblems()
      .then((loaded) => {
        setSettings(loaded.settings);
        setProblems(loaded.problems);
        setLockedKeys(loaded.lockedKeys);
      })
      .catch(onError);
    return onSettingsChangedWithProblems((loaded) => {
      setSettings(loaded.settings);
      setLockedKeys(loaded.lockedKeys);
    });
  }, []);
  const change = (changes: Partial<Settings>) => {
    const keys = SETTING_KEYS.filter((key) => key in changes);
    // Each value is validated as it is written; one that fails, or that the practice sets, is refused with a message naming it.
    Promise.all(keys.map((key) => writeSetting(key, changes[key] as Settings[typeof key])))
      .then(() => readSettingsWithProblems())
      .then((loaded) => {
        setSettings(loaded.settings);
        setLockedKeys(loaded.lockedKeys);
      })
      .catch(onError);
  };
  return [settings, problems, change, lockedKeys];
}
