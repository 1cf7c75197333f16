/**
 * Whether the clinician or the practice turned Attune off on a built-in platform (the `platforms.disabled` setting).
 * The content script reads this before anything else, so it stays small: no zod and no polyfill here. The check accepts
 * exactly what the setting's schema in utils/settings.ts accepts (a list of known platform ids), so both agree on which
 * layer applies: the practice's valid list wins, then the clinician's, then none.
 */
import { platformById } from './platforms';

export const PLATFORMS_DISABLED_KEY = 'platforms.disabled';
/**
 * The practice's `platforms.disabled` as the call-page script last read it from the policy, kept in extension storage:
 * a browser's first `storage.managed` read takes over a second, too long to hold back the panel on a call page, so the
 * call page decides from this copy at once and corrects itself when the policy arrives.
 */
export const PRACTICE_PLATFORMS_DISABLED_KEY = 'practice.platforms.disabled';
const MAX_LISTED = 20;

function platformList(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_LISTED) return undefined;
  return value.every((id) => typeof id === 'string' && platformById(id) !== undefined) ? value : undefined;
}

/** The practice's layer as the call page's last reading of the policy left it in extension storage. */
export function rememberedPractice(stored: Record<string, unknown>): Record<string, unknown> {
  return { [PLATFORMS_DISABLED_KEY]: stored[PRACTICE_PLATFORMS_DISABLED_KEY] };
}

/** True when Attune is off on `platformId`, given what extension storage (`clinician`) and the policy (`practice`) hold. */
export function isPlatformOff(platformId: string, clinician: Record<string, unknown>, practice: Record<string, unknown>): boolean {
  const disabled = platformList(practice[PLATFORMS_DISABLED_KEY]) ?? platformList(clinician[PLATFORMS_DISABLED_KEY]) ?? [];
  return disabled.includes(platformId);
}
