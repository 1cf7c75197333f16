import { openFromStorage, sealForStorage } from '../lock/fields';
import { noteSchema, type Note } from '../models';
import { openAttuneDb } from './open';
import { keyField, validForWrite, validRows } from './validated';

/** Saves the visit's note; resolves only once the browser has durably committed it, so "Saved" is true when shown. */
export async function saveNote(visitId: string, text: string, now: number): Promise<Note> {
  const note = validForWrite(noteSchema, { visitId, text, updatedAt: now }, 'note');
  // Sealed before the transaction opens: an IndexedDB transaction closes while anything else is awaited.
  const stored = { ...note, text: await sealForStorage(note.text) };
  const db = await openAttuneDb();
  const tx = db.transaction('notes', 'readwrite', { durability: 'strict' });
  await tx.store.put(stored);
  await tx.done;
  return note;
}

export async function getNote(visitId: string): Promise<Note | undefined> {
  const db = await openAttuneDb();
  const row = await db.get('notes', visitId);
  if (row === undefined) return undefined;
  const [valid] = await validRows('notes', keyField('visitId'), noteSchema, [row], db);
  return valid === undefined ? undefined : openNote(valid);
}

/** A stored note with its text as the clinician wrote it (the lock seals it at rest). */
export async function openNote(note: Note): Promise<Note> {
  return { ...note, text: await openFromStorage(note.text) };
}

/** The note's first non-empty line, for lists. */
export function firstLine(text: string, maxLength = 80): string {
  const line = text.split('\n').find((candidate) => candidate.trim() !== '')?.trim() ?? '';
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
