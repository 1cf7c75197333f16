import { agendaItemSchema, agendaTemplateSchema, type AgendaItem, type AgendaTemplate, type AgendaTemplateItem } from '../agenda/schema';
import { nextPosition } from '../agenda/carry-over';
import { recordCipher, sealRecord } from '../lock/records';
import { openAttuneDb } from './open';
import { keyField, validForWrite, validRows } from './validated';

/** A visit's agenda in the clinician's order. */
export async function listAgenda(visitId: string): Promise<AgendaItem[]> {
  const db = await openAttuneDb();
  const rows = await db.getAllFromIndex('agendaItems', 'byVisit', visitId);
  const items = await validRows('agendaItems', keyField('id'), agendaItemSchema, rows, db);
  return items.sort((a, b) => a.position - b.position);
}

export interface NewAgendaItem {
  text: string;
  timeBoxMinutes: number | null;
  goalId?: string | null;
  carriedFromId?: string | null;
}

/**
 * Appends items to the end of a visit's agenda in one transaction. Every item is validated first, so one bad item
 * saves none of them.
 */
export async function addAgendaItems(
  visit: { id: string; clientId: string },
  additions: readonly NewAgendaItem[],
  now: number,
): Promise<AgendaItem[]> {
  const existing = await listAgenda(visit.id);
  const start = nextPosition(existing);
  const items = additions.map((addition, index) =>
    validForWrite(
      agendaItemSchema,
      {
        id: crypto.randomUUID(),
        visitId: visit.id,
        clientId: visit.clientId,
        position: start + index,
        text: addition.text.trim(),
        done: false,
        doneAt: null,
        timeBoxMinutes: addition.timeBoxMinutes,
        goalId: addition.goalId ?? null,
        carriedFromId: addition.carriedFromId ?? null,
        createdAt: now,
      },
      'agenda item',
    ),
  );
  const stored = await sealAll(items);
  const db = await openAttuneDb();
  const tx = db.transaction('agendaItems', 'readwrite', { durability: 'strict' });
  for (const item of stored) void tx.store.add(item);
  await tx.done;
  return items;
}

/** Saves changed items (edits, check-offs, new order) together. */
export async function saveAgendaItems(items: readonly AgendaItem[]): Promise<void> {
  const stored = await sealAll(items.map((item) => validForWrite(agendaItemSchema, item, 'agenda item')));
  const db = await openAttuneDb();
  const tx = db.transaction('agendaItems', 'readwrite', { durability: 'strict' });
  for (const item of stored) void tx.store.put(item);
  await tx.done;
}

/** Items as they are to be stored (sealed while the lock is on), before any transaction opens. */
async function sealAll(items: readonly AgendaItem[]): Promise<AgendaItem[]> {
  const cipher = await recordCipher();
  return Promise.all(items.map((item) => cipher.seal('agendaItems', item)));
}

export async function deleteAgendaItem(id: string): Promise<void> {
  const db = await openAttuneDb();
  const tx = db.transaction('agendaItems', 'readwrite', { durability: 'strict' });
  await tx.store.delete(id);
  await tx.done;
}

/** The clinician's own templates, by name. */
export async function listAgendaTemplates(): Promise<AgendaTemplate[]> {
  const db = await openAttuneDb();
  const rows = await db.getAll('agendaTemplates');
  const templates = await validRows('agendaTemplates', keyField('id'), agendaTemplateSchema, rows, db);
  return templates.sort((a, b) => a.name.localeCompare(b.name));
}

export async function saveAgendaTemplate(name: string, items: readonly AgendaTemplateItem[], now: number): Promise<AgendaTemplate> {
  const template = validForWrite(
    agendaTemplateSchema,
    { id: crypto.randomUUID(), name: name.trim(), items: items.map(({ text, timeBoxMinutes }) => ({ text, timeBoxMinutes })), createdAt: now },
    'template',
  );
  const stored = await sealRecord('agendaTemplates', template);
  const db = await openAttuneDb();
  const tx = db.transaction('agendaTemplates', 'readwrite', { durability: 'strict' });
  await tx.store.add(stored);
  await tx.done;
  return template;
}

/** Forgets one of the clinician's saved templates; agendas already made from it keep their items. */
export async function deleteAgendaTemplate(id: string): Promise<void> {
  const db = await openAttuneDb();
  const tx = db.transaction('agendaTemplates', 'readwrite', { durability: 'strict' });
  await tx.store.delete(id);
  await tx.done;
}
