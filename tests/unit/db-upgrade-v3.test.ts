import { describe, expect, it } from 'vitest';
import { ATTUNE_CHECK_IN } from '../../utils/checkin/instrument';
import { changeCheckIn, checkInForVisit } from '../../utils/db/checkins';
import { getClient } from '../../utils/db/clients';
import { getNote } from '../../utils/db/notes';
import { openAttuneDb } from '../../utils/db/open';
import { DB_NAME } from '../../utils/db/schema';
import { V1_RECORDS } from '../fixtures/db/attune-v1';
import { createVersion1Database } from '../fixtures/db/shipped-versions';
import { getVisit } from '../../utils/db/visits';

const [CLIENT] = V1_RECORDS.clients;
const [VISIT] = V1_RECORDS.visits;
const [NOTE] = V1_RECORDS.notes;

describe('upgrading to version 3 (check-ins)', () => {
  it('keeps every version-1 record intact and adds the check-in stores', async () => {
    await createVersion1Database(DB_NAME);
    const db = await openAttuneDb();
    expect(db.version).toBeGreaterThanOrEqual(3);
    expect(await db.getAll('clients')).toEqual([CLIENT]);
    expect(await db.getAll('visits')).toEqual([VISIT]);
    expect(await db.getAll('notes')).toEqual([NOTE]);
    expect(await db.getAll('setAside')).toEqual(V1_RECORDS.setAside);
    // Read through the validating repositories too: nothing was set aside by the upgrade.
    expect(await getClient(CLIENT.id)).toEqual(CLIENT);
    expect(await getVisit(VISIT.id)).toEqual(VISIT);
    expect(await getNote(VISIT.id)).toEqual(NOTE);

    const checkIns = db.transaction('checkIns').store;
    expect(checkIns.keyPath).toBe('id');
    // byCompletedAt comes with version 6.
    expect([...checkIns.indexNames].sort()).toEqual(['byClient', 'byCompletedAt', 'byVisit']);
    expect(checkIns.index('byClient').keyPath).toEqual(['clientId', 'createdAt']);
    expect(checkIns.index('byVisit').unique).toBe(true);
    expect(db.transaction('instruments').store.keyPath).toBe('key');

    // The upgraded database works for the new records.
    await changeCheckIn(VISIT, ATTUNE_CHECK_IN, (checkIn) => ({ ...checkIn, completedAt: 5_000 }), 5_000);
    expect((await checkInForVisit(VISIT.id))?.completedAt).toBe(5_000);
  });
});
