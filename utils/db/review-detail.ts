/** A visit's whole record, and a client's overview, for the review screens. */
import type { AgendaItem } from '../agenda/schema';
import type { Goal } from '../goals/schema';
import { visitSchema, type Client, type PresenceSummary, type Visit } from '../models';
import { nextTimeSchema, type NextTime } from '../next-time/schema';
import { listAgenda } from './agenda';
import { checkInForVisit, reviewCheckIn, type CheckInReview } from './checkins';
import { getClient } from './clients';
import { listGoals } from './goals';
import { getNextTime } from './next-time';
import { getNote } from './notes';
import { openAttuneDb } from './open';
import { getPresenceSummary } from './presence';
import { allianceTrend, type AllianceTrend } from './review';
import { keyField, validRows } from './validated';
import { getVisit, summariseVisits, type VisitSummary } from './visits';

export interface VisitDetail {
  visit: Visit;
  client: Client | undefined;
  agenda: AgendaItem[];
  note: string;
  nextTime: NextTime | undefined;
  /** The check-in as recorded, with scores and flags; undefined when there is none (or its instrument is gone). */
  checkIn: CheckInReview | undefined;
  presence: PresenceSummary | undefined;
}

export async function visitDetail(visitId: string): Promise<VisitDetail | undefined> {
  const visit = await getVisit(visitId);
  if (visit === undefined) return undefined;
  const [client, agenda, note, nextTime, checkIn, presence] = await Promise.all([
    getClient(visit.clientId),
    listAgenda(visit.id),
    getNote(visit.id),
    getNextTime(visit.id),
    checkInForVisit(visit.id),
    getPresenceSummary(visit.id),
  ]);
  return {
    visit,
    client,
    agenda,
    note: note?.text ?? '',
    nextTime,
    checkIn: checkIn === undefined ? undefined : await reviewCheckIn(checkIn),
    presence,
  };
}

export interface ClientOverview {
  client: Client;
  trend: AllianceTrend | undefined;
  goals: Goal[];
  /** The client's latest visits, newest first, with their notes' first lines. */
  recent: VisitSummary[];
  /** What was agreed for next time at the latest visit that recorded it. */
  lastNextTime: NextTime | undefined;
  visitCount: number;
}

const RECENT_FOR_CLIENT = 5;

export async function clientOverview(clientId: string): Promise<ClientOverview | undefined> {
  const client = await getClient(clientId);
  if (client === undefined) return undefined;
  const db = await openAttuneDb();
  const range = IDBKeyRange.bound([clientId, 0], [clientId, Number.MAX_SAFE_INTEGER]);
  const tx = db.transaction(['visits', 'nextTime']);
  const visitIndex = tx.objectStore('visits').index('byClient');
  const [visitCount, nextTimes] = await Promise.all([
    visitIndex.count(range),
    tx.objectStore('nextTime').index('byClient').getAll(clientId),
  ]);
  const rows: unknown[] = [];
  let cursor = await visitIndex.openCursor(range, 'prev');
  while (cursor !== null && rows.length < RECENT_FOR_CLIENT) {
    rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  const visits = await validRows('visits', keyField('id'), visitSchema, rows, db);
  const [trend, goals, recent] = await Promise.all([allianceTrend(clientId), listGoals(clientId), summariseVisits(visits)]);
  const agreed = await validRows('nextTime', keyField('visitId'), nextTimeSchema, nextTimes, db);
  const lastNextTime = agreed
    .filter((entry) => entry.homework.trim() !== '' || entry.note.trim() !== '')
    .sort((a, b) => b.updatedAt - a.updatedAt)[0];
  return { client, trend, goals, recent, lastNextTime, visitCount };
}
