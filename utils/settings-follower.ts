/**
 * Keeps a page's view of the settings in step with storage while the clinician changes them. A control shows the
 * clinician's choice at once, and nothing read before that choice was stored may flip it back: a read that a later
 * read or save has overtaken is dropped, and while a save is in flight no read is shown. Once the last save settles the
 * page is shown a fresh read, so a refused change returns its control to the value really in effect.
 */
import {
  onSettingsStored,
  readSettingsWithProblems,
  SETTING_KEYS,
  writeSetting,
  type SettingKey,
  type Settings,
  type SettingsWithProblems,
} from './settings';

export interface SettingsFollower {
  /** Shows the change at once, then validates and stores each changed setting; rejects with the first refusal, naming the setting. */
  save(changes: Partial<Settings>): Promise<void>;
  /** Stops following storage. */
  stop(): void;
}

export interface FollowOptions {
  /** Hears a failure of the first read (a later one is followed by another read). */
  onLoadError?: (error: unknown) => void;
  /** What the page shows until the first read, if anything: a change made before then is shown on top of it. */
  showing?: SettingsWithProblems;
}

/** Reads the settings now and after every change, calling `show` with each read that is still current. */
export function followSettings(
  show: (loaded: SettingsWithProblems) => void,
  { onLoadError = () => undefined, showing }: FollowOptions = {},
): SettingsFollower {
  let saving = 0;
  // Numbers each read and each save as it begins: a read is shown only if nothing began after it.
  let latest = 0;
  let shown = showing;
  const display = (loaded: SettingsWithProblems) => {
    shown = loaded;
    show(loaded);
  };
  const refresh = async (): Promise<void> => {
    const ticket = ++latest;
    const loaded = await readSettingsWithProblems();
    if (ticket === latest && saving === 0) display(loaded);
  };
  refresh().catch(onLoadError);
  const stop = onSettingsStored(() => void refresh().catch(() => undefined));

  const save = async (changes: Partial<Settings>): Promise<void> => {
    saving += 1;
    latest += 1;
    const before = shown;
    if (shown !== undefined) display({ ...shown, settings: { ...shown.settings, ...changes } });
    const keys = SETTING_KEYS.filter((key) => key in changes);
    let refusedKeys: SettingKey[] = [];
    try {
      // Every write settles before the closing read, even when one is refused: a read while another is still being
      // written would show that control's old value.
      const outcomes = await Promise.allSettled(keys.map((key) => writeSetting(key, changes[key] as Settings[typeof key])));
      refusedKeys = keys.filter((_, index) => outcomes[index]?.status === 'rejected');
      const refused = outcomes.find((outcome) => outcome.status === 'rejected');
      if (refused !== undefined) throw refused.reason;
    } finally {
      saving -= 1;
      const closing = latest + 1;
      await refresh().catch(() => {
        // Without the closing read, a refused control would keep showing the value that was refused: it goes back
        // to what it showed before this change, unless something newer has been shown since.
        if (closing !== latest || saving !== 0 || shown === undefined || before === undefined || refusedKeys.length === 0) return;
        const restored = Object.fromEntries(refusedKeys.map((key) => [key, before.settings[key]]));
        display({ ...shown, settings: { ...shown.settings, ...restored } });
      });
    }
  };
  return { save, stop };
}
