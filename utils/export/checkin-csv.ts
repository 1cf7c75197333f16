/**
 * The check-in CSV: one row per check-in, oldest first. The columns are documented in the README ("Export formats");
 * a test keeps this list and the README's table the same.
 */
import { CHECK_IN_VIEWS, type CheckInView } from '../checkin/record';
import { answerOf } from '../checkin/scoring';
import { checkInRows, type ExportSource } from './checkin-rows';
import { toCsv, type CsvValue } from './csv';

/** The fixed columns, in order; after them come one `client.<item>` and one `clinician.<item>` column per item. */
export const CSV_COLUMNS = [
  'check_in_id',
  'visit_id',
  'client_id',
  'client_alias',
  'visit_started',
  'visit_ended',
  'platform',
  'instrument',
  'instrument_version',
  'status',
  'completed_at',
  'client_skipped',
  'client_total',
  'clinician_skipped',
  'clinician_total',
  'rupture_markers',
  'strained_parts',
  'repair',
  'for_next_time',
  'flags',
] as const;

const iso = (epochMs: number | null | undefined) => (epochMs === null || epochMs === undefined ? null : new Date(epochMs).toISOString());
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** Item columns: every item of every instrument used, in the order first met, for each view. */
export function itemColumns(source: ExportSource): { header: string; view: CheckInView; itemId: string }[] {
  const itemIds: string[] = [];
  for (const instrument of source.instruments.values()) {
    for (const item of instrument.items) if (!itemIds.includes(item.id)) itemIds.push(item.id);
  }
  return CHECK_IN_VIEWS.flatMap((view) => itemIds.map((itemId) => ({ header: `${view}.${itemId}`, view, itemId })));
}

export function checkInCsv(source: ExportSource): string {
  const items = itemColumns(source);
  const rows = checkInRows(source).map(({ checkIn, visit, client, instrument, clientScores, clinicianScores, flags }): CsvValue[] => [
    checkIn.id,
    checkIn.visitId,
    checkIn.clientId,
    client?.alias ?? null,
    iso(visit?.startedAt),
    iso(visit?.endedAt),
    visit?.platform ?? null,
    checkIn.instrumentId,
    checkIn.instrumentVersion,
    checkIn.completedAt === null ? 'in-progress' : 'completed',
    iso(checkIn.completedAt),
    yesNo(checkIn.client.skipped),
    clientScores?.total ?? null,
    yesNo(checkIn.clinician.skipped),
    clinicianScores?.total ?? null,
    checkIn.rupture.markers.join(';'),
    checkIn.rupture.strained.join(';'),
    checkIn.rupture.repair,
    checkIn.rupture.forNextTime,
    [...new Set(flags.map((flag) => flag.kind))].join(';'),
    ...items.map(({ view, itemId }) => {
      return instrument === undefined || checkIn[view].skipped ? null : (answerOf(instrument, checkIn[view], itemId) ?? null);
    }),
  ]);
  return toCsv([...CSV_COLUMNS, ...items.map((column) => column.header)], rows);
}
