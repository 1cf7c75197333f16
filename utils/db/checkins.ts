/** Check-ins, one per visit: every change is its own durable transaction, so no answer is ever lost. */
import { checkInFlags, type CheckInFlag } from '../checkin/flags';
import type { Instrument } from '../checkin/instrument';
import { checkInSchema, newCheckIn, type CheckIn } from '../checkin/record';
import { scoreView, type ViewScores } from '../checkin/scoring';
import { shouldPromptAtEnd } from '../visit-end';
import { clientSchema, visitSchema, type Visit } from '../models';
import { sealRecord } from '../lock/records';
import { instrumentFor } from './instruments';
import { openAttuneDb } from './open';
import { ConcurrentChangeError, sameStoredRow, UNCHANGED_ATTEMPTS } from './unchanged';
import { keyField, validForWrite, validRows } from './validated';

export async function checkInForVisit(visitId: string): Promise<CheckIn | undefined> {
  const db = await openAttuneDb();
  const row = await db.getFromIndex('checkIns', 'byVisit', visitId);
  if (row === undefined) return undefined;
  const [valid] = await validRows('checkIns', keyField('id'), checkInSchema, [row], db);
  return valid;
}

/**
 * Applies one change to the visit's check-in (creating it with the given instrument on the first answer) and resolves
 * once the browser has durably committed it. `change` must be synchronous and is applied to the record as stored; if
 * another page wrote the check-in meanwhile, it is applied again on top of that write (see unchanged.ts).
 */
export async function changeCheckIn(
  visit: Pick<Visit, 'id' | 'clientId'>,
  instrument: Pick<Instrument, 'id' | 'version'>,
  change: (checkIn: CheckIn) => CheckIn,
  now: number,
): Promise<CheckIn> {
  const db = await openAttuneDb();
  for (let attempt = 0; attempt < UNCHANGED_ATTEMPTS; attempt += 1) {
    const row = await db.getFromIndex('checkIns', 'byVisit', visit.id);
    // Opened and checked; a damaged record is moved aside (unchanged) before anything is written, then started afresh.
    const [stored] = row === undefined ? [] : await validRows('checkIns', keyField('id'), checkInSchema, [row], db);
    const current = stored ?? newCheckIn(visit, instrument, now);
    const next = validForWrite(checkInSchema, { ...change(current), updatedAt: Math.max(now, current.createdAt) }, 'check-in');
    const sealed = await sealRecord('checkIns', next);
    const tx = db.transaction('checkIns', 'readwrite', { durability: 'strict' });
    if (!sameStoredRow(await tx.store.index('byVisit').get(visit.id), stored === undefined ? undefined : row)) {
      tx.abort();
      await tx.done.catch(() => undefined);
      continue;
    }
    await tx.store.put(sealed);
    await tx.done;
    return next;
  }
  throw new ConcurrentChangeError('check-in');
}

/** The client's check-ins created before `before`, newest first. */
async function clientCheckIns(clientId: string, before: number): Promise<CheckIn[]> {
  const db = await openAttuneDb();
  const range = IDBKeyRange.bound([clientId, -Infinity], [clientId, before], false, true);
  const rows = await db.getAllFromIndex('checkIns', 'byClient', range);
  return (await validRows('checkIns', keyField('id'), checkInSchema, rows, db)).reverse();
}

/** The client's total at their most recent completed check-in on this instrument before `before` (creation time). */
export async function previousClientTotal(clientId: string, before: number, instrument: Instrument): Promise<number | null> {
  for (const checkIn of await clientCheckIns(clientId, before)) {
    if (checkIn.completedAt === null || checkIn.instrumentId !== instrument.id || checkIn.instrumentVersion !== instrument.version) continue;
    const total = scoreView(instrument, checkIn.client)?.total ?? null;
    if (total !== null) return total;
  }
  return null;
}

/** A check-in with what it means: both views' scores and the flags it raises. */
export interface CheckInReview {
  checkIn: CheckIn;
  instrument: Instrument;
  client: ViewScores | null;
  clinician: ViewScores | null;
  previousClientTotal: number | null;
  flags: CheckInFlag[];
}

export async function reviewCheckIn(checkIn: CheckIn): Promise<CheckInReview | undefined> {
  const instrument = await instrumentFor(checkIn.instrumentId, checkIn.instrumentVersion);
  if (instrument === undefined) return undefined;
  const previous = await previousClientTotal(checkIn.clientId, checkIn.createdAt, instrument);
  return {
    checkIn,
    instrument,
    client: scoreView(instrument, checkIn.client),
    clinician: scoreView(instrument, checkIn.clinician),
    previousClientTotal: previous,
    flags: checkInFlags({ instrument, checkIn, previousClientTotal: previous }),
  };
}

/** What the "last time" card shows about the client's most recent completed check-in. */
export interface LastCheckInSummary extends CheckInReview {
  /** When that visit's check-in was completed. */
  completedAt: number;
  forNextTime: string;
}

/**
 * The client's most recent completed check-in (before `before`, if given): scores, flags and the "for next time"
 * note, for the next visit's "last time" card. Undefined when the client has none yet.
 */
export async function lastCheckInSummary(clientId: string, before = Number.MAX_SAFE_INTEGER): Promise<LastCheckInSummary | undefined> {
  for (const checkIn of await clientCheckIns(clientId, before)) {
    if (checkIn.completedAt === null) continue;
    const review = await reviewCheckIn(checkIn);
    if (review !== undefined) return { ...review, completedAt: checkIn.completedAt, forNextTime: checkIn.rupture.forNextTime };
  }
  return undefined;
}

/** An ended visit whose check-in is not complete yet. */
export interface CheckInToComplete {
  visit: Visit;
  alias: string;
  checkIn: CheckIn | undefined;
}

/** Among the `recent` most recent visits, those that ended and still want a check-in (or finishing one), newest first. */
export async function checkInsToComplete(recent: number): Promise<CheckInToComplete[]> {
  const db = await openAttuneDb();
  const rows: unknown[] = [];
  let cursor = await db.transaction('visits').store.index('byStartedAt').openCursor(null, 'prev');
  while (cursor !== null && rows.length < recent) {
    rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  const visits = (await validRows('visits', keyField('id'), visitSchema, rows, db)).filter((visit) => visit.endedAt !== null);
  const tx = db.transaction(['checkIns', 'clients']);
  const [checkInRows, clientRows] = await Promise.all([
    Promise.all(visits.map((visit) => tx.objectStore('checkIns').index('byVisit').get(visit.id))),
    Promise.all(visits.map((visit) => tx.objectStore('clients').get(visit.clientId))),
  ]);
  const checkIns = await validRows('checkIns', keyField('id'), checkInSchema, checkInRows.filter(isDefined), db);
  const clients = await validRows('clients', keyField('id'), clientSchema, clientRows.filter(isDefined), db);
  const checkInByVisit = new Map(checkIns.map((checkIn) => [checkIn.visitId, checkIn]));
  const aliasById = new Map(clients.map((client) => [client.id, client.alias]));
  return visits
    .map((visit) => ({ visit, alias: aliasById.get(visit.clientId) ?? '?', checkIn: checkInByVisit.get(visit.id) }))
    // A check-in already begun is always listed; an untouched one only if the visit's end prompts for it.
    .filter(({ visit, checkIn }) => (checkIn === undefined ? shouldPromptAtEnd(visit) : checkIn.completedAt === null));
}

/** Completed check-ins of these visits that raised flags, with their review, in the order of the visits given. */
export async function flaggedReviews(visits: readonly Visit[]): Promise<{ visit: Visit; review: CheckInReview }[]> {
  const db = await openAttuneDb();
  const tx = db.transaction('checkIns');
  const rows = await Promise.all(visits.map((visit) => tx.store.index('byVisit').get(visit.id)));
  const checkIns = await validRows('checkIns', keyField('id'), checkInSchema, rows.filter(isDefined), db);
  const byVisit = new Map(checkIns.filter((checkIn) => checkIn.completedAt !== null).map((checkIn) => [checkIn.visitId, checkIn]));
  const flagged: { visit: Visit; review: CheckInReview }[] = [];
  for (const visit of visits) {
    const checkIn = byVisit.get(visit.id);
    const review = checkIn === undefined ? undefined : await reviewCheckIn(checkIn);
    if (review !== undefined && review.flags.length > 0) flagged.push({ visit, review });
  }
  return flagged;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
