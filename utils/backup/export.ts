/** Writing a JSON backup: every store's records exactly as stored, read in one transaction (a consistent snapshot). */
import { openAttuneDb } from '../db/open';
import { BACKUP_FORMAT, BACKUP_STORES, BACKUP_VERSION } from './schema';

export async function exportBackup(now: number): Promise<string> {
  const db = await openAttuneDb();
  const tx = db.transaction([...BACKUP_STORES]);
  const stores = Object.fromEntries(
    await Promise.all(BACKUP_STORES.map(async (store) => [store, await tx.objectStore(store).getAll()] as const)),
  );
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), stores });
}
