/**
 * Deleting clinical data: one visit with everything recorded in it, one client with every record of theirs, or
 * everything. Each is one durable transaction over every store involved, so a deletion is never left half done.
 */
import type { IDBPTransaction } from 'idb';
import { openAttuneDb } from './open';
import type { AttuneDB, AttuneStore } from './schema';

/** Every store that holds clinical data or the clinician's own material. */
export const ALL_STORES = [
  'clients',
  'visits',
  'notes',
  'setAside',
  'agendaItems',
  'agendaTemplates',
  'goals',
  'reminderLog',
  'nextTime',
  'checkIns',
  'instruments',
  'presence',
] as const satisfies readonly AttuneStore[];

/** The stores a visit's own records live in. */
const VISIT_STORES = ['visits', 'notes', 'agendaItems', 'reminderLog', 'nextTime', 'checkIns', 'presence'] as const;
type VisitStores = (typeof VISIT_STORES)[number];
const CLIENT_STORES = [...VISIT_STORES, 'clients', 'goals'] as const;
async function deleteVisitRecords<S extends AttuneStore>(tx: IDBPTransaction<AttuneDB, (VisitStores | S)[], 'readwrite'>, visitId: string): Promise<void> {
  const [agendaKeys, reminderKeys, checkInKeys] = await Promise.all([
    tx.objectStore('agendaItems').index('byVisit').getAllKeys(visitId),
    tx.objectStore('reminderLog').index('byVisit').getAllKeys(visitId),
    tx.objectStore('checkIns').index('byVisit').getAllKeys(visitId),
  ]);
  await Promise.all([
    tx.objectStore('visits').delete(visitId),
    tx.objectStore('notes').delete(visitId),
    tx.objectStore('nextTime').delete(visitId),
    tx.objectStore('presence').delete(visitId),
    ...agendaKeys.map((key) => tx.objectStore('agendaItems').delete(key)),
    ...reminderKeys.map((key) => tx.objectStore('reminderLog').delete(key)),
    ...checkInKeys.map((key) => tx.objectStore('checkIns').delete(key)),
  ]);
}

/** Deletes a visit and its note, agenda, reminders, notes for next time, check-in and presence summary. */
export async function deleteVisit(visitId: string): Promise<void> {
  const db = await openAttuneDb();
  const tx = db.transaction([...VISIT_STORES], 'readwrite', { durability: 'strict' });
  await deleteVisitRecords(tx, visitId);
  await tx.done;
}

/** Deletes a client and every record of theirs in every store: visits and all they hold, goals, check-ins. */
export async function deleteClient(clientId: string): Promise<{ visits: number }> {
  const db = await openAttuneDb();
  const tx = db.transaction([...CLIENT_STORES], 'readwrite', { durability: 'strict' });
  const range = IDBKeyRange.bound([clientId, 0], [clientId, Number.MAX_SAFE_INTEGER]);
  const [visitKeys, goalKeys, checkInKeys, nextTimeKeys] = await Promise.all([
    tx.objectStore('visits').index('byClient').getAllKeys(range),
    tx.objectStore('goals').index('byClient').getAllKeys(clientId),
    tx.objectStore('checkIns').index('byClient').getAllKeys(range),
    tx.objectStore('nextTime').index('byClient').getAllKeys(clientId),
  ]);
  for (const visitId of visitKeys) await deleteVisitRecords(tx, visitId);
  await Promise.all([
    tx.objectStore('clients').delete(clientId),
    ...goalKeys.map((key) => tx.objectStore('goals').delete(key)),
    // Records tied to the client that might have lost their visit (e.g. a visit set aside as damaged).
    ...checkInKeys.map((key) => tx.objectStore('checkIns').delete(key)),
    ...nextTimeKeys.map((key) => tx.objectStore('nextTime').delete(key)),
  ]);
  await tx.done;
  return { visits: visitKeys.length };
}

/** Deletes everything Attune has stored: every client, visit, note, check-in, template and loaded instrument. */
export async function deleteEverything(): Promise<void> {
  const db = await openAttuneDb();
  const tx = db.transaction([...ALL_STORES], 'readwrite', { durability: 'strict' });
  await Promise.all(ALL_STORES.map((store) => tx.objectStore(store).clear()));
  await tx.done;
}

/**
 * The retention rule: deletes ended visits that started before `cutoff`, with everything they hold, `batch` visits per
 * transaction (so a first run over years of history never holds one huge transaction). Clients stay, with their goals.
 * Returns how many visits were deleted.
 */
export async function deleteVisitsStartedBefore(cutoff: number, batch = 200): Promise<number> {
  const db = await openAttuneDb();
  let deleted = 0;
  for (;;) {
    const tx = db.transaction([...VISIT_STORES], 'readwrite', { durability: 'strict' });
    const old = await tx.objectStore('visits').index('byStartedAt').getAll(IDBKeyRange.upperBound(cutoff, true), batch);
    const ended = old.filter((visit) => visit.endedAt !== null);
    for (const visit of ended) await deleteVisitRecords(tx, visit.id);
    await tx.done;
    deleted += ended.length;
    // A visit still open that old is left alone; stop once a batch holds nothing else.
    if (old.length < batch || ended.length === 0) return deleted;
  }
}
