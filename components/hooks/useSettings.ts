import { useEffect, useState } from 'preact/hooks';
import {
  defaultSettings,
  onSettingsChanged,
  readSettingsWithProblems,
  SETTING_KEYS,
  writeSetting,
  type Settings,
} from '../../utils/settings';

/** Attune's settings as they apply now, stored values that could not be used, and a way for the clinician to change theirs. */
export function useSettings(onError: (error: unknown) => void): [Settings, string[], (changes: Partial<Settings>) => void] {
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    readSettingsWithProblems()
      .then((loaded) => {
        setSettings(loaded.settings);
        setProblems(loaded.problems);
      })
      .catch(onError);
    return onSettingsChanged(setSettings);
  }, []);
  const change = (changes: Partial<Settings>) => {
    const keys = SETTING_KEYS.filter((key) => key in changes);
    // Each value is validated as it is written; one that fails is refused with a message naming it.
    Promise.all(keys.map((key) => writeSetting(key, changes[key] as Settings[typeof key])))
      .then(() => readSettingsWithProblems())
      .then((loaded) => setSettings(loaded.settings))
      .catch(onError);
  };
  return [settings, problems, change];
}
