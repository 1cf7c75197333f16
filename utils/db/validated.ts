import type { z } from 'zod';
import { SealedValueError } from '../crypto/cipher';
import { isProtectedStore } from '../lock/protected-fields';
import { recordCipher } from '../lock/records';
import { describeIssues } from '../models';
import { openAttuneDb } from './open';
import type { AttuneDatabase, AttuneStore } from './schema';

export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError';
}

/** Validates a record before it is written; the message names every field at fault. */
export function validForWrite<S extends z.ZodType>(schema: S, record: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(record);
  if (!result.success) throw new InvalidRecordError(`The ${what} was not saved: ${describeIssues(result.error)}.`);
  return result.data;
}

type SetAsideListener = (count: number) => void;
const setAsideListeners = new Set<SetAsideListener>();

/** Lets a page tell the clinician when stored records could not be read and were set aside. */
export function onRecordsSetAside(listener: SetAsideListener): () => void {
  setAsideListeners.add(listener);
  return () => setAsideListeners.delete(listener);
}

/**
 * Returns the stored rows that pass validation, with the fields the lock seals opened (a sealed field read while Attune
 * is locked throws LockedError). Rows that fail, or whose sealed values are damaged, are moved, unchanged, to the
 * `setAside` store in one transaction and reported, so a damaged record is neither shown half-broken nor silently
 * dropped or overwritten.
 */
export async function validRows<S extends z.ZodType>(
  store: AttuneStore,
  keyOf: (row: unknown) => string,
  schema: S,
  rows: readonly unknown[],
  db?: AttuneDatabase,
): Promise<z.infer<S>[]> {
  const valid: z.infer<S>[] = [];
  const invalid: { key: string; value: unknown; problem: string }[] = [];
  // Stores with nothing sealed skip the look at the lock's state.
  const cipher = isProtectedStore(store) ? await recordCipher() : undefined;
  // Opened together: WebCrypto works through many values at once far faster than one after another.
  const openedRows = await Promise.all(
    rows.map(async (row) => {
      if (cipher === undefined) return { row, opened: row };
      try {
        return { row, opened: await cipher.open(store, row) };
      } catch (failure) {
        if (!(failure instanceof SealedValueError)) throw failure;
        return { row, problem: failure.message };
      }
    }),
  );
  for (const { row, opened, problem } of openedRows) {
    if (problem !== undefined) {
      invalid.push({ key: keyOf(row), value: row, problem });
      continue;
    }
    const result = schema.safeParse(opened);
    if (result.success) valid.push(result.data);
    else invalid.push({ key: keyOf(row), value: row, problem: describeIssues(result.error) });
  }
  if (invalid.length > 0) await setAside(db ?? (await openAttuneDb()), store, invalid);
  return valid;
}

async function setAside(
  db: AttuneDatabase,
  store: AttuneStore,
  invalid: readonly { key: string; value: unknown; problem: string }[],
): Promise<void> {
  const tx = db.transaction([store, 'setAside'], 'readwrite', { durability: 'strict' });
  const foundAt = Date.now();
  for (const { key, value, problem } of invalid) {
    void tx.objectStore('setAside').add({ store, key, value, problem, foundAt });
    void tx.objectStore(store).delete(key);
  }
  await tx.done;
  console.warn(`Attune set aside ${invalid.length} unreadable record(s) from "${store}".`);
  for (const listener of setAsideListeners) listener(invalid.length);
}

/** Key of a stored row whose key path is `field`, readable even when the row is otherwise invalid. */
export function keyField(field: string): (row: unknown) => string {
  return (row) => (typeof row === 'object' && row !== null ? String(Reflect.get(row, field) ?? '') : '');
}
