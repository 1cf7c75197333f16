/**
 * Every schema version that shipped, opened by the current code: every record survives, byte for byte and through the
 * validating repositories. A failed upgrade leaves the old database as it was and says so.
 */
import { openDB, unwrap } from 'idb';
import type { z } from 'zod';
import { beforeEach, describe, expect, it } from 'vitest';
import { agendaItemSchema, agendaTemplateSchema } from '../../utils/agenda/schema';
import { storedInstrumentSchema } from '../../utils/checkin/instrument';
import { checkInSchema } from '../../utils/checkin/record';
import { DatabaseUpgradeFailedError, openAttuneDb } from '../../utils/db/open';
import { DB_NAME, DB_VERSION, type AttuneStore } from '../../utils/db/schema';
import { keyField, validRows } from '../../utils/db/validated';
import { goalSchema } from '../../utils/goals/schema';
import { clientSchema, noteSchema, presenceSummarySchema, visitSchema } from '../../utils/models';
import { nextTimeSchema } from '../../utils/next-time/schema';
import { reminderLogEntrySchema } from '../../utils/reminders/schema';
import { createShippedDatabase, SHIPPED_DATABASES } from '../fixtures/db/shipped-versions';
import { useEnglishMessages } from './support-messages';

/** How the current code reads each store (`setAside` holds anything by design and is compared raw only). */
const READERS: Partial<Record<AttuneStore, { key: string; schema: z.ZodType }>> = {
  clients: { key: 'id', schema: clientSchema },
  visits: { key: 'id', schema: visitSchema },
  notes: { key: 'visitId', schema: noteSchema },
  agendaItems: { key: 'id', schema: agendaItemSchema },
  agendaTemplates: { key: 'id', schema: agendaTemplateSchema },
  goals: { key: 'id', schema: goalSchema },
  reminderLog: { key: 'id', schema: reminderLogEntrySchema },
  nextTime: { key: 'visitId', schema: nextTimeSchema },
  checkIns: { key: 'id', schema: checkInSchema },
  instruments: { key: 'key', schema: storedInstrumentSchema },
  presence: { key: 'visitId', schema: presenceSummarySchema },
};

const isStore = (name: string, db: IDBDatabase): name is AttuneStore => db.objectStoreNames.contains(name);

function rawRecords(db: IDBDatabase, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`getAll(${store}) failed`));
  });
}

beforeEach(() => useEnglishMessages());

describe('a database from every shipped version opens with the current code', () => {
  it('has a frozen fixture for the current DB_VERSION (add one whenever a version ships)', () => {
    expect(SHIPPED_DATABASES.map((shipped) => shipped.version)).toContain(DB_VERSION);
    const versions = SHIPPED_DATABASES.map((shipped) => shipped.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it.each(SHIPPED_DATABASES.map((shipped) => [shipped.version, shipped] as const))(
    'version %i: every record survives unchanged and reads back through the current schemas',
    async (_version, shipped) => {
      await createShippedDatabase(DB_NAME, shipped);
      const db = await openAttuneDb();
      const raw = unwrap(db);
      expect(raw.version).toBe(DB_VERSION);
      expect(Object.keys(shipped.records).length).toBe(Object.keys(shipped.stores).length);
      for (const [store, records] of Object.entries(shipped.records)) {
        expect(records.length, `${store} fixture holds records`).toBeGreaterThan(0);
        expect(await rawRecords(raw, store), store).toEqual(records);
        const reader = READERS[store as keyof typeof READERS];
        if (reader === undefined || !isStore(store, raw)) continue;
        expect(await validRows(store, keyField(reader.key), reader.schema, records, db), `${store} through its schema`).toEqual(records);
      }
      // Nothing was set aside on the way: the set-aside store holds only what the fixture put there.
      expect(await rawRecords(raw, 'setAside')).toEqual(shipped.records.setAside);
    },
  );
});

describe('a failed upgrade', () => {
  // A version-3 database that already holds a store the version-5 step creates: that step throws ConstraintError.
  const v3 = SHIPPED_DATABASES.find((shipped) => shipped.version === 3);
  if (v3 === undefined) throw new Error('The version-3 fixture is missing.');
  const stuck = { ...v3, stores: { ...v3.stores, presence: { keyPath: 'visitId' } } };

  it('keeps the old database exactly as it was, never empty, and tells the clinician their records are kept', async () => {
    await createShippedDatabase(DB_NAME, stuck);

    const opening = openAttuneDb();
    await expect(opening).rejects.toBeInstanceOf(DatabaseUpgradeFailedError);
    await expect(opening).rejects.toThrow(/could not update its database from version 3 to \d+ \(ConstraintError/);
    await expect(opening).rejects.toThrow('every record you saved is kept as it was');

    const old = await openDB(DB_NAME);
    expect(old.version).toBe(3);
    for (const [store, records] of Object.entries(v3.records)) expect(await old.getAll(store), store).toEqual(records);
    old.close();
  });

  it('is tried again on the next open instead of being cached, and still changes nothing', async () => {
    await createShippedDatabase(DB_NAME, stuck);
    await expect(openAttuneDb()).rejects.toBeInstanceOf(DatabaseUpgradeFailedError);
    await expect(openAttuneDb()).rejects.toBeInstanceOf(DatabaseUpgradeFailedError);
    const old = await openDB(DB_NAME);
    expect(old.version).toBe(3);
    expect(await old.getAll('notes')).toEqual(v3.records.notes);
    old.close();
  });
});
