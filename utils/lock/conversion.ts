/**
 * Turning the lock on and off. Turning it on stores the keyring first (phase `sealing`), then seals every protected field
 * of every store in the map (protected-fields.ts) in place, in batches of 200 records, each its own durable transaction,
 * and only then records `on`; alias index keys become keyed hashes in the same pass. Turning it off runs the same pass
 * the other way. A record already in the wanted form is left as it is, so a pass that was interrupted (a closed page, a
 * crash) is simply run again by `resumeLockConversion` (the background does so whenever Attune is unlocked), and nothing
 * is ever lost: every field is at all times either plain or sealed, and both read.
 */
import { changePassphrase, createKeyring, keysFrom, openKeyringSecret, type UnlockedKeys } from '../crypto/keyring';
import { openAttuneDb } from '../db/open';
import { sameStoredRow } from '../db/unchanged';
import { readSettings } from '../settings';
import { PROTECTED_STORES, type ProtectedStore } from './protected-fields';
import { cipherFor, type RecordCipher } from './records';
import { holdSecret, lockNow, readLockRecord, requireKeys, writeLockRecord } from './state';

export const CONVERSION_BATCH_SIZE = 200;

export class LockSettingError extends Error {
  override name = 'LockSettingError';
}

/** Turns the lock on with a new passphrase and seals what is stored; this page stays unlocked. */
export async function turnLockOn(passphrase: string): Promise<void> {
  if ((await readLockRecord()) !== undefined) throw new LockSettingError('The lock is already on.');
  const { keyring, keys, secret } = await createKeyring(passphrase);
  await holdSecret(secret);
  await writeLockRecord({ keyring, phase: 'sealing' });
  await convertStores('seal', keys);
  await writeLockRecord({ keyring, phase: 'on' });
}

/** Turns the lock off: the passphrase is checked first (a wrong one changes nothing), then every field is opened. */
export async function turnLockOff(passphrase: string): Promise<void> {
  const record = await readLockRecord();
  if (record === undefined) throw new LockSettingError('The lock is already off.');
  if ((await readSettings())['lock.required']) {
    throw new LockSettingError('The lock was not turned off: your practice requires it.');
  }
  const secret = await openKeyringSecret(record.keyring, passphrase);
  const keys = await keysFrom(new Uint8Array(secret));
  await holdSecret(secret);
  await writeLockRecord({ ...record, phase: 'opening' });
  await convertStores('clear', keys);
  await writeLockRecord(undefined);
  await lockNow();
}

/** A new passphrase for the same keys: only the keyring changes; a wrong current passphrase changes nothing. */
export async function changeLockPassphrase(current: string, next: string): Promise<void> {
  const record = await readLockRecord();
  if (record === undefined) throw new LockSettingError('The lock is off, so there is no passphrase to change.');
  await writeLockRecord({ ...record, keyring: await changePassphrase(record.keyring, current, next) });
}

/** Finishes a conversion that was interrupted; needs this page unlocked. Returns whether there was one. */
export async function resumeLockConversion(): Promise<boolean> {
  const record = await readLockRecord();
  if (record === undefined || record.phase === 'on') return false;
  const keys = await requireKeys();
  if (record.phase === 'sealing') {
    await convertStores('seal', keys);
    await writeLockRecord({ ...record, phase: 'on' });
  } else {
    await convertStores('clear', keys);
    await writeLockRecord(undefined);
    await lockNow();
  }
  return true;
}

/** Every protected store rewritten into `mode`'s form. */
async function convertStores(mode: 'seal' | 'clear', keys: UnlockedKeys): Promise<void> {
  const cipher = cipherFor(mode, true, keys);
  for (const store of PROTECTED_STORES) await convertStore(store, cipher);
}

/**
 * Rewrites each record of `store` that is not yet in the cipher's form, in key order, one batch per transaction.
 * WebCrypto cannot run inside an IndexedDB transaction, so each batch is read, converted, then written back only where
 * the stored record is still the one converted (one saved meanwhile by an open page is already in the lock's form).
 */
async function convertStore(store: ProtectedStore, cipher: RecordCipher): Promise<void> {
  const db = await openAttuneDb();
  let after: IDBValidKey | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const read = db.transaction(store);
    const [rows, keys] = await Promise.all([read.store.getAll(range, CONVERSION_BATCH_SIZE), read.store.getAllKeys(range, CONVERSION_BATCH_SIZE)]);
    if (rows.length === 0) return;
    const converted = await Promise.all(rows.map((row) => cipher.seal(store, row)));
    const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
    rows.forEach((before, index) => {
      const key = keys[index];
      const change = converted[index];
      if (key === undefined || change === undefined || sameStoredRow(before, change)) return;
      void tx.store.get(key).then((current) => {
        if (sameStoredRow(current, before)) void tx.store.put(change);
      });
    });
    await tx.done;
    after = keys[keys.length - 1];
  }
}
