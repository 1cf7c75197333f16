import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { listAgenda } from '../../utils/db/agenda';
import { getClient } from '../../utils/db/clients';
import { listGoals } from '../../utils/db/goals';
import { getNote } from '../../utils/db/notes';
import { openAttuneDb } from '../../utils/db/open';
import { DB_NAME } from '../../utils/db/schema';
import { getVisit, recentVisits } from '../../utils/db/visits';
import { V1_RECORDS } from '../fixtures/db/attune-v1';
import { createVersion1Database } from '../fixtures/db/shipped-versions';

const V1_STORES = ['clients', 'visits', 'notes', 'setAside'];
const V2_STORES = {
  agendaItems: { keyPath: 'id', indexes: { byVisit: 'visitId' } },
  agendaTemplates: { keyPath: 'id', indexes: {} },
  goals: { keyPath: 'id', indexes: { byClient: 'clientId' } },
  reminderLog: { keyPath: 'id', indexes: { byVisit: 'visitId' } },
  // Version 6 indexes it by client too.
  nextTime: { keyPath: 'visitId', indexes: { byClient: 'clientId' } },
};

function getAllRaw(db: IDBDatabase, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('getAll failed'));
  });
}

describe('upgrading a version-1 database to version 2', () => {
  it('keeps every version-1 record exactly as it was', async () => {
    await createVersion1Database(DB_NAME);
    const db = unwrap(await openAttuneDb());
    expect(db.version).toBeGreaterThanOrEqual(2);
    for (const [store, records] of Object.entries(V1_RECORDS)) {
      expect(await getAllRaw(db, store), store).toEqual(records);
    }
  });

  it('adds the panel stores with their key paths and indexes, and leaves the version-1 stores as they were', async () => {
    await createVersion1Database(DB_NAME);
    const db = unwrap(await openAttuneDb());
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining([...V1_STORES, ...Object.keys(V2_STORES)]));
    const tx = db.transaction([...db.objectStoreNames]);
    for (const [name, expected] of Object.entries(V2_STORES)) {
      const store = tx.objectStore(name);
      const indexes = Object.fromEntries([...store.indexNames].map((index) => [index, store.index(index).keyPath]));
      expect({ keyPath: store.keyPath, indexes }, name).toEqual(expected);
    }
    expect([...tx.objectStore('visits').indexNames].sort()).toEqual(['byClient', 'byStartedAt']);
    expect(tx.objectStore('clients').index('byAliasKey').unique).toBe(true);
  });

  it('reads the old records through the current repositories, and the new stores start empty', async () => {
    await createVersion1Database(DB_NAME);
    const [client] = V1_RECORDS.clients;
    const [visit] = V1_RECORDS.visits;
    expect(await getClient(client.id)).toEqual(client);
    expect(await getVisit(visit.id)).toEqual(visit);
    expect(await getNote(visit.id)).toEqual(V1_RECORDS.notes[0]);
    expect((await recentVisits(5)).map((summary) => [summary.alias, summary.notePreview])).toEqual([['J.D.', 'Talked about sleep.']]);
    expect(await listAgenda(visit.id)).toEqual([]);
    expect(await listGoals(client.id)).toEqual([]);
  });
});
