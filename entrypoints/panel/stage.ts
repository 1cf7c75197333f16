/**
 * What the panel shows, and loading it: on opening, and again after Attune is unlocked, when the panel comes back to the
 * visit it was showing (with any draft that was kept sealed when the lock engaged).
 */
import { getClient, listClients } from '../../utils/db/clients';
import { getNote } from '../../utils/db/notes';
import { getVisit } from '../../utils/db/visits';
import { ensureDraftKey, openSealedDraft } from '../../utils/lock/drafts';
import type { Client, PresenceSummary, Visit } from '../../utils/models';
import { currentVisit } from '../../utils/panel-link';

export type Stage =
  | { kind: 'loading' }
  | { kind: 'pick'; clients: Client[] }
  /** `restoredDraft`: `note` is a draft kept sealed while Attune was locked, not yet saved. */
  | { kind: 'visit'; visit: Visit; alias: string; note: string; restoredDraft?: boolean }
  | { kind: 'ended'; visit: Visit; alias: string; presence?: PresenceSummary };

export const pickStage = async (clients = listClients()): Promise<Stage> => ({ kind: 'pick', clients: await clients });

/** The visit in progress in this tab, or the one the panel showed before it locked (`resumeVisitId`), or the picker. */
export async function loadStage(resumeVisitId?: string): Promise<Stage> {
  // Opening the database and reading the clients runs beside the background's answer, not after it.
  const clients = listClients();
  clients.catch(() => undefined);
  // A keyring made before draft keys gains its pair now, so the next lock can keep a draft sealed.
  const [current] = await Promise.all([currentVisit(), ensureDraftKey()]);
  const visitId = current.visitId ?? resumeVisitId;
  const found = visitId === undefined ? undefined : await getVisit(visitId);
  if (found === undefined) return pickStage(clients);
  const alias = current.visitId === found.id && current.alias !== null ? current.alias : ((await getClient(found.clientId))?.alias ?? '?');
  if (found.endedAt !== null) return { kind: 'ended', visit: found, alias };
  const draft = await openSealedDraft(found.id);
  if (draft !== undefined) return { kind: 'visit', visit: found, alias, note: draft, restoredDraft: true };
  return { kind: 'visit', visit: found, alias, note: (await getNote(found.id))?.text ?? '' };
}
