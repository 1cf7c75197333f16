/** Shared data for the review, backup, export and deletion tests: a database with a record in every store. */
import { IDBFactory } from 'fake-indexeddb';
import { loadInstrument } from '../../utils/db/instruments';
import { closeAttuneDb, openAttuneDb } from '../../utils/db/open';
import { ALL_STORES } from '../../utils/db/deletion';
import { V5_RECORDS } from '../fixtures/db/attune-v5';
import { generateVisitHistory, writeVisitHistory } from '../support/seed.mjs';
import { practiceInstrument } from './checkin-fixtures';

export const NOW = Date.UTC(2026, 10, 20, 17, 30);

/** Every store's records, in key order, for comparing whole databases. */
export async function snapshot(): Promise<Record<string, unknown[]>> {
  const db = await openAttuneDb();
  const tx = db.transaction([...ALL_STORES]);
  return Object.fromEntries(await Promise.all(ALL_STORES.map(async (store) => [store, await tx.objectStore(store).getAll()] as const)));
}

/** The version-5 fixture's records (one in every store) written into the current database, and a practice instrument. */
export async function fillDatabase(): Promise<void> {
  const db = await openAttuneDb();
  const stores = ALL_STORES.filter((store) => store !== 'setAside');
  const tx = db.transaction(stores, 'readwrite');
  for (const store of stores) {
    const records: readonly unknown[] = store in V5_RECORDS ? V5_RECORDS[store as keyof typeof V5_RECORDS] : [];
    for (const record of records) void tx.objectStore(store).put(record as never);
  }
  await tx.done;
  await loadInstrument(practiceInstrument(), NOW);
}

/** A realistic history (clients, visits, notes, check-ins from the seed) on top of fillDatabase's records. */
export async function fillWithHistory(visits = 300): Promise<ReturnType<typeof generateVisitHistory>> {
  await fillDatabase();
  const history = generateVisitHistory({ visits, now: NOW, seed: 5 });
  await writeVisitHistory(history);
  return history;
}

/** A fresh, empty database, as on another browser. */
export function emptyBrowser(): void {
  closeAttuneDb();
  globalThis.indexedDB = new IDBFactory();
}
