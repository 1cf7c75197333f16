import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AgendaItem, AgendaTemplate } from '../agenda/schema';
import type { StoredInstrument } from '../checkin/instrument';
import type { CheckIn } from '../checkin/record';
import type { Goal } from '../goals/schema';
import type { Client, Note, PresenceSummary, Visit } from '../models';
import type { NextTime } from '../next-time/schema';
import type { ReminderLogEntry } from '../reminders/schema';

export const DB_NAME = 'attune';
/** Bump by one for each schema change and add a step to `upgradeAttuneDb`; never edit a step once it has shipped. */
export const DB_VERSION = 6;

/** A stored record that failed validation, moved here unchanged so it is never lost or overwritten. */
export interface SetAsideRecord {
  id?: number;
  store: string;
  key: string;
  /** The record exactly as it was found. */
  value: unknown;
  problem: string;
  foundAt: number;
}

export interface AttuneDB extends DBSchema {
  clients: { key: string; value: Client; indexes: { byAliasKey: string } };
  visits: { key: string; value: Visit; indexes: { byStartedAt: number; byClient: [string, number] } };
  notes: { key: string; value: Note };
  setAside: { key: number; value: SetAsideRecord };
  // Version 2: the in-visit panel (agenda, goals, reminders, what carries to next time).
  agendaItems: { key: string; value: AgendaItem; indexes: { byVisit: string } };
  agendaTemplates: { key: string; value: AgendaTemplate };
  goals: { key: string; value: Goal; indexes: { byClient: string } };
  reminderLog: { key: string; value: ReminderLogEntry; indexes: { byVisit: string } };
  /** Version 6 adds `byClient`, so a client's records can all be found (review, deletion) without a full scan. */
  nextTime: { key: string; value: NextTime; indexes: { byClient: string } };
  /** Version 3: end-of-visit alliance check-ins, one per visit. */
  /** Version 6 adds `byCompletedAt`: the newest completed check-ins (flags) without reading every check-in. */
  checkIns: { key: string; value: CheckIn; indexes: { byClient: [string, number]; byVisit: string; byCompletedAt: number } };
  /** Version 3: check-in instruments a practice loaded (the shipped one lives in code). */
  instruments: { key: string; value: StoredInstrument };
  /** Version 5: one presence summary per visit (issue #6). */
  presence: { key: string; value: PresenceSummary };
}


export type AttuneDatabase = IDBPDatabase<AttuneDB>;
export type AttuneStore = StoreNames<AttuneDB>;

/** The upgrade ladder: cumulative steps, each applied once, in order, inside the version-change transaction. */
export function upgradeAttuneDb(
  db: AttuneDatabase,
  oldVersion: number,
  transaction: IDBPTransaction<AttuneDB, AttuneStore[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const clients = db.createObjectStore('clients', { keyPath: 'id' });
    clients.createIndex('byAliasKey', 'aliasKey', { unique: true });
    const visits = db.createObjectStore('visits', { keyPath: 'id' });
    visits.createIndex('byStartedAt', 'startedAt');
    visits.createIndex('byClient', ['clientId', 'startedAt']);
    db.createObjectStore('notes', { keyPath: 'visitId' });
    db.createObjectStore('setAside', { keyPath: 'id', autoIncrement: true });
  }
  if (oldVersion < 2) {
    // Additive: new stores only; records of version 1 are untouched.
    db.createObjectStore('agendaItems', { keyPath: 'id' }).createIndex('byVisit', 'visitId');
    db.createObjectStore('agendaTemplates', { keyPath: 'id' });
    db.createObjectStore('goals', { keyPath: 'id' }).createIndex('byClient', 'clientId');
    db.createObjectStore('reminderLog', { keyPath: 'id' }).createIndex('byVisit', 'visitId');
    db.createObjectStore('nextTime', { keyPath: 'visitId' });
  }
  if (oldVersion < 3) {
    const checkIns = db.createObjectStore('checkIns', { keyPath: 'id' });
    checkIns.createIndex('byClient', ['clientId', 'createdAt']);
    checkIns.createIndex('byVisit', 'visitId', { unique: true });
    db.createObjectStore('instruments', { keyPath: 'key' });
  }
  if (oldVersion < 5) {
    db.createObjectStore('presence', { keyPath: 'visitId' });
  }
  if (oldVersion < 6) {
    // Review at scale (issue #7): indexes only, so existing records are untouched. An in-progress check-in has no
    // completedAt (null is not a key), so the index holds exactly the completed ones.
    transaction.objectStore('checkIns').createIndex('byCompletedAt', 'completedAt');
    transaction.objectStore('nextTime').createIndex('byClient', 'clientId');
  }
}
