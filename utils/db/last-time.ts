import { openGoals, unfinishedItems } from '../agenda/carry-over';
import type { AgendaItem } from '../agenda/schema';
import type { Goal } from '../goals/schema';
import { visitSchema, type Visit } from '../models';
import type { NextTime } from '../next-time/schema';
import { listAgenda } from './agenda';
import { listGoals } from './goals';
import { getNextTime } from './next-time';
import { openAttuneDb } from './open';
import { keyField, validRows } from './validated';

/** What carried over from the client's previous visit, for the "Last time" card. */
export interface LastTime {
  previousVisit: Visit;
  nextTime: NextTime | undefined;
  /** Unchecked items of the previous visit not yet taken into this one. */
  unfinished: AgendaItem[];
  openGoals: Goal[];
}

/** The client's most recent visit that started before this one, read newest-first through the client index. */
export async function previousVisit(visit: Visit): Promise<Visit | undefined> {
  const db = await openAttuneDb();
  const range = IDBKeyRange.bound([visit.clientId, 0], [visit.clientId, visit.startedAt]);
  let cursor = await db.transaction('visits').store.index('byClient').openCursor(range, 'prev');
  while (cursor !== null) {
    if (cursor.value.id !== visit.id) {
      const [valid] = await validRows('visits', keyField('id'), visitSchema, [cursor.value], db);
      if (valid !== undefined) return valid;
      // The damaged visit was set aside; look again for the one before it.
      return previousVisit(visit);
    }
    cursor = await cursor.continue();
  }
  return undefined;
}

/** Undefined for a client's first visit. */
export async function lastTimeFor(visit: Visit, currentItems: readonly AgendaItem[]): Promise<LastTime | undefined> {
  const previous = await previousVisit(visit);
  if (previous === undefined) return undefined;
  const [nextTime, previousItems, goals] = await Promise.all([
    getNextTime(previous.id),
    listAgenda(previous.id),
    listGoals(visit.clientId),
  ]);
  return { previousVisit: previous, nextTime, unfinished: unfinishedItems(previousItems, currentItems), openGoals: openGoals(goals) };
}
