import { sealRecord } from '../lock/records';
import { nextTimeSchema, type NextTime } from '../next-time/schema';
import { openAttuneDb } from './open';
import { ConcurrentChangeError, sameStoredRow, UNCHANGED_ATTEMPTS } from './unchanged';
import { keyField, validForWrite, validRows } from './validated';

export async function getNextTime(visitId: string): Promise<NextTime | undefined> {
  const db = await openAttuneDb();
  const row = await db.get('nextTime', visitId);
  if (row === undefined) return undefined;
  const [valid] = await validRows('nextTime', keyField('visitId'), nextTimeSchema, [row], db);
  return valid;
}

/**
 * Saves one field (homework or note for next time) of a visit's record, keeping the other. The write goes through only
 * if the stored record is still the one this change was made to (see unchanged.ts), so neither field is ever lost.
 */
export async function saveNextTime(
  visit: { id: string; clientId: string },
  change: { homework: string } | { note: string },
  now: number,
): Promise<NextTime> {
  const db = await openAttuneDb();
  for (let attempt = 0; attempt < UNCHANGED_ATTEMPTS; attempt += 1) {
    const row = await db.get('nextTime', visit.id);
    // Opened and checked; a damaged record is set aside first, so it is never overwritten.
    const [current] = row === undefined ? [] : await validRows('nextTime', keyField('visitId'), nextTimeSchema, [row], db);
    const base = current ?? { visitId: visit.id, clientId: visit.clientId, homework: '', note: '' };
    const record = validForWrite(nextTimeSchema, { ...base, ...change, updatedAt: now }, 'note for next time');
    const stored = await sealRecord('nextTime', record);
    const tx = db.transaction('nextTime', 'readwrite', { durability: 'strict' });
    if (!sameStoredRow(await tx.store.get(visit.id), current === undefined ? undefined : row)) {
      tx.abort();
      await tx.done.catch(() => undefined);
      continue;
    }
    await tx.store.put(stored);
    await tx.done;
    return record;
  }
  throw new ConcurrentChangeError('note for next time');
}
