import { describe, expect, it } from 'vitest';
import { deleteClient, deleteEverything, deleteVisit, deleteVisitsStartedBefore } from '../../utils/db/deletion';
import { openAttuneDb } from '../../utils/db/open';
import { visitSchema } from '../../utils/models';
import { V5_RECORDS } from '../fixtures/db/attune-v5';
import { fillWithHistory, NOW, snapshot } from './review-fixtures';

const [FIXTURE_CLIENT] = V5_RECORDS.clients;
const [FIXTURE_VISIT] = V5_RECORDS.visits;
const DAY = 86_400_000;

/** Every record in the database that mentions this id anywhere. */
async function recordsMentioning(id: string): Promise<string[]> {
  const all = await snapshot();
  return Object.entries(all).flatMap(([store, records]) => records.filter((record) => JSON.stringify(record).includes(id)).map(() => store));
}

describe('deleting', () => {
  it('a visit removes it and everything recorded in it, and nothing of other visits', async () => {
    await fillWithHistory(60);
    const before = await snapshot();
    expect((await recordsMentioning(FIXTURE_VISIT.id)).sort()).toEqual(['agendaItems', 'checkIns', 'goals', 'nextTime', 'notes', 'presence', 'reminderLog', 'visits']);
    await deleteVisit(FIXTURE_VISIT.id);
    // The goal stays (it belongs to the client); its rating in that visit remains part of its history.
    expect(await recordsMentioning(FIXTURE_VISIT.id)).toEqual(['goals']);
    const after = await snapshot();
    expect(after.visits).toHaveLength((before.visits?.length ?? 0) - 1);
    expect(after.checkIns).toHaveLength((before.checkIns?.length ?? 0) - 1);
    expect(after.clients).toEqual(before.clients);
  });

  it('a client removes every record of theirs in every store, and only theirs', async () => {
    const history = await fillWithHistory(200);
    const byClient = new Map<string, typeof history.visits>();
    for (const visit of history.visits) byClient.set(visit.clientId, [...(byClient.get(visit.clientId) ?? []), visit]);
    const [clientId, theirVisits] = [...byClient].sort((a, b) => b[1].length - a[1].length)[0] ?? expect.fail('no visits');
    expect(theirVisits.length).toBeGreaterThan(3);
    const before = await snapshot();
    expect(await deleteClient(clientId)).toEqual({ visits: theirVisits.length });
    expect(await recordsMentioning(clientId)).toEqual([]);
    for (const visit of theirVisits) expect(await recordsMentioning(visit.id)).toEqual([]);
    const after = await snapshot();
    expect(after.visits).toHaveLength((before.visits?.length ?? 0) - theirVisits.length);
    expect(after.clients).toHaveLength((before.clients?.length ?? 0) - 1);

    await deleteClient(FIXTURE_CLIENT.id);
    expect(await recordsMentioning(FIXTURE_CLIENT.id)).toEqual([]);
    expect((await snapshot()).goals).toEqual([]);
  });

  it('everything leaves every store empty', async () => {
    await fillWithHistory(20);
    await deleteEverything();
    const after = await snapshot();
    expect(Object.values(after).every((records) => records.length === 0)).toBe(true);
  });

  it('visits older than the retention period goes in batches and keeps newer visits, open visits and clients', async () => {
    const history = await fillWithHistory(500);
    const db = await openAttuneDb();
    const cutoff = NOW - 90 * DAY;
    const openOld = { ...FIXTURE_VISIT, id: '7a1c2b0e-1a2b-4c3d-8e4f-5a6b7c8d9e99', startedAt: 1_000, endedAt: null, endReason: null };
    await db.put('visits', openOld);
    const old = history.visits.filter((visit) => visit.startedAt < cutoff).length + 1;
    expect(await deleteVisitsStartedBefore(cutoff, 64)).toBe(old);
    const after = await snapshot();
    const keptVisits = visitSchema.array().parse(after.visits);
    expect(keptVisits.filter((visit) => visit.startedAt < cutoff)).toEqual([openOld]);
    expect(keptVisits).toHaveLength(history.visits.length - old + 2);
    expect(after.clients).toHaveLength(history.clients.length + 1);
    expect(await deleteVisitsStartedBefore(cutoff)).toBe(0);
  });
});
