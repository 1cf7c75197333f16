import { nextTimeSchema, type NextTime } from '../next-time/schema';
import { openAttuneDb } from './open';
import { keyField, validForWrite, validRows } from './validated';

export async function getNextTime(visitId: string): Promise<NextTime | undefined> {
  const db = await openAttuneDb();
  const row = await db.get('nextTime', visitId);
  if (row === undefined) return undefined;
  const [valid] = await validRows('nextTime', keyField('visitId'), nextTimeSchema, [row], db);
  return valid;
}

/** Saves one field (homework or note for next time) of a visit's record, keeping the other, in one transaction. */
export async function saveNextTime(
  visit: { id: string; clientId: string },
  change: { homework: string } | { note: string },
  now: number,
): Promise<NextTime> {
  // Sets aside a damaged record first, so it is never overwritten.
  await getNextTime(visit.id);
  const db = await openAttuneDb();
  const tx = db.transaction('nextTime', 'readwrite', { durability: 'strict' });
  const stored = nextTimeSchema.safeParse(await tx.store.get(visit.id));
  const base = stored.success ? stored.data : { visitId: visit.id, clientId: visit.clientId, homework: '', note: '' };
  const record = validForWrite(nextTimeSchema, { ...base, ...change, updatedAt: now }, 'note for next time');
  await tx.store.put(record);
  await tx.done;
  return record;
}
