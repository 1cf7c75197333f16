/**
 * Check-ins joined with their visit, client and instrument, in the order exports list them (oldest first), with the
 * client's previous total worked out in memory (so flags match what the panel showed) — pure, for CSV and FHIR.
 */
import { checkInFlags, type CheckInFlag } from '../checkin/flags';
import type { Instrument } from '../checkin/instrument';
import type { CheckIn } from '../checkin/record';
import { scoreView, type ViewScores } from '../checkin/scoring';
import type { Client, Visit } from '../models';

export interface ExportSource {
  clients: readonly Client[];
  visits: readonly Visit[];
  checkIns: readonly CheckIn[];
  /** Every instrument the check-ins use, by `id@version`. */
  instruments: ReadonlyMap<string, Instrument>;
}

export interface CheckInRow {
  checkIn: CheckIn;
  visit: Visit | undefined;
  client: Client | undefined;
  instrument: Instrument | undefined;
  clientScores: ViewScores | null;
  clinicianScores: ViewScores | null;
  flags: CheckInFlag[];
}

export function checkInRows(source: ExportSource): CheckInRow[] {
  const visits = new Map(source.visits.map((visit) => [visit.id, visit]));
  const clients = new Map(source.clients.map((client) => [client.id, client]));
  const ordered = [...source.checkIns].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  /** The client's last completed total per instrument, as the rows go by in time order. */
  const lastTotal = new Map<string, number>();
  return ordered.map((checkIn) => {
    const instrument = source.instruments.get(`${checkIn.instrumentId}@${checkIn.instrumentVersion}`);
    const clientScores = instrument === undefined ? null : scoreView(instrument, checkIn.client);
    const clinicianScores = instrument === undefined ? null : scoreView(instrument, checkIn.clinician);
    const key = `${checkIn.clientId} ${checkIn.instrumentId}@${checkIn.instrumentVersion}`;
    let flags: CheckInFlag[] = [];
    if (instrument !== undefined && checkIn.completedAt !== null) {
      flags = checkInFlags({ instrument, checkIn, previousClientTotal: lastTotal.get(key) ?? null });
      if (clientScores?.total != null) lastTotal.set(key, clientScores.total);
    }
    return { checkIn, visit: visits.get(checkIn.visitId), client: clients.get(checkIn.clientId), instrument, clientScores, clinicianScores, flags };
  });
}
