import { describe, expect, it } from 'vitest';
import { ATTUNE_CHECK_IN } from '../../utils/checkin/instrument';
import { changeCheckIn, checkInForVisit, checkInsToComplete, flaggedReviews, lastCheckInSummary, previousClientTotal, reviewCheckIn } from '../../utils/db/checkins';
import { findOrCreateClient } from '../../utils/db/clients';
import { loadInstrument } from '../../utils/db/instruments';
import { closeAttuneDb, openAttuneDb } from '../../utils/db/open';
import { endVisit, startVisit } from '../../utils/db/visits';
import type { Visit } from '../../utils/models';
import { CUSTOM, practiceInstrument } from './checkin-fixtures';

const MIN = 60_000;

async function visitFor(alias: string, startedAt: number): Promise<Visit> {
  const client = await findOrCreateClient(alias, startedAt);
  return startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 45 }, startedAt);
}

const answer = (view: 'client' | 'clinician', itemId: string, value: number | null) => (checkIn: Parameters<Parameters<typeof changeCheckIn>[2]>[0]) => ({
  ...checkIn,
  [view]: { ...checkIn[view], answers: { ...checkIn[view].answers, [itemId]: value } },
});

async function completedCheckIn(visit: Visit, client: Record<string, number>, at: number, forNextTime = '') {
  for (const [itemId, value] of Object.entries(client)) await changeCheckIn(visit, ATTUNE_CHECK_IN, answer('client', itemId, value), at);
  return changeCheckIn(visit, ATTUNE_CHECK_IN, (checkIn) => ({ ...checkIn, completedAt: at, rupture: { ...checkIn.rupture, forNextTime } }), at);
}

describe('check-in storage', () => {
  it('creates the check-in on the first answer and keeps every answer, each in its own committed write', async () => {
    const visit = await visitFor('AB', 1_000);
    expect(await checkInForVisit(visit.id)).toBeUndefined();
    const first = await changeCheckIn(visit, ATTUNE_CHECK_IN, answer('client', 'goals', 7), 2_000);
    await changeCheckIn(visit, ATTUNE_CHECK_IN, answer('clinician', 'goals', 9), 3_000);
    await changeCheckIn(visit, ATTUNE_CHECK_IN, answer('client', 'approach', null), 4_000);
    // A fresh connection, as after the tab was closed and opened again: everything is there and resumable.
    closeAttuneDb();
    const stored = await checkInForVisit(visit.id);
    expect(stored).toMatchObject({
      id: first.id,
      visitId: visit.id,
      clientId: visit.clientId,
      instrumentId: 'attune-brief-check-in',
      createdAt: 2_000,
      updatedAt: 4_000,
      completedAt: null,
      client: { answers: { goals: 7, approach: null }, skipped: false },
      clinician: { answers: { goals: 9 }, skipped: false },
    });
  });

  it('refuses an invalid change with the reason and keeps what was stored', async () => {
    const visit = await visitFor('AB', 1_000);
    await changeCheckIn(visit, ATTUNE_CHECK_IN, answer('client', 'goals', 7), 2_000);
    await expect(changeCheckIn(visit, ATTUNE_CHECK_IN, (checkIn) => ({ ...checkIn, rupture: { ...checkIn.rupture, forNextTime: 'x'.repeat(501) } }), 3_000)).rejects.toThrow(
      'The check-in was not saved: rupture.forNextTime',
    );
    expect((await checkInForVisit(visit.id))?.client.answers).toEqual({ goals: 7 });
  });

  it('sets a damaged stored check-in aside unchanged before writing a fresh one', async () => {
    const visit = await visitFor('AB', 1_000);
    const db = await openAttuneDb();
    await db.put('checkIns', { id: 'damaged', visitId: visit.id, clientId: visit.clientId } as never);
    await changeCheckIn(visit, ATTUNE_CHECK_IN, answer('client', 'goals', 7), 2_000);
    expect((await checkInForVisit(visit.id))?.client.answers).toEqual({ goals: 7 });
    const setAside = await db.getAll('setAside');
    expect(setAside).toHaveLength(1);
    expect(setAside[0]).toMatchObject({ store: 'checkIns', key: 'damaged', value: { id: 'damaged', visitId: visit.id } });
  });

  it('compares with the client’s previous completed check-in, skipping incomplete ones and other clients', async () => {
    const first = await visitFor('AB', 1 * MIN);
    await completedCheckIn(first, { goals: 10, approach: 10, together: 10, overall: 10 }, 2 * MIN);
    const unfinished = await visitFor('AB', 3 * MIN);
    await changeCheckIn(unfinished, ATTUNE_CHECK_IN, answer('client', 'goals', 1), 4 * MIN);
    const other = await visitFor('CD', 5 * MIN);
    await completedCheckIn(other, { goals: 2, approach: 2, together: 2, overall: 2 }, 6 * MIN);
    const current = await visitFor('AB', 7 * MIN);
    const checkIn = await completedCheckIn(current, { goals: 9, approach: 9, together: 9, overall: 8 }, 8 * MIN);

    expect(await previousClientTotal(current.clientId, checkIn.createdAt, ATTUNE_CHECK_IN)).toBe(40);
    // A check-in on another instrument is not comparable.
    await loadInstrument(practiceInstrument(), 0);
    expect(await previousClientTotal(current.clientId, checkIn.createdAt, CUSTOM)).toBeNull();

    const review = await reviewCheckIn(checkIn);
    expect(review?.client?.total).toBe(35);
    expect(review?.flags).toEqual([{ kind: 'drop', previous: 40, total: 35 }]);
  });

  it('gives the "last time" card the latest completed check-in: scores, flags and the note for next time', async () => {
    const first = await visitFor('AB', 1 * MIN);
    expect(await lastCheckInSummary(first.clientId)).toBeUndefined();
    await completedCheckIn(first, { goals: 4, approach: 8, together: 8, overall: 8 }, 2 * MIN, 'Ask how the homework felt.');
    const second = await visitFor('AB', 3 * MIN);
    await changeCheckIn(second, ATTUNE_CHECK_IN, answer('client', 'goals', 10), 4 * MIN);

    const summary = await lastCheckInSummary(first.clientId);
    expect(summary).toMatchObject({
      completedAt: 2 * MIN,
      forNextTime: 'Ask how the homework felt.',
      client: { total: 28 },
      clinician: null,
      previousClientTotal: null,
      flags: [
        { kind: 'total-low', view: 'client', total: 28, threshold: 32 },
        { kind: 'item-low', view: 'client', itemId: 'goals', value: 4, threshold: 6 },
      ],
    });
    expect(await lastCheckInSummary(first.clientId, 1 * MIN)).toBeUndefined();
  });

  it('lists ended visits whose check-in is not complete, leaving out untouched short visits that ended on their own', async () => {
    const done = await visitFor('AB', 1 * MIN);
    await completedCheckIn(done, { goals: 9 }, 2 * MIN);
    await endVisit(done.id, 'manual', 40 * MIN);
    const pending = await visitFor('CD', 50 * MIN);
    await endVisit(pending.id, 'left-call', 95 * MIN);
    const falseStart = await visitFor('EF', 100 * MIN);
    await endVisit(falseStart.id, 'tab-closed', 101 * MIN);
    await visitFor('GH', 110 * MIN);
    let list = await checkInsToComplete(20);
    expect(list.map((entry) => [entry.alias, entry.checkIn?.completedAt ?? null])).toEqual([['CD', null]]);

    // A check-in begun in a short visit whose tab then closed is listed, so it can be finished.
    const closedMidCheckIn = await visitFor('IJ', 120 * MIN);
    await changeCheckIn(closedMidCheckIn, ATTUNE_CHECK_IN, answer('client', 'goals', 6), 120.5 * MIN);
    await endVisit(closedMidCheckIn.id, 'tab-closed', 121 * MIN);
    list = await checkInsToComplete(20);
    expect(list.map((entry) => [entry.alias, entry.checkIn?.client.answers ?? null])).toEqual([
      ['IJ', { goals: 6 }],
      ['CD', null],
    ]);
  });

  it('picks out the completed check-ins that raised flags, for the popup', async () => {
    const calm = await visitFor('AB', 1 * MIN);
    await completedCheckIn(calm, { goals: 9, approach: 9, together: 9, overall: 9 }, 2 * MIN);
    const flagged = await visitFor('CD', 3 * MIN);
    await completedCheckIn(flagged, { goals: 9, approach: 3, together: 9, overall: 9 }, 4 * MIN);
    const unfinished = await visitFor('EF', 5 * MIN);
    await changeCheckIn(unfinished, ATTUNE_CHECK_IN, answer('client', 'goals', 1), 6 * MIN);
    const untouched = await visitFor('GH', 7 * MIN);

    const reviews = await flaggedReviews([untouched, unfinished, flagged, calm]);
    expect(reviews.map(({ visit, review }) => [visit.id, review.flags.map((flag) => flag.kind)])).toEqual([[flagged.id, ['total-low', 'item-low']]]);
  });
});
