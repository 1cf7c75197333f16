/**
 * The repository boundary of the lock: a protected text field is sealed on its way into IndexedDB when the lock is on,
 * and opened on its way out. Records written before the lock was turned on (or while it is being turned on) may still be
 * plain; those are read as they are and sealed by the lock's conversion pass.
 */
import { isSealed, openText, sealText } from '../crypto/cipher';
import { readLockRecord, requireKeys } from './state';

/** `text` as it is to be stored: sealed when the lock is on (which needs this page unlocked), otherwise unchanged. */
export async function sealForStorage(text: string): Promise<string> {
  const record = await readLockRecord();
  if (record === undefined || record.phase === 'opening') return text;
  return sealText((await requireKeys()).recordKey, text);
}

/** A stored field as the clinician wrote it; a sealed one needs this page unlocked. */
export async function openFromStorage(stored: string): Promise<string> {
  if (!isSealed(stored)) return stored;
  return openText((await requireKeys()).recordKey, stored);
}
