/**
 * Reads for reviewing past visits (popup and history page). Every query pages through an index and reads only what one
 * screen shows, so the first screen costs the same with ten visits or ten thousand.
 */
import { scoreView } from '../checkin/scoring';
import { checkInSchema } from '../checkin/record';
import { readLockRecord } from '../lock/state';
import { clientSchema, visitSchema, type Client, type Visit } from '../models';
import { reviewCheckIn, type CheckInReview } from './checkins';
import { instrumentFor } from './instruments';
import { openAttuneDb } from './open';
import { keyField, validRows } from './validated';
import { summariseVisits, type VisitSummary } from './visits';

export interface VisitSearch {
  /** The start of a client alias (ignoring case); empty for every client. */
  alias: string;
  /** Visits that started at or after this time (epoch ms), or null for no lower bound. */
  from: number | null;
  /** Visits that started before this time (epoch ms), or null for no upper bound. */
  to: number | null;
}

export interface VisitPage {
  summaries: VisitSummary[];
  /** Whether there are more visits after this page. */
  more: boolean;
}

/** How many clients an alias search looks at; a prefix this broad should be narrowed by typing more. */
const MATCHING_CLIENTS_MAX = 50;

/**
 * Clients whose alias starts with `prefix` (ignoring case), alphabetically. With the lock off this walks the unique alias
 * index; with it on, the index holds keyed hashes, so the clients store is read and the aliases are opened and matched in
 * memory (a caseload is hundreds of clients, not thousands).
 */
export async function clientsByAliasPrefix(prefix: string, limit = MATCHING_CLIENTS_MAX): Promise<Client[]> {
  const key = prefix.trim().toLowerCase();
  const db = await openAttuneDb();
  if ((await readLockRecord()) !== undefined) {
    const clients = await validRows('clients', keyField('id'), clientSchema, await db.getAll('clients'), db);
    return clients
      .filter((client) => client.aliasKey.startsWith(key))
      .sort((a, b) => (a.aliasKey < b.aliasKey ? -1 : a.aliasKey > b.aliasKey ? 1 : 0))
      .slice(0, limit);
  }
  const range = key === '' ? null : IDBKeyRange.bound(key, `${key}\uffff`);
  const rows: unknown[] = [];
  let cursor = await db.transaction('clients').store.index('byAliasKey').openCursor(range);
  while (cursor !== null && rows.length < limit) {
    rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  return validRows('clients', keyField('id'), clientSchema, rows, db);
}

/** One page of visits matching the search, newest first, after skipping `offset` of them. */
export async function searchVisits(search: VisitSearch, offset: number, limit: number): Promise<VisitPage> {
  const lower = search.from ?? 0;
  const upper = search.to ?? Number.MAX_SAFE_INTEGER;
  if (upper <= lower) return { summaries: [], more: false };
  const db = await openAttuneDb();
  let rows: unknown[];
  if (search.alias.trim() === '') {
    rows = [];
    const tx = db.transaction('visits');
    let cursor = await tx.store.index('byStartedAt').openCursor(IDBKeyRange.bound(lower, upper, false, true), 'prev');
    if (cursor !== null && offset > 0) cursor = await cursor.advance(offset);
    while (cursor !== null && rows.length <= limit) {
      rows.push(cursor.value);
      cursor = await cursor.continue();
    }
  } else {
    // Each matching client's visits in the date range come straight from the [client, start] index.
    const clients = await clientsByAliasPrefix(search.alias);
    const tx = db.transaction('visits');
    const perClient = await Promise.all(
      clients.map((client) =>
        tx.store.index('byClient').getAll(IDBKeyRange.bound([client.id, lower], [client.id, upper], false, true)),
      ),
    );
    rows = perClient
      .flat()
      .sort((a, b) => b.startedAt - a.startedAt)
      .slice(offset, offset + limit + 1);
  }
  const visits = await validRows('visits', keyField('id'), visitSchema, rows.slice(0, limit), db);
  return { summaries: await summariseVisits(visits), more: rows.length > limit };
}

/** A completed check-in that raised flags, with its visit and client alias. */
export interface FlaggedCheckIn {
  visit: Visit;
  alias: string;
  review: CheckInReview;
}

/** The newest completed check-ins that raised flags: at most `limit`, looking back over the last `scan` completed. */
export async function recentFlaggedCheckIns(limit: number, scan = 40): Promise<FlaggedCheckIn[]> {
  const db = await openAttuneDb();
  const rows: unknown[] = [];
  let cursor = await db.transaction('checkIns').store.index('byCompletedAt').openCursor(null, 'prev');
  while (cursor !== null && rows.length < scan) {
    rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  const checkIns = await validRows('checkIns', keyField('id'), checkInSchema, rows, db);
  const flagged: FlaggedCheckIn[] = [];
  for (const checkIn of checkIns) {
    if (flagged.length >= limit) break;
    const review = await reviewCheckIn(checkIn);
    if (review === undefined || review.flags.length === 0) continue;
    const [visitRow, clientRow] = await Promise.all([db.get('visits', checkIn.visitId), db.get('clients', checkIn.clientId)]);
    const [visit] = await validRows('visits', keyField('id'), visitSchema, visitRow === undefined ? [] : [visitRow], db);
    const [client] = await validRows('clients', keyField('id'), clientSchema, clientRow === undefined ? [] : [clientRow], db);
    if (visit !== undefined) flagged.push({ visit, alias: client?.alias ?? '?', review });
  }
  return flagged;
}

/** One completed check-in on the trend: both views' totals (null when incomplete or skipped). */
export interface TrendPoint {
  visitId: string;
  at: number;
  client: number | null;
  clinician: number | null;
}

export interface AllianceTrend {
  instrumentId: string;
  instrumentVersion: string;
  /** The lowest and highest total the instrument allows. */
  range: { min: number; max: number };
  /** A client total under this raises a flag. */
  threshold: number;
  /** Oldest first. */
  points: TrendPoint[];
  /** Completed check-ins on other instruments, not drawn on this trend. */
  otherInstruments: number;
}

/**
 * The client's alliance trend on the instrument of their latest completed check-in: one index read of the client's own
 * check-ins (a caseload's client has tens, not thousands), scored on the way.
 */
export async function allianceTrend(clientId: string): Promise<AllianceTrend | undefined> {
  const db = await openAttuneDb();
  const range = IDBKeyRange.bound([clientId, 0], [clientId, Number.MAX_SAFE_INTEGER]);
  const rows = await db.getAllFromIndex('checkIns', 'byClient', range);
  const completed = (await validRows('checkIns', keyField('id'), checkInSchema, rows, db))
    .filter((checkIn) => checkIn.completedAt !== null)
    .sort((a, b) => (a.completedAt ?? 0) - (b.completedAt ?? 0));
  const latest = completed.at(-1);
  if (latest === undefined) return undefined;
  const instrument = await instrumentFor(latest.instrumentId, latest.instrumentVersion);
  if (instrument === undefined) return undefined;
  const same = completed.filter((checkIn) => checkIn.instrumentId === instrument.id && checkIn.instrumentVersion === instrument.version);
  const count = instrument.items.length;
  return {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    range: { min: instrument.scale.min * count, max: instrument.scale.max * count },
    threshold: instrument.rules.totalBelow,
    points: same.map((checkIn) => ({
      visitId: checkIn.visitId,
      at: checkIn.completedAt ?? checkIn.updatedAt,
      client: scoreView(instrument, checkIn.client)?.total ?? null,
      clinician: scoreView(instrument, checkIn.clinician)?.total ?? null,
    })),
    otherInstruments: completed.length - same.length,
  };
}
