import { describe, expect, it } from 'vitest';
import { openAttuneDb } from '../../utils/db/open';
import { DB_NAME, DB_VERSION } from '../../utils/db/schema';
import { createVersion5Database, V5_RECORDS } from '../fixtures/db/attune-v5';

describe('upgrading version 5 to version 6 (review indexes)', () => {
  it('keeps every version-5 record as it was and adds the completed-check-in and next-time client indexes', async () => {
    await createVersion5Database(DB_NAME);
    const db = await openAttuneDb();
    expect(DB_VERSION).toBe(6);
    expect(db.version).toBe(6);
    for (const [store, records] of Object.entries(V5_RECORDS)) {
      expect(await db.getAll(store as keyof typeof V5_RECORDS), store).toEqual(records);
    }
    const checkIns = db.transaction('checkIns').store;
    expect([...checkIns.indexNames].sort()).toEqual(['byClient', 'byCompletedAt', 'byVisit']);
    const [checkIn] = V5_RECORDS.checkIns;
    // The index holds the existing check-in (built during the upgrade) under its completion time.
    expect(await db.getAllKeysFromIndex('checkIns', 'byCompletedAt')).toEqual([checkIn.id]);
    expect(await db.countFromIndex('checkIns', 'byCompletedAt', checkIn.completedAt)).toBe(1);
    const [nextTime] = V5_RECORDS.nextTime;
    expect(await db.getAllFromIndex('nextTime', 'byClient', nextTime.clientId)).toEqual([nextTime]);
  });

  it('leaves an unfinished check-in out of the completed index', async () => {
    const db = await openAttuneDb();
    const [checkIn] = V5_RECORDS.checkIns;
    await db.put('checkIns', { ...checkIn, completedAt: null, rupture: { ...checkIn.rupture, markers: ['withdrawal'], strained: ['task'] } });
    expect(await db.count('checkIns')).toBe(1);
    expect(await db.countFromIndex('checkIns', 'byCompletedAt')).toBe(0);
  });
});
