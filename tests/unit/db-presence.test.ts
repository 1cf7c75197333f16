import { describe, expect, it, vi } from 'vitest';
import { findOrCreateClient } from '../../utils/db/clients';
import { getNote } from '../../utils/db/notes';
import { closeAttuneDb, openAttuneDb } from '../../utils/db/open';
import { addToPresenceSummary, getPresenceSummary, presenceSummaries } from '../../utils/db/presence';
import { DB_NAME, DB_VERSION } from '../../utils/db/schema';
import { getVisit, recentVisits } from '../../utils/db/visits';

const VISIT = '3b0f6a8e-2c4d-4e7f-9a1b-5c6d7e8f9a0b';
const OTHER_VISIT = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const CLIENT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const T0 = Date.UTC(2025, 0, 6, 9, 0);

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });
}

/** A database exactly as Attune 0.1 (schema version 1) left it, with a client, a visit and its note. */
async function createVersion1Database(): Promise<void> {
  const opening = indexedDB.open(DB_NAME, 1);
  opening.onupgradeneeded = () => {
    const db = opening.result;
    const clients = db.createObjectStore('clients', { keyPath: 'id' });
    clients.createIndex('byAliasKey', 'aliasKey', { unique: true });
    const visits = db.createObjectStore('visits', { keyPath: 'id' });
    visits.createIndex('byStartedAt', 'startedAt');
    visits.createIndex('byClient', ['clientId', 'startedAt']);
    db.createObjectStore('notes', { keyPath: 'visitId' });
    db.createObjectStore('setAside', { keyPath: 'id', autoIncrement: true });
  };
  const db = await request(opening);
  const tx = db.transaction(['clients', 'visits', 'notes'], 'readwrite');
  tx.objectStore('clients').put({ id: CLIENT, alias: 'J.D.', aliasKey: 'j.d.', createdAt: T0 });
  tx.objectStore('visits').put({
    id: VISIT,
    clientId: CLIENT,
    platform: 'meet',
    host: 'meet.google.com',
    startedAt: T0,
    endedAt: T0 + 50 * 60_000,
    endReason: 'manual',
    plannedMinutes: 53,
  });
  tx.objectStore('notes').put({ visitId: VISIT, text: 'Sleep diary; homework reviewed.', updatedAt: T0 + 10_000 });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
  });
  db.close();
}

describe('database upgrade to version 5 (presence summaries)', () => {
  it('is version 5', () => {
    expect(DB_VERSION).toBe(5);
  });

  it('upgrades a version-1 database with its clients, visits and notes intact, and adds the presence store', async () => {
    await createVersion1Database();
    const db = await openAttuneDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('presence');
    expect(await getVisit(VISIT)).toMatchObject({ clientId: CLIENT, endReason: 'manual', plannedMinutes: 53 });
    expect(await getNote(VISIT)).toMatchObject({ text: 'Sleep diary; homework reviewed.' });
    expect((await findOrCreateClient('j.d.', T0 + 1)).id).toBe(CLIENT);
    expect((await recentVisits(5)).map((summary) => summary.alias)).toEqual(['J.D.']);
    // The old visit simply has no presence summary.
    expect(await getPresenceSummary(VISIT)).toBeUndefined();
    await addToPresenceSummary(VISIT, { awayMs: 30_000, awayEpisodes: 1 }, T0);
    expect(await getPresenceSummary(VISIT)).toMatchObject({ awayMs: 30_000, awayEpisodes: 1 });
  });
});

describe('presence summaries', () => {
  it('starts at zero and adds each tally', async () => {
    await addToPresenceSummary(VISIT, { awayMs: 48_000, awayEpisodes: 1 }, T0 + 1);
    await addToPresenceSummary(VISIT, { cuesShown: 1 }, T0 + 2);
    await addToPresenceSummary(VISIT, { cuesAcknowledged: 1 }, T0 + 3);
    await addToPresenceSummary(VISIT, { awayMs: 22_000, awayEpisodes: 1, cuesShown: 1 }, T0 + 4);
    expect(await getPresenceSummary(VISIT)).toEqual({
      visitId: VISIT,
      awayMs: 70_000,
      awayEpisodes: 2,
      cuesShown: 2,
      cuesAcknowledged: 1,
      updatedAt: T0 + 4,
    });
  });

  it('loses no count when the background and the panel add at the same moment', async () => {
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => addToPresenceSummary(VISIT, { awayMs: 1_000, awayEpisodes: 1 }, T0 + i)),
      ...Array.from({ length: 5 }, (_, i) => addToPresenceSummary(VISIT, { cuesShown: 1 }, T0 + i)),
    ]);
    expect(await getPresenceSummary(VISIT)).toMatchObject({ awayMs: 5_000, awayEpisodes: 5, cuesShown: 5 });
  });

  it('refuses a tally that would make a count invalid, and keeps the stored summary', async () => {
    await addToPresenceSummary(VISIT, { cuesShown: 2 }, T0);
    await expect(addToPresenceSummary(VISIT, { cuesShown: 0.5 }, T0 + 1)).rejects.toThrow(/presence summary.*cuesShown/);
    await expect(addToPresenceSummary('not-a-visit-id', { cuesShown: 1 }, T0 + 1)).rejects.toThrow(/visitId/);
    expect(await getPresenceSummary(VISIT)).toMatchObject({ cuesShown: 2, updatedAt: T0 });
  });

  it('reads several visits at once, leaving out visits without one', async () => {
    await addToPresenceSummary(VISIT, { cuesShown: 1 }, T0);
    await addToPresenceSummary(OTHER_VISIT, { awayEpisodes: 1, awayMs: 20_000 }, T0);
    const found = await presenceSummaries([VISIT, CLIENT, OTHER_VISIT]);
    expect(found.map((summary) => summary.visitId)).toEqual([VISIT, OTHER_VISIT]);
  });

  it('sets a damaged stored summary aside unchanged, then counts afresh', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = await openAttuneDb();
    // @ts-expect-error -- a damaged record, as an older or broken build might have left it.
    await db.put('presence', { visitId: VISIT, awayMs: 'lots' });
    expect(await getPresenceSummary(VISIT)).toBeUndefined();
    const setAside = await db.getAll('setAside');
    expect(setAside).toEqual([expect.objectContaining({ store: 'presence', key: VISIT, value: { visitId: VISIT, awayMs: 'lots' } })]);

    // @ts-expect-error -- damaged again, now met by a write.
    await db.put('presence', { visitId: VISIT, cuesShown: -1 });
    expect(await addToPresenceSummary(VISIT, { cuesShown: 1 }, T0)).toMatchObject({ cuesShown: 1, awayMs: 0 });
    expect(await db.getAll('setAside')).toHaveLength(2);
    closeAttuneDb();
  });
});
