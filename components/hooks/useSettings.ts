import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, loadSettings, saveClinicianSettings, type Settings, type SettingsLayer, type SettingsProblem } from '../../utils/settings';

/** Attune's settings as they apply now, what could not be read, and a way for the clinician to change theirs. */
export function useSettings(onError: (error: unknown) => void): [Settings, SettingsProblem[], (changes: SettingsLayer) => void] {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  useEffect(() => {
    loadSettings()
      .then((loaded) => {
        setSettings(loaded.settings);
        setProblems(loaded.problems);
      })
      .catch(onError);
  }, []);
  const change = (changes: SettingsLayer) => {
    saveClinicianSettings(changes).then(setSettings).catch(onError);
  };
  return [settings, problems, change];
}
