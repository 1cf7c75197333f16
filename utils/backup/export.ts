/**
 * Writing a JSON backup: every store's records as stored, read in one transaction (a consistent snapshot), with fields the
 * lock seals opened again, so a backup restores on any install without the passphrase. The file is therefore not
 * encrypted, and the pages that offer it say so.
 */
import { openAttuneDb } from '../db/open';
import { openFromStorage } from '../lock/fields';
import { BACKUP_FORMAT, BACKUP_STORES, BACKUP_VERSION } from './schema';

export async function exportBackup(now: number): Promise<string> {
  const db = await openAttuneDb();
  const tx = db.transaction([...BACKUP_STORES]);
  const stores = Object.fromEntries(
    await Promise.all(BACKUP_STORES.map(async (store) => [store, await tx.objectStore(store).getAll()] as const)),
  );
  stores.notes = await Promise.all(
    (stores.notes ?? []).map(async (note) =>
      'text' in note && typeof note.text === 'string' ? { ...note, text: await openFromStorage(note.text) } : note,
    ),
  );
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), stores });
}
