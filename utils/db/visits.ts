import { clientSchema, noteSchema, visitSchema, type Visit, type VisitEndReason } from '../models';
import { firstLine } from './notes';
import { openAttuneDb } from './open';
import { keyField, validForWrite, validRows } from './validated';

export interface NewVisit {
  clientId: string;
  platform: string;
  host: string;
  plannedMinutes: number;
}

export async function startVisit(details: NewVisit, now: number): Promise<Visit> {
  const visit = validForWrite(
    visitSchema,
    { id: crypto.randomUUID(), ...details, startedAt: now, endedAt: null, endReason: null },
    'visit',
  );
  const db = await openAttuneDb();
  const tx = db.transaction('visits', 'readwrite', { durability: 'strict' });
  await tx.store.add(visit);
  await tx.done;
  return visit;
}

export async function getVisit(id: string): Promise<Visit | undefined> {
  const db = await openAttuneDb();
  const row = await db.get('visits', id);
  if (row === undefined) return undefined;
  const [valid] = await validRows('visits', keyField('id'), visitSchema, [row], db);
  return valid;
}

/** Records the end of a visit. A visit that has already ended keeps its first end time and reason. */
export async function endVisit(id: string, reason: VisitEndReason, now: number): Promise<Visit | undefined> {
  const db = await openAttuneDb();
  const tx = db.transaction('visits', 'readwrite', { durability: 'strict' });
  const row = await tx.store.get(id);
  const parsed = visitSchema.safeParse(row);
  let visit = parsed.success ? parsed.data : undefined;
  if (visit !== undefined && visit.endedAt === null) {
    visit = validForWrite(visitSchema, { ...visit, endedAt: Math.max(now, visit.startedAt), endReason: reason }, 'visit');
    await tx.store.put(visit);
  }
  await tx.done;
  return visit;
}

/** A past visit as lists show it: who, when, how long, and the first line of the note. */
export interface VisitSummary {
  visit: Visit;
  alias: string;
  notePreview: string;
}

/** The most recent visits, newest first, read through the start-time index so only `limit` visits are loaded. */
export async function recentVisits(limit: number): Promise<VisitSummary[]> {
  const db = await openAttuneDb();
  const rows: unknown[] = [];
  let cursor = await db.transaction('visits').store.index('byStartedAt').openCursor(null, 'prev');
  while (cursor !== null && rows.length < limit) {
    rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  return summariseVisits(await validRows('visits', keyField('id'), visitSchema, rows, db));
}

/** Visits as lists show them: each with its client's alias and its note's first line, read in one transaction. */
export async function summariseVisits(visits: readonly Visit[]): Promise<VisitSummary[]> {
  const db = await openAttuneDb();
  const tx = db.transaction(['clients', 'notes']);
  const [clientRows, noteRows] = await Promise.all([
    Promise.all(visits.map((visit) => tx.objectStore('clients').get(visit.clientId))),
    Promise.all(visits.map((visit) => tx.objectStore('notes').get(visit.id))),
  ]);
  const [clients, notes] = await Promise.all([
    validRows('clients', keyField('id'), clientSchema, clientRows.filter(isDefined), db),
    validRows('notes', keyField('visitId'), noteSchema, noteRows.filter(isDefined), db),
  ]);
  const aliasById = new Map(clients.map((client) => [client.id, client.alias]));
  const noteByVisit = new Map(notes.map((note) => [note.visitId, note.text]));
  return visits.map((visit) => ({
    visit,
    alias: aliasById.get(visit.clientId) ?? '?',
    notePreview: firstLine(noteByVisit.get(visit.id) ?? ''),
  }));
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** Elapsed minutes of a visit, whole and rounded down; an open visit counts up to `now`. */
export function visitMinutes(visit: Visit, now: number): number {
  return Math.max(0, Math.floor(((visit.endedAt ?? now) - visit.startedAt) / 60_000));
}
