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
import { saveKeptDrafts } from './drafts';

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
  await finishPhase('sealing');
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
  // Drafts kept sealed while locked open only with the draft key, which goes with the keyring: save them as notes first.
  await saveKeptDrafts(Date.now());
  await writeLockRecord({ ...record, phase: 'opening' });
  await convertStores('clear', keys);
  await finishPhase('opening');
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
  await convertStores(record.phase === 'sealing' ? 'seal' : 'clear', keys);
  await finishPhase(record.phase);
  return true;
}

/**
 * Records the end of a pass, re-reading the lock record first: another page may have finished the pass already, turned
 * the lock the other way, or changed the passphrase meanwhile (whose keyring must not be overwritten with an old one).
 */
async function finishPhase(phase: 'sealing' | 'opening'): Promise<void> {
  const current = await readLockRecord();
  if (current?.phase !== phase) return;
  if (phase === 'sealing') {
    await writeLockRecord({ ...current, phase: 'on' });
  } else {
    await writeLockRecord(undefined);
    await lockNow();
  }
}

/** The lock was turned the other way while this pass ran; it stopped, and the other pass owns the records now. */
export class ConversionSupersededError extends Error {
  override name = 'ConversionSupersededError';
  constructor() {
    super('Sealing your records stopped because the lock was turned off meanwhile.');
  }
}

/**
 * Every protected store rewritten into `mode`'s form, pass after pass until one changes nothing: a pass the other way
 * that had not yet seen the change of direction may have rewritten one batch behind this one.
 */
async function convertStores(mode: 'seal' | 'clear', keys: UnlockedKeys): Promise<void> {
  const cipher = cipherFor(mode, true, keys);
  for (let pass = 0; pass < 3; pass += 1) {
    let changed = 0;
    for (const store of PROTECTED_STORES) {
      const result = await convertStore(store, cipher, mode);
      if (result === 'finished elsewhere') return;
      changed += result;
    }
    if (changed === 0) return;
  }
}

/** Whether a pass in `mode` should go on, given the lock's phase now; a sealing pass stops if the lock is being turned off. */
async function passGoesOn(mode: 'seal' | 'clear'): Promise<boolean> {
  const phase = (await readLockRecord())?.phase;
  if (mode === 'seal') {
    if (phase === 'sealing' || phase === 'on') return true;
    throw new ConversionSupersededError();
  }
  // Opening: once the record is gone, another page finished opening everything.
  return phase === 'opening';
}

/**
 * Rewrites each record of `store` that is not yet in the cipher's form, in key order, one batch per transaction.
 * WebCrypto cannot run inside an IndexedDB transaction, so each batch is read, converted, then written back only where
 * the stored record is still the one converted (one saved meanwhile by an open page is already in the lock's form).
 */
async function convertStore(store: ProtectedStore, cipher: RecordCipher, mode: 'seal' | 'clear'): Promise<number | 'finished elsewhere'> {
  const db = await openAttuneDb();
  let after: IDBValidKey | undefined;
  let changed = 0;
  for (;;) {
    if (!(await passGoesOn(mode))) return 'finished elsewhere';
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const read = db.transaction(store);
    const [rows, keys] = await Promise.all([read.store.getAll(range, CONVERSION_BATCH_SIZE), read.store.getAllKeys(range, CONVERSION_BATCH_SIZE)]);
    if (rows.length === 0) return changed;
    const converted = await Promise.all(rows.map((row) => cipher.seal(store, row)));
    // Checked again just before writing, with nothing awaited in between: a batch converted while the lock was being
    // turned the other way is never written over the other pass's work.
    if (!(await passGoesOn(mode))) return 'finished elsewhere';
    const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
    rows.forEach((before, index) => {
      const key = keys[index];
      const change = converted[index];
      if (key === undefined || change === undefined || sameStoredRow(before, change)) return;
      void tx.store.get(key).then((current) => {
        if (!sameStoredRow(current, before)) return;
        changed += 1;
        void tx.store.put(change);
      });
    });
    await tx.done;
    after = keys[keys.length - 1];
  }
}
