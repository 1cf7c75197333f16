/**
 * Whether the lock is on, and this page's unlocked keys. The keyring (the master secret sealed under the passphrase) is
 * kept in the extension's storage.local, which web pages cannot reach; Attune's call-page script never reads it, and it
 * is useless without the passphrase. The unlocked keys are non-extractable CryptoKeys held only in this page's memory:
 * each extension page unlocks for itself, and closing it, or locking, forgets them.
 */
import { z } from 'zod';
import { browser } from '../browser';
import { keyringSchema, unlockKeyring, type Keyring, type UnlockedKeys } from '../crypto/keyring';

const STORAGE_KEY = 'lock.keyring';

/** `sealing`/`opening`: turning the lock on/off is under way (resumable); `on`: every protected field is sealed. */
export const lockRecordSchema = z.object({
  keyring: keyringSchema,
  phase: z.enum(['sealing', 'on', 'opening']),
});
export type LockRecord = z.infer<typeof lockRecordSchema>;

export class LockedError extends Error {
  override name = 'LockedError';
  constructor() {
    super('Attune is locked. Unlock it with your passphrase to see and save clinical notes.');
  }
}

let unlocked: UnlockedKeys | undefined;
const listeners = new Set<(isUnlocked: boolean) => void>();

/** The stored lock record, or undefined when the lock is off. A damaged record is an error, never "off". */
export async function readLockRecord(): Promise<LockRecord | undefined> {
  const stored: Record<string, unknown> = await browser.storage.local.get(STORAGE_KEY);
  const value = stored[STORAGE_KEY];
  if (value === undefined) return undefined;
  const parsed = lockRecordSchema.safeParse(value);
  if (!parsed.success) throw new Error('Attune cannot read its lock settings; they are damaged. Restore from a backup.');
  return parsed.data;
}

export async function writeLockRecord(record: LockRecord | undefined): Promise<void> {
  if (record === undefined) await browser.storage.local.remove(STORAGE_KEY);
  else await browser.storage.local.set({ [STORAGE_KEY]: lockRecordSchema.parse(record) });
}

export async function isLockOn(): Promise<boolean> {
  return (await readLockRecord()) !== undefined;
}

export function unlockedKeys(): UnlockedKeys | undefined {
  return unlocked;
}

/** Keys that must be present: the lock is on and this page has to seal or open a field. */
export function requireKeys(): UnlockedKeys {
  if (unlocked === undefined) throw new LockedError();
  return unlocked;
}

export function holdKeys(keys: UnlockedKeys | undefined): void {
  unlocked = keys;
  for (const listener of listeners) listener(keys !== undefined);
}

/** Unlocks this page with the passphrase; a wrong one throws WrongPassphraseError and leaves it locked. */
export async function unlock(passphrase: string): Promise<void> {
  const record = await readLockRecord();
  if (record === undefined) return;
  holdKeys(await unlockKeyring(record.keyring, passphrase));
}

/** Forgets this page's keys. */
export function lockNow(): void {
  holdKeys(undefined);
}

export function onLockChanged(listener: (isUnlocked: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type { Keyring };
