import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { saveNote, getNote } from '../../utils/db/notes';
import { closeAttuneDb, DatabaseUnavailableError, openAttuneDb } from '../../utils/db/open';
import { DB_NAME, DB_VERSION } from '../../utils/db/schema';

const VISIT_ID = '3b0f6a8e-2c4d-4e7f-9a1b-5c6d7e8f9a0b';

/** Every store of a fresh database and its indexes, as utils/db/schema.ts defines them. */
const expectedStores = {
  clients: { keyPath: 'id', autoIncrement: false, indexes: { byAliasKey: { keyPath: 'aliasKey', unique: true } } },
  visits: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: {
      byStartedAt: { keyPath: 'startedAt', unique: false },
      byClient: { keyPath: ['clientId', 'startedAt'], unique: false },
    },
  },
  notes: { keyPath: 'visitId', autoIncrement: false, indexes: {} },
  setAside: { keyPath: 'id', autoIncrement: true, indexes: {} },
  // Version 2: the in-visit panel.
  agendaItems: { keyPath: 'id', autoIncrement: false, indexes: { byVisit: { keyPath: 'visitId', unique: false } } },
  agendaTemplates: { keyPath: 'id', autoIncrement: false, indexes: {} },
  goals: { keyPath: 'id', autoIncrement: false, indexes: { byClient: { keyPath: 'clientId', unique: false } } },
  reminderLog: { keyPath: 'id', autoIncrement: false, indexes: { byVisit: { keyPath: 'visitId', unique: false } } },
  nextTime: { keyPath: 'visitId', autoIncrement: false, indexes: { byClient: { keyPath: 'clientId', unique: false } } },
  // Version 3: check-ins.
  checkIns: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: {
      byClient: { keyPath: ['clientId', 'createdAt'], unique: false },
      byVisit: { keyPath: 'visitId', unique: true },
      byCompletedAt: { keyPath: 'completedAt', unique: false },
    },
  },
  instruments: { keyPath: 'key', autoIncrement: false, indexes: {} },
  // Version 5: presence summaries.
  presence: { keyPath: 'visitId', autoIncrement: false, indexes: {} },
};

function openRaw(version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

describe('database upgrade ladder', () => {
  it('creates every store with its key path and indexes on a fresh database', async () => {
    const db = unwrap(await openAttuneDb());
    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(Object.keys(expectedStores).sort());

    const tx = db.transaction([...db.objectStoreNames]);
    for (const [name, expected] of Object.entries(expectedStores)) {
      const store = tx.objectStore(name);
      const indexes = Object.fromEntries(
        [...store.indexNames].map((index) => [index, { keyPath: store.index(index).keyPath, unique: store.index(index).unique }]),
      );
      expect({ keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes }, name).toEqual(expected);
    }
  });

  it('keeps the data when the database is closed and opened again', async () => {
    await saveNote(VISIT_ID, 'Discussed sleep.', 1_000);
    closeAttuneDb();
    expect(await getNote(VISIT_ID)).toEqual({ visitId: VISIT_ID, text: 'Discussed sleep.', updatedAt: 1_000 });
  });

  it('steps aside when a newer version of Attune upgrades the database', async () => {
    await openAttuneDb();
    const newer = await openRaw(DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
  });

  it('says to reload, and tries again next time, when the database is newer than this page', async () => {
    (await openRaw(DB_VERSION + 1)).close();
    const opening = openAttuneDb();
    await expect(opening).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(opening).rejects.toThrow('Reload the page');
    // The failed attempt is not cached: once the database can be opened, the next call opens it.
    globalThis.indexedDB = new IDBFactory();
    expect((await openAttuneDb()).version).toBe(DB_VERSION);
  });
});
