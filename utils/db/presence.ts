import { describeIssues, presenceSummarySchema, type PresenceSummary } from '../models';
import { openAttuneDb } from './open';
import { keyField, validForWrite, validRows } from './validated';

/** What one event adds to a visit's presence summary. */
export interface PresenceTally {
  awayMs?: number;
  awayEpisodes?: number;
  cuesShown?: number;
  cuesAcknowledged?: number;
}

/**
 * Adds to the visit's presence summary in one read-modify-write transaction, so the background (time away) and the
 * panel (cues) never overwrite each other's counts. A stored summary that fails validation is set aside unchanged and
 * counting starts again from zero.
 */
export async function addToPresenceSummary(visitId: string, tally: PresenceTally, now: number): Promise<PresenceSummary> {
  const db = await openAttuneDb();
  const tx = db.transaction(['presence', 'setAside'], 'readwrite', { durability: 'strict' });
  const row: unknown = await tx.objectStore('presence').get(visitId);
  const parsed = presenceSummarySchema.safeParse(row);
  if (row !== undefined && !parsed.success) {
    void tx
      .objectStore('setAside')
      .add({ store: 'presence', key: visitId, value: row, problem: describeIssues(parsed.error), foundAt: now });
  }
  const before = parsed.success ? parsed.data : { awayMs: 0, awayEpisodes: 0, cuesShown: 0, cuesAcknowledged: 0 };
  const summary = validForWrite(
    presenceSummarySchema,
    {
      visitId,
      awayMs: before.awayMs + (tally.awayMs ?? 0),
      awayEpisodes: before.awayEpisodes + (tally.awayEpisodes ?? 0),
      cuesShown: before.cuesShown + (tally.cuesShown ?? 0),
      cuesAcknowledged: before.cuesAcknowledged + (tally.cuesAcknowledged ?? 0),
      updatedAt: now,
    },
    'presence summary',
  );
  await tx.objectStore('presence').put(summary);
  await tx.done;
  return summary;
}

export async function getPresenceSummary(visitId: string): Promise<PresenceSummary | undefined> {
  const [summary] = await presenceSummaries([visitId]);
  return summary;
}

/** The presence summaries of these visits (visits without one are left out), read in one transaction. */
export async function presenceSummaries(visitIds: readonly string[]): Promise<PresenceSummary[]> {
  const db = await openAttuneDb();
  const tx = db.transaction('presence');
  const rows = await Promise.all(visitIds.map((visitId) => tx.store.get(visitId)));
  const found = rows.filter((row): row is NonNullable<typeof row> => row !== undefined);
  return validRows('presence', keyField('visitId'), presenceSummarySchema, found, db);
}
