/**
 * Whether the lock is on, and the unlocked keys. The keyring (the master secret sealed under the passphrase) is kept in
 * the extension's storage.local, which web pages cannot reach; Attune's call-page script never reads it, and it is useless
 * without the passphrase. Once unlocked, the master secret is kept in storage.session — memory only, gone when the
 * browser closes, and (setAccessLevel TRUSTED_CONTEXTS, set by the background) unreachable by content scripts — so the
 * popup, the panel and the history page unlock together. Each page derives non-extractable CryptoKeys from it once.
 */
import { z } from 'zod';
import { browser } from '../browser';
import { fromBase64, toBase64 } from '../crypto/cipher';
import { keyringSchema, keysFrom, openKeyringSecret, type Keyring, type UnlockedKeys } from '../crypto/keyring';

const STORAGE_KEY = 'lock.keyring';
const SESSION_KEY = 'lock.unlockedSecret';

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

/**
 * The practice requires the lock and no passphrase is set yet: clinical text would reach the disk in the clear (and
 * could stay in the browser's files after the lock is turned on), so it is not written at all.
 */
export class LockRequiredError extends Error {
  override name = 'LockRequiredError';
  constructor() {
    super('Your practice requires the lock: set a passphrase in Attune’s settings before Attune keeps any notes. Nothing was saved.');
  }
}

/** This page's keys, derived from the session's secret; `secret` tells whether they still match it. */
let cached: { secret: string; keys: UnlockedKeys } | undefined;
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

/** The unlocked keys, or undefined while Attune is locked. */
export async function unlockedKeys(): Promise<UnlockedKeys | undefined> {
  const stored: Record<string, unknown> = await browser.storage.session.get(SESSION_KEY);
  const secret = stored[SESSION_KEY];
  if (typeof secret !== 'string') {
    cached = undefined;
    return undefined;
  }
  if (cached?.secret !== secret) cached = { secret, keys: await keysFrom(fromBase64(secret)) };
  return cached.keys;
}

/** Keys that must be present: the lock is on and this page has to seal or open a field. */
export async function requireKeys(): Promise<UnlockedKeys> {
  const keys = await unlockedKeys();
  if (keys === undefined) throw new LockedError();
  return keys;
}

/** Keeps the master secret for this browser session (every Attune page is then unlocked). */
export async function holdSecret(secret: Uint8Array<ArrayBuffer>): Promise<void> {
  const encoded = toBase64(secret);
  secret.fill(0);
  await browser.storage.session.set({ [SESSION_KEY]: encoded });
  notify(true);
}

/** Unlocks Attune with the passphrase; a wrong one throws WrongPassphraseError and leaves it locked. */
export async function unlock(passphrase: string): Promise<void> {
  const record = await readLockRecord();
  if (record === undefined) return;
  await holdSecret(await openKeyringSecret(record.keyring, passphrase));
}

/** Locks every Attune page: the secret leaves the session and each page's derived keys are dropped. */
export async function lockNow(): Promise<void> {
  cached = undefined;
  await browser.storage.session.remove(SESSION_KEY);
  notify(false);
}

function notify(isUnlocked: boolean): void {
  for (const listener of listeners) listener(isUnlocked);
}

/** Calls `listener` when this or another Attune page locks or unlocks. */
export function onLockChanged(listener: (isUnlocked: boolean) => void): () => void {
  listeners.add(listener);
  const onSession = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && SESSION_KEY in changes) listener(typeof changes[SESSION_KEY]?.newValue === 'string');
  };
  browser.storage.onChanged.addListener(onSession);
  return () => {
    listeners.delete(listener);
    browser.storage.onChanged.removeListener(onSession);
  };
}

export type { Keyring };
