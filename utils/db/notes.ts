import { noteSchema, type Note } from '../models';
import { openAttuneDb } from './open';
import { keyField, validForWrite, validRows } from './validated';

/** Saves the visit's note; resolves only once the browser has durably committed it, so "Saved" is true when shown. */
export async function saveNote(visitId: string, text: string, now: number): Promise<Note> {
  const note = validForWrite(noteSchema, { visitId, text, updatedAt: now }, 'note');
  const db = await openAttuneDb();
  const tx = db.transaction('notes', 'readwrite', { durability: 'strict' });
  await tx.store.put(note);
  await tx.done;
  return note;
}

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
