/**
 * Attune's settings as layers, each later layer winning field by field: Attune's defaults ← the clinician's own choices
 * (extension storage) ← (later) the practice's managed policy. Every layer is validated field by field: a bad value in
 * one layer is reported and ignored, and the value beneath it stands.
 */
import { z } from 'zod';
import { browser } from './browser';
import { DEFAULT_PLANNED_MINUTES, describeIssues } from './models';

export const MINUTES_LEFT_CUE_OPTIONS = [15, 10, 5] as const;

export const timeCuesSchema = z.object({
  /** A quiet cue when half the planned time has gone. */
  halfway: z.boolean(),
  /** Cues when this many minutes of the planned time are left (e.g. 10 and 5). */
  minutesLeft: z.array(z.number().int().min(1).max(120)).max(6),
  /** A cue when the planned time is up. */
  atEnd: z.boolean(),
});
export type TimeCues = z.infer<typeof timeCuesSchema>;

export const settingsSchema = z.object({
  defaultPlannedMinutes: z.number().int().min(5).max(240),
  timeCues: timeCuesSchema,
  /** A cue when the current agenda item runs past its time box. */
  agendaOverrunCue: z.boolean(),
  /** A reminder at the midpoint when no agenda item has touched any of the client's goals. */
  goalReminder: z.boolean(),
  snoozeMinutes: z.number().int().min(1).max(30),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsLayer = Partial<Settings>;

export const DEFAULT_SETTINGS: Settings = {
  defaultPlannedMinutes: DEFAULT_PLANNED_MINUTES,
  timeCues: { halfway: true, minutesLeft: [10, 5], atEnd: true },
  agendaOverrunCue: true,
  goalReminder: true,
  snoozeMinutes: 5,
};

/** The clinician's layer in `storage.local`. */
export const CLINICIAN_SETTINGS_KEY = 'clinicianSettings';

const settingKeys = settingsSchema.keyof().options;

/** A stored setting that could not be used: which one (or `*` for the whole layer) and why. */
export interface SettingsProblem {
  setting: string;
  reason: string;
}

/** The valid fields of one stored layer, and the fields that were not valid. */
export function readLayer(stored: unknown): { layer: SettingsLayer; problems: SettingsProblem[] } {
  const layer: SettingsLayer = {};
  const problems: SettingsProblem[] = [];
  if (stored === undefined) return { layer, problems };
  if (typeof stored !== 'object' || stored === null) {
    return { layer, problems: [{ setting: '*', reason: `expected a set of values, found ${typeof stored}` }] };
  }
  for (const key of settingKeys) {
    if (!(key in stored)) continue;
    const result = settingsSchema.shape[key].safeParse(Reflect.get(stored, key));
    if (result.success) Object.assign(layer, { [key]: result.data });
    else problems.push({ setting: key, reason: describeIssues(result.error) });
  }
  return { layer, problems };
}

/** Merges layers in order; a later layer's field replaces an earlier one's. */
export function resolveSettings(...layers: readonly SettingsLayer[]): Settings {
  return Object.assign({}, DEFAULT_SETTINGS, ...layers);
}

export interface LoadedSettings {
  settings: Settings;
  clinician: SettingsLayer;
  problems: SettingsProblem[];
}

export async function loadSettings(): Promise<LoadedSettings> {
  const stored: unknown = (await browser.storage.local.get(CLINICIAN_SETTINGS_KEY))[CLINICIAN_SETTINGS_KEY];
  const { layer, problems } = readLayer(stored);
  return { settings: resolveSettings(layer), clinician: layer, problems };
}

/** Saves the clinician's changes on top of their earlier choices. Bad values are refused with a reason; nothing is saved. */
export async function saveClinicianSettings(changes: SettingsLayer): Promise<Settings> {
  const checked = settingsSchema.partial().strict().safeParse(changes);
  if (!checked.success) throw new Error(`The settings were not saved: ${describeIssues(checked.error)}.`);
  const { clinician } = await loadSettings();
  const next = { ...clinician, ...checked.data };
  await browser.storage.local.set({ [CLINICIAN_SETTINGS_KEY]: next });
  return resolveSettings(next);
}
