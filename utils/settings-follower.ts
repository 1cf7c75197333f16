/**
 * Keeps a page's view of the settings in step with storage while the clinician's own changes are being saved. A reload
 * that began before a change was written would show the old value again and flip the control back; so while a save is
 * in flight, change notifications are not shown, and once it settles the page is shown a fresh read.
 */
import {
  onSettingsChangedWithProblems,
  readSettingsWithProblems,
  SETTING_KEYS,
  writeSetting,
  type Settings,
  type SettingsWithProblems,
} from './settings';

export interface SettingsFollower {
  /** Validates and stores each changed setting; rejects with the first refusal, naming the setting. */
  save(changes: Partial<Settings>): Promise<void>;
  /** Stops following storage. */
  stop(): void;
}

export function followSettings(show: (loaded: SettingsWithProblems) => void): SettingsFollower {
  let saving = 0;
  const stop = onSettingsChangedWithProblems((next) => {
    if (saving === 0) show(next);
  });
  const save = async (changes: Partial<Settings>): Promise<void> => {
    saving += 1;
    try {
      const keys = SETTING_KEYS.filter((key) => key in changes);
      await Promise.all(keys.map((key) => writeSetting(key, changes[key] as Settings[typeof key])));
    } finally {
      saving -= 1;
      // Shown even when the write was refused, so the control returns to the value that is really in effect.
      await readSettingsWithProblems().then(show, () => undefined);
    }
  };
  return { save, stop };
}
