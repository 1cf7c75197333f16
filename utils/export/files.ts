/** The export files, read from the database: CSV of check-ins, FHIR Bundle, and (in utils/backup) the JSON backup. */
import type { FhirWords } from '../checkin/fhir';
import { instrumentKey, type Instrument } from '../checkin/instrument';
import { checkInSchema } from '../checkin/record';
import { instrumentFor } from '../db/instruments';
import { openAttuneDb } from '../db/open';
import { keyField, validRows } from '../db/validated';
import { clientSchema, visitSchema } from '../models';
import { checkInCsv } from './checkin-csv';
import type { ExportSource } from './checkin-rows';
import { checkInBundle } from './fhir-bundle';

/** Every check-in with the visits, clients and instruments it needs. Exports read everything by design. */
export async function readExportSource(): Promise<ExportSource> {
  const db = await openAttuneDb();
  const tx = db.transaction(['clients', 'visits', 'checkIns']);
  const [clientRows, visitRows, checkInRows] = await Promise.all([
    tx.objectStore('clients').getAll(),
    tx.objectStore('visits').getAll(),
    tx.objectStore('checkIns').getAll(),
  ]);
  const [clients, visits, checkIns] = await Promise.all([
    validRows('clients', keyField('id'), clientSchema, clientRows, db),
    validRows('visits', keyField('id'), visitSchema, visitRows, db),
    validRows('checkIns', keyField('id'), checkInSchema, checkInRows, db),
  ]);
  const instruments = new Map<string, Instrument>();
  for (const checkIn of checkIns) {
    const key = instrumentKey(checkIn.instrumentId, checkIn.instrumentVersion);
    if (instruments.has(key)) continue;
    const instrument = await instrumentFor(checkIn.instrumentId, checkIn.instrumentVersion);
    if (instrument !== undefined) instruments.set(key, instrument);
  }
  return { clients, visits, checkIns, instruments };
}

export async function exportCheckInsCsv(): Promise<string> {
  return checkInCsv(await readExportSource());
}

export async function exportFhirBundle(words: FhirWords, now: number): Promise<string> {
  const source = await readExportSource();
  return JSON.stringify(checkInBundle(source.checkIns, source.instruments, words, now), null, 2);
}
