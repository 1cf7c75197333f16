import { describe, expect, it } from 'vitest';
import { ATTUNE_CHECK_IN } from '../../utils/checkin/instrument';
import { changeCheckIn, checkInForVisit } from '../../utils/db/checkins';
import { getClient } from '../../utils/db/clients';
import { getNote } from '../../utils/db/notes';
import { openAttuneDb } from '../../utils/db/open';
import { DB_NAME } from '../../utils/db/schema';
import { getVisit } from '../../utils/db/visits';

const CLIENT = { id: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9', alias: 'J.D.', aliasKey: 'j.d.', createdAt: 1_000 };
const VISIT = {
  id: '2c3d4e5f-6071-4829-93a4-b5c6d7e8f901',
  clientId: CLIENT.id,
  platform: 'meet',
  host: 'meet.google.com',
  startedAt: 2_000,
  endedAt: 2_700_000,
  endReason: 'left-call',
  plannedMinutes: 45,
};
const NOTE = { visitId: VISIT.id, text: 'Talked about sleep.', updatedAt: 3_000 };
const SET_ASIDE = { store: 'notes', key: 'x', value: { broken: true }, problem: 'text: required', foundAt: 4_000 };

/** A database exactly as Attune's version 1 created it (the version-1 step, written out by hand), holding data. */
function createVersion1WithData(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      const clients = db.createObjectStore('clients', { keyPath: 'id' });
      clients.createIndex('byAliasKey', 'aliasKey', { unique: true });
      const visits = db.createObjectStore('visits', { keyPath: 'id' });
      visits.createIndex('byStartedAt', 'startedAt');
      visits.createIndex('byClient', ['clientId', 'startedAt']);
      db.createObjectStore('notes', { keyPath: 'visitId' });
      db.createObjectStore('setAside', { keyPath: 'id', autoIncrement: true });
      clients.add(CLIENT);
      visits.add(VISIT);
      request.transaction?.objectStore('notes').add(NOTE);
      request.transaction?.objectStore('setAside').add(SET_ASIDE);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

describe('upgrading to version 3 (check-ins)', () => {
  it('keeps every version-1 record intact and adds the check-in stores', async () => {
    await createVersion1WithData();
    const db = await openAttuneDb();
    expect(db.version).toBeGreaterThanOrEqual(3);
    expect(await db.getAll('clients')).toEqual([CLIENT]);
    expect(await db.getAll('visits')).toEqual([VISIT]);
    expect(await db.getAll('notes')).toEqual([NOTE]);
    expect(await db.getAll('setAside')).toEqual([{ ...SET_ASIDE, id: 1 }]);
    // Read through the validating repositories too: nothing was set aside by the upgrade.
    expect(await getClient(CLIENT.id)).toEqual(CLIENT);
    expect(await getVisit(VISIT.id)).toEqual(VISIT);
    expect(await getNote(VISIT.id)).toEqual(NOTE);

    const checkIns = db.transaction('checkIns').store;
    expect(checkIns.keyPath).toBe('id');
    expect([...checkIns.indexNames].sort()).toEqual(['byClient', 'byVisit']);
    expect(checkIns.index('byClient').keyPath).toEqual(['clientId', 'createdAt']);
    expect(checkIns.index('byVisit').unique).toBe(true);
    expect(db.transaction('instruments').store.keyPath).toBe('key');

    // The upgraded database works for the new records.
    await changeCheckIn(VISIT, ATTUNE_CHECK_IN, (checkIn) => ({ ...checkIn, completedAt: 5_000 }), 5_000);
    expect((await checkInForVisit(VISIT.id))?.completedAt).toBe(5_000);
  });
});
