import { t } from '../i18n';

/**
 * What a failed write means to the clinician. A full disk (the browser's QuotaExceededError, thrown or as the reason a
 * transaction aborted) gets a sentence that says so and what to do; anything else keeps its own message.
 */
export function storageErrorText(error: unknown): string {
  if (isQuotaError(error)) return t('storageFull');
  return error instanceof Error ? error.message : String(error);
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name: unknown = Reflect.get(error, 'name');
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}
