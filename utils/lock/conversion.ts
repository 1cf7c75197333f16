/**
 * Turning the lock on and off. Turning it on stores the keyring first (phase `sealing`), then seals every protected field
 * in place in small batches, each its own durable transaction, and only then records `on`. Sealing and opening skip a
 * field that is already in the wanted form, so a pass that was interrupted (a closed page, a crash) is simply run again
 * by `resumeLockConversion`, and nothing is ever lost: every record is at all times either plain or sealed, and both read.
 */
import { isSealed, openText, sealText } from '../crypto/cipher';
import { changePassphrase, createKeyring, keysFrom, openKeyringSecret } from '../crypto/keyring';
import { openAttuneDb } from '../db/open';
import { readSettings } from '../settings';
import { holdSecret, lockNow, readLockRecord, requireKeys, writeLockRecord } from './state';

const BATCH_SIZE = 200;

export class LockSettingError extends Error {
  override name = 'LockSettingError';
}

/** Turns the lock on with a new passphrase and seals what is stored; this page stays unlocked. */
export async function turnLockOn(passphrase: string): Promise<void> {
  if ((await readLockRecord()) !== undefined) throw new LockSettingError('The lock is already on.');
  const { keyring, keys, secret } = await createKeyring(passphrase);
  await holdSecret(secret);
  await writeLockRecord({ keyring, phase: 'sealing' });
  await convertNotes((text) => (isSealed(text) ? undefined : sealText(keys.recordKey, text)));
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
  await convertNotes((text) => (isSealed(text) ? openText(keys.recordKey, text) : undefined));
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
    await convertNotes((text) => (isSealed(text) ? undefined : sealText(keys.recordKey, text)));
    await writeLockRecord({ ...record, phase: 'on' });
  } else {
    await convertNotes((text) => (isSealed(text) ? openText(keys.recordKey, text) : undefined));
    await writeLockRecord(undefined);
    await lockNow();
  }
  return true;
}

/**
 * Rewrites each note whose text `convert` changes (undefined: leave it). WebCrypto cannot run inside an IndexedDB
 * transaction, so each batch is read, converted, then written back only where the stored text is still the one converted.
 */
async function convertNotes(convert: (text: string) => Promise<string> | undefined): Promise<void> {
  const db = await openAttuneDb();
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const batch = await db.getAll('notes', range, BATCH_SIZE);
    if (batch.length === 0) return;
    const converted = await Promise.all(
      batch.map(async (note) => {
        const text = typeof note.text === 'string' ? await convert(note.text) : undefined;
        return text === undefined ? undefined : { before: note.text, after: { ...note, text } };
      }),
    );
    const tx = db.transaction('notes', 'readwrite', { durability: 'strict' });
    for (const change of converted) {
      if (change === undefined) continue;
      void tx.store.get(change.after.visitId).then((current) => {
        // A note saved meanwhile by an open panel is already in the lock's current form; leave it be.
        if (current !== undefined && current.text === change.before) void tx.store.put(change.after);
      });
    }
    await tx.done;
    after = batch[batch.length - 1]?.visitId;
  }
}
