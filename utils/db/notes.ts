import { sealRecord } from '../lock/records';
import { noteSchema, type Note } from '../models';
import { openAttuneDb } from './open';
import { keyField, validForWrite, validRows } from './validated';

/** Saves the visit's note; resolves only once the browser has durably committed it, so "Saved" is true when shown. */
export async function saveNote(visitId: string, text: string, now: number): Promise<Note> {
  const note = validForWrite(noteSchema, { visitId, text, updatedAt: now }, 'note');
  // Sealed before the transaction opens: an IndexedDB transaction closes while anything else is awaited.
  const stored = await sealRecord('notes', note);
  const db = await openAttuneDb();
  const tx = db.transaction('notes', 'readwrite', { durability: 'strict' });
  await tx.store.put(stored);
  await tx.done;
  return note;
}

/** The visit's note as the clinician wrote it (the lock seals it at rest; reading it while locked throws LockedError). */
export async function getNote(visitId: string): Promise<Note | undefined> {
  const db = await openAttuneDb();
  const row = await db.get('notes', visitId);
  if (row === undefined) return undefined;
  const [valid] = await validRows('notes', keyField('visitId'), noteSchema, [row], db);
  return valid;
}

/** The note's first non-empty line, for lists. */
export function firstLine(text: string, maxLength = 80): string {
  const line = text.split('\n').find((candidate) => candidate.trim() !== '')?.trim() ?? '';
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
