/** Shared by the lock tests: one text in every protected field, written through the repositories, and raw reads. */
import { addAgendaItems, listAgenda, listAgendaTemplates, saveAgendaTemplate } from '../../utils/db/agenda';
import { changeCheckIn, checkInForVisit } from '../../utils/db/checkins';
import { findOrCreateClient, getClient } from '../../utils/db/clients';
import { ALL_STORES } from '../../utils/db/deletion';
import { addGoal, listGoals } from '../../utils/db/goals';
import { getNextTime, saveNextTime } from '../../utils/db/next-time';
import { saveNote, getNote } from '../../utils/db/notes';
import { openAttuneDb } from '../../utils/db/open';
import { startVisit } from '../../utils/db/visits';
import { ATTUNE_CHECK_IN } from '../../utils/checkin/instrument';
import { emptyRupture } from '../../utils/checkin/record';

export const T0 = Date.UTC(2026, 0, 12, 9, 0);
export const PASSPHRASE = 'cedar window ninety';

/** One text per protected field, each findable on its own. */
export const TEXTS = {
  alias: 'Wren Q.',
  note: 'Spoke about the estrangement from her brother',
  agenda: 'Review the sleep diary together',
  templateName: 'Grief follow-up plan',
  templateItem: 'Anniversary reactions check',
  goalTitle: 'Return to choir rehearsals',
  goalNote: 'Start with the Thursday group',
  homework: 'Write the unsent letter',
  nextNote: 'Ask how the letter felt',
  rupture: 'Withdrew when I mentioned her father',
};

export async function writeEveryText(): Promise<{ visitId: string; clientId: string }> {
  const client = await findOrCreateClient(TEXTS.alias, T0);
  const visit = await startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 50 }, T0);
  await saveNote(visit.id, TEXTS.note, T0);
  await addAgendaItems(visit, [{ text: TEXTS.agenda, timeBoxMinutes: 10 }], T0);
  await saveAgendaTemplate(TEXTS.templateName, [{ text: TEXTS.templateItem, timeBoxMinutes: 5 }], T0);
  await addGoal(client.id, TEXTS.goalTitle, TEXTS.goalNote, T0);
  await saveNextTime(visit, { homework: TEXTS.homework }, T0);
  await saveNextTime(visit, { note: TEXTS.nextNote }, T0 + 1);
  await changeCheckIn(visit, ATTUNE_CHECK_IN, (checkIn) => ({ ...checkIn, rupture: { ...emptyRupture(), markers: ['withdrawal'], forNextTime: TEXTS.rupture } }), T0);
  return { visitId: visit.id, clientId: client.id };
}

/** Every store as raw IndexedDB holds it, as one text: what a thief with the disk would find. */
export async function rawDatabase(): Promise<string> {
  const db = await openAttuneDb();
  const tx = db.transaction([...ALL_STORES]);
  const stores = await Promise.all(ALL_STORES.map((store) => tx.objectStore(store).getAll()));
  return JSON.stringify(stores);
}

export function readableTexts(raw: string): string[] {
  // The alias is also matched lower-cased: that is what a plain index key would hold.
  return [...Object.values(TEXTS), TEXTS.alias.toLowerCase()].filter((text) => raw.includes(JSON.stringify(text).slice(1, -1)));
}

export async function readEveryText(visitId: string, clientId: string): Promise<string[]> {
  const [client, note, agenda, templates, goals, nextTime, checkIn] = await Promise.all([
    getClient(clientId),
    getNote(visitId),
    listAgenda(visitId),
    listAgendaTemplates(),
    listGoals(clientId),
    getNextTime(visitId),
    checkInForVisit(visitId),
  ]);
  return [
    client?.alias,
    note?.text,
    agenda[0]?.text,
    templates[0]?.name,
    templates[0]?.items[0]?.text,
    goals[0]?.title,
    goals[0]?.note,
    nextTime?.homework,
    nextTime?.note,
    checkIn?.rupture.forNextTime,
  ].map(String);
}
