/**
 * Whether the clinician or the practice turned Attune off on a built-in platform (the `platforms.disabled` setting).
 * The content script reads this before anything else, so it stays small: no zod and no polyfill here. The check accepts
 * exactly what the setting's schema in utils/settings.ts accepts (a list of known platform ids), so both agree on which
 * layer applies: the practice's valid list wins, then the clinician's, then none.
 */
import { platformById } from './platforms';

export const PLATFORMS_DISABLED_KEY = 'platforms.disabled';
/**
 * The practice's policy as the background last read it from the browser's policy store, kept in extension storage
 * (utils/policy-copy.ts keeps it up to date from start-up on and whenever the policy changes). The call-page script
 * decides from it and never reads the policy store itself: a context's first read of that store takes seconds, or
 * sometimes never answers. A practice setting, never clinical data.
 */
export const LAST_POLICY_KEY = 'practicePolicyLastRead';
const MAX_LISTED = 20;

function platformList(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_LISTED) return undefined;
  return value.every((id) => typeof id === 'string' && platformById(id) !== undefined) ? value : undefined;
}

/** Whether `value` has the shape of a policy: an object of settings by key (each value is checked where it is used). */
export function isPolicy(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The practice's policy as extension storage (`stored`) last holds it: empty before the background first read it. */
export function lastPolicy(stored: Record<string, unknown>): Record<string, unknown> {
  const last = stored[LAST_POLICY_KEY];
  return isPolicy(last) ? last : {};
}

/** True when Attune is off on `platformId`, given what extension storage (`clinician`) and the policy (`practice`) hold. */
export function isPlatformOff(platformId: string, clinician: Record<string, unknown>, practice: Record<string, unknown>): boolean {
  const disabled = platformList(practice[PLATFORMS_DISABLED_KEY]) ?? platformList(clinician[PLATFORMS_DISABLED_KEY]) ?? [];
  return disabled.includes(platformId);
}
