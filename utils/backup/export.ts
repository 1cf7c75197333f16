/**
 * Writing a JSON backup: every store's records as stored, read in one transaction (a consistent snapshot), with fields the
 * lock seals opened again (and alias index keys plain), so a backup restores on any install without the passphrase. The
 * file is therefore not encrypted, and the pages that offer it say so. With the lock on it needs Attune unlocked.
 */
import { openAttuneDb } from '../db/open';
import { recordCipher } from '../lock/records';
import { BACKUP_FORMAT, BACKUP_STORES, BACKUP_VERSION } from './schema';

export async function exportBackup(now: number): Promise<string> {
  const db = await openAttuneDb();
  const tx = db.transaction([...BACKUP_STORES]);
  const stored = await Promise.all(BACKUP_STORES.map(async (store) => [store, await tx.objectStore(store).getAll()] as const));
  const cipher = await recordCipher();
  const stores = Object.fromEntries(
    await Promise.all(stored.map(async ([store, rows]) => [store, await Promise.all(rows.map((row) => cipher.open(store, row)))] as const)),
  );
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), stores });
}
