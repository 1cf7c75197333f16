/**
 * Attune's settings: defaults ← the clinician's own values (extension storage) — and, later, ← a practice policy,
 * which wins. Each layer is checked key by key: an invalid value is ignored (and reported), never half-applied.
 */
import { z } from 'zod';
import { browser } from './browser';
import { describeIssues } from './models';

export const settingsSchema = z.object({
  /** Minutes before the planned end of a visit at which the panel offers the check-in. */
  'checkIn.promptMinutesBeforeEnd': z.number().int().min(1).max(60),
  /** The instrument new check-ins use, as `id@version`: Attune's own, or one the practice loaded. */
  'checkIn.instrument': z.string().regex(/^[a-z][a-z0-9-]{1,59}@[^@\s]{1,20}$/, 'must be an instrument id and version, as id@version'),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  'checkIn.promptMinutesBeforeEnd': 5,
  'checkIn.instrument': 'attune-brief-check-in@1',
};

/** The extension-storage key holding the clinician's own values. */
export const CLINICIAN_SETTINGS_KEY = 'settings.clinician';

export interface ResolvedSettings {
  settings: Settings;
  /** Values that were ignored, each naming the key and the problem. */
  problems: string[];
}

/** Applies each layer over the defaults in order (later layers win). Pure. */
export function resolveSettings(layers: readonly unknown[]): ResolvedSettings {
  const accepted: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  const shape = settingsSchema.shape;
  for (const layer of layers) {
    if (layer === undefined) continue;
    if (typeof layer !== 'object' || layer === null) {
      problems.push('(settings): must be an object');
      continue;
    }
    for (const [key, schema] of Object.entries(shape)) {
      if (!(key in layer)) continue;
      const parsed = schema.safeParse(Reflect.get(layer, key));
      if (parsed.success) accepted[key] = parsed.data;
      else problems.push(`${key}: ${describeIssues(parsed.error)}`);
    }
  }
  // Every value was checked on its own above, so the whole always passes.
  return { settings: settingsSchema.parse(accepted), problems };
}

export async function loadSettings(): Promise<ResolvedSettings> {
  const stored = await browser.storage.local.get(CLINICIAN_SETTINGS_KEY);
  return resolveSettings([stored[CLINICIAN_SETTINGS_KEY]]);
}

export class InvalidSettingError extends Error {
  override name = 'InvalidSettingError';
}

/** Saves one of the clinician's settings; an invalid value is refused with the reason and nothing changes. */
export async function saveClinicianSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
  const parsed = settingsSchema.shape[key].safeParse(value);
  if (!parsed.success) throw new InvalidSettingError(`The setting was not saved: ${key}: ${describeIssues(parsed.error)}.`);
  const stored: unknown = (await browser.storage.local.get(CLINICIAN_SETTINGS_KEY))[CLINICIAN_SETTINGS_KEY];
  const current = typeof stored === 'object' && stored !== null ? stored : {};
  await browser.storage.local.set({ [CLINICIAN_SETTINGS_KEY]: { ...current, [key]: parsed.data } });
}
