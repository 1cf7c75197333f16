import { reminderLogEntrySchema, type ReminderLogEntry } from '../reminders/schema';
import { openAttuneDb } from './open';
import { keyField, validForWrite, validRows } from './validated';

/** What happened to each reminder during a visit, oldest first. */
export async function listReminderLog(visitId: string): Promise<ReminderLogEntry[]> {
  const db = await openAttuneDb();
  const rows = await db.getAllFromIndex('reminderLog', 'byVisit', visitId);
  const entries = await validRows('reminderLog', keyField('id'), reminderLogEntrySchema, rows, db);
  return entries.sort((a, b) => a.at - b.at);
}

export async function logReminders(entries: readonly Omit<ReminderLogEntry, 'id'>[]): Promise<ReminderLogEntry[]> {
  const valid = entries.map((entry) => validForWrite(reminderLogEntrySchema, { id: crypto.randomUUID(), ...entry }, 'reminder log entry'));
  const db = await openAttuneDb();
  const tx = db.transaction('reminderLog', 'readwrite', { durability: 'strict' });
  for (const entry of valid) void tx.store.add(entry);
  await tx.done;
  return valid;
}
