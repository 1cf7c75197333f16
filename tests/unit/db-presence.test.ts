import { describe, expect, it, vi } from 'vitest';
import { findOrCreateClient } from '../../utils/db/clients';
import { getNote } from '../../utils/db/notes';
import { closeAttuneDb, openAttuneDb } from '../../utils/db/open';
import { addToPresenceSummary, getPresenceSummary, presenceSummaries } from '../../utils/db/presence';
import { DB_NAME, DB_VERSION } from '../../utils/db/schema';
import { V1_RECORDS } from '../fixtures/db/attune-v1';
import { createVersion1Database } from '../fixtures/db/shipped-versions';
import { getVisit, recentVisits } from '../../utils/db/visits';

const VISIT = '3b0f6a8e-2c4d-4e7f-9a1b-5c6d7e8f9a0b';
const OTHER_VISIT = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
/** An id that is not a visit's, to show it is simply left out. */
const CLIENT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const T0 = Date.UTC(2025, 0, 6, 9, 0);

describe('database upgrade to version 5 (presence summaries)', () => {
  it('is version 5 or later', () => {
    expect(DB_VERSION).toBeGreaterThanOrEqual(5);
  });

  it('upgrades a version-1 database with its clients, visits and notes intact, and adds the presence store', async () => {
    await createVersion1Database(DB_NAME);
    const [oldClient] = V1_RECORDS.clients;
    const [oldVisit] = V1_RECORDS.visits;
    const db = await openAttuneDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('presence');
    expect(await getVisit(oldVisit.id)).toEqual(oldVisit);
    expect(await getNote(oldVisit.id)).toEqual(V1_RECORDS.notes[0]);
    expect((await findOrCreateClient('j.d.', T0 + 1)).id).toBe(oldClient.id);
    expect((await recentVisits(5)).map((summary) => summary.alias)).toEqual(['J.D.']);
    // The old visit simply has no presence summary.
    expect(await getPresenceSummary(oldVisit.id)).toBeUndefined();
    await addToPresenceSummary(oldVisit.id, { awayMs: 30_000, awayEpisodes: 1 }, T0);
    expect(await getPresenceSummary(oldVisit.id)).toMatchObject({ awayMs: 30_000, awayEpisodes: 1 });
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
