import { describe, expect, it } from 'vitest';
import { ATTUNE_CHECK_IN, instrumentKey, type Instrument } from '../../utils/checkin/instrument';
import { checkInSchema, type CheckIn } from '../../utils/checkin/record';
import { visitSchema } from '../../utils/models';
import { checkInCsv, CSV_COLUMNS } from '../../utils/export/checkin-csv';
import { checkInRows, type ExportSource } from '../../utils/export/checkin-rows';
import { csvCell, parseCsv, readTextCell, toCsv } from '../../utils/export/csv';
import { exportCheckInsCsv } from '../../utils/export/files';
import { generateVisitHistory } from '../support/seed.mjs';
import { CUSTOM } from './checkin-fixtures';
import { fillWithHistory, NOW } from './review-fixtures';

const history = generateVisitHistory({ visits: 400, now: NOW, seed: 3 });
const HOSTILE = ['=cmd|\' /C calc\'!A0', '+1+1', '-2', '@SUM(A1)', '\tindent', '\rreturn', "'quoted", "''", 'a, "b"\r\nnew line', 'ünïcødé ✓', ''];

/** The seeded check-ins, with hostile "for next time" notes mixed in, and one on a practice instrument. */
function source(): ExportSource {
  const checkIns: CheckIn[] = history.checkIns.map((seeded) => checkInSchema.parse(seeded)).map((checkIn, index) => ({
    ...checkIn,
    rupture: { ...checkIn.rupture, forNextTime: index < HOSTILE.length ? (HOSTILE[index] ?? '') : checkIn.rupture.forNextTime },
  }));
  const first = checkIns[0];
  if (first !== undefined) checkIns[0] = { ...first, instrumentId: CUSTOM.id, instrumentVersion: CUSTOM.version, client: { answers: { aims: 2, work: 7, trust: 1 }, skipped: false } };
  const instruments = new Map<string, Instrument>([
    [instrumentKey(ATTUNE_CHECK_IN.id, ATTUNE_CHECK_IN.version), ATTUNE_CHECK_IN],
    [instrumentKey(CUSTOM.id, CUSTOM.version), CUSTOM],
  ]);
  return { clients: history.clients, visits: history.visits.map((visit) => visitSchema.parse(visit)), checkIns, instruments };
}

describe('CSV cells', () => {
  it.each(HOSTILE)('writes %j so a spreadsheet cannot run it, and reads it back exactly', (text) => {
    const cell = csvCell(text);
    const [parsed] = parseCsv(`${cell}\r\n`)[0] ?? [];
    expect(parsed).toBeDefined();
    expect(parsed ?? '').not.toMatch(/^[=+\-@\t\r]/);
    expect(readTextCell(parsed ?? '')).toBe(text);
  });

  it('writes numbers as numbers (a negative score is not neutralised) and null as an empty cell', () => {
    expect(toCsv(['a', 'b', 'c'], [[-3, 10, null]])).toBe('\ufeffa,b,c\r\n-3,10,\r\n');
  });
});

describe('check-in CSV', () => {
  const data = source();
  const csv = checkInCsv(data);
  const [header = [], ...rows] = parseCsv(csv);
  const expected = checkInRows(data);

  it('has one row per check-in, the documented columns, then one column per item of each view', () => {
    expect(rows).toHaveLength(data.checkIns.length);
    expect(header.slice(0, CSV_COLUMNS.length)).toEqual([...CSV_COLUMNS]);
    expect(header.slice(CSV_COLUMNS.length)).toEqual([
      ...['goals', 'approach', 'together', 'overall', 'aims', 'work', 'trust'].map((item) => `client.${item}`),
      ...['goals', 'approach', 'together', 'overall', 'aims', 'work', 'trust'].map((item) => `clinician.${item}`),
    ]);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
  });

  it('parses back to the same values as the database holds', () => {
    const column = (name: string) => header.indexOf(name);
    const text = (row: string[], name: string) => readTextCell(row[column(name)] ?? 'MISSING');
    const number = (row: string[], name: string) => (row[column(name)] === '' ? null : Number(row[column(name)]));
    rows.forEach((row, index) => {
      const { checkIn, visit, client, clientScores, clinicianScores, instrument } = expected[index] ?? expect.fail(`row ${index}`);
      expect(text(row, 'check_in_id')).toBe(checkIn.id);
      expect(text(row, 'client_id')).toBe(checkIn.clientId);
      expect(text(row, 'client_alias')).toBe(client?.alias);
      expect(Date.parse(text(row, 'visit_started'))).toBe(visit?.startedAt);
      expect(Date.parse(text(row, 'visit_ended'))).toBe(visit?.endedAt);
      expect(text(row, 'status')).toBe(checkIn.completedAt === null ? 'in-progress' : 'completed');
      expect(text(row, 'completed_at') === '' ? null : Date.parse(text(row, 'completed_at'))).toBe(checkIn.completedAt);
      expect(number(row, 'client_total')).toBe(clientScores?.total ?? null);
      expect(number(row, 'clinician_total')).toBe(clinicianScores?.total ?? null);
      expect(text(row, 'client_skipped')).toBe(checkIn.client.skipped ? 'yes' : 'no');
      expect(text(row, 'rupture_markers')).toBe(checkIn.rupture.markers.join(';'));
      expect(text(row, 'repair')).toBe(checkIn.rupture.repair ?? '');
      expect(text(row, 'for_next_time')).toBe(checkIn.rupture.forNextTime);
      for (const item of instrument?.items ?? []) {
        if (!checkIn.client.skipped) expect(number(row, `client.${item.id}`)).toBe(checkIn.client.answers[item.id] ?? null);
      }
    });
    // The hostile notes really went through the file.
    expect(rows.some((row) => text(row, 'for_next_time') === HOSTILE[0])).toBe(true);
  });

  it('lists each check-in\u2019s flags as the panel raised them, a drop counted from the client\u2019s previous total', () => {
    const flagged = rows.filter((row) => readTextCell(row[header.indexOf('flags')] ?? '') !== '');
    expect(flagged.length).toBeGreaterThan(10);
    expect(rows.some((row) => (row[header.indexOf('flags')] ?? '').split(';').includes('drop'))).toBe(true);
  });

  it('is read from the database with every check-in stored', async () => {
    const seeded = await fillWithHistory(40);
    const [fromDb = [], ...dbRows] = parseCsv(await exportCheckInsCsv());
    expect(fromDb.slice(0, 3)).toEqual(['check_in_id', 'visit_id', 'client_id']);
    expect(dbRows).toHaveLength(seeded.checkIns.length + 1);
  });
});
