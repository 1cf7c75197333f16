/**
 * Restoring a JSON backup. The whole file is checked first (see schema.ts); a file with anything wrong is refused with
 * a message naming the fault, and nothing is written. A good one is written in ONE durable transaction, record by
 * record under its own key, so restoring the same backup twice leaves one copy of everything. Backups hold clear text;
 * with the lock on, what is restored is sealed like everything else Attune writes.
 */
import { aliasKeyOf, describeIssues } from '../models';
import { openAttuneDb } from '../db/open';
import { recordCipher } from '../lock/records';
import { isLockOn, unlockedKeys } from '../lock/state';
import { BACKUP_FORMAT, BACKUP_MAX_BYTES, BACKUP_STORES, BACKUP_VERSION, backupSchema, type Backup } from './schema';

export class BackupError extends Error {
  override name = 'BackupError';
}

const MAX_ISSUES_SHOWN = 5;

/** Reads and checks a backup file's text; throws a BackupError naming what is wrong. */
export function parseBackup(text: string): Backup {
  if (text.length > BACKUP_MAX_BYTES) throw new BackupError(`The file was not restored: it is larger than ${BACKUP_MAX_BYTES / 1024 / 1024} MB, far more than an Attune backup holds.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BackupError(`The file was not restored: it is not complete JSON, perhaps cut short (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new BackupError('The file was not restored: it is not an Attune backup (expected a JSON object).');
  const format: unknown = Reflect.get(json, 'format');
  const version: unknown = Reflect.get(json, 'version');
  if (format !== BACKUP_FORMAT) throw new BackupError(`The file was not restored: it is not an Attune backup (format is ${describe(format)}, expected "${BACKUP_FORMAT}").`);
  if (version !== BACKUP_VERSION) {
    throw new BackupError(`The file was not restored: it is backup version ${describe(version)}, and this Attune reads version ${BACKUP_VERSION}.`);
  }
  const result = backupSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues;
    const shown = describeIssues({ issues: issues.slice(0, MAX_ISSUES_SHOWN) });
    const more = issues.length > MAX_ISSUES_SHOWN ? ` (and ${issues.length - MAX_ISSUES_SHOWN} more problems)` : '';
    throw new BackupError(`The file was not restored: ${shown}${more}. Nothing was changed.`);
  }
  return result.data;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export type RestoreCounts = Record<(typeof BACKUP_STORES)[number], number>;

/**
 * Writes a checked backup in one transaction. A clash with a different record already here refuses it as a whole. With
 * the lock on, every protected field is sealed (and aliases matched by their keyed hash) before anything is written, so
 * a restore needs Attune unlocked; while it is locked the restore is refused and nothing changes.
 */
export async function applyBackup(backup: Backup): Promise<RestoreCounts> {
  const cipher = await recordCipher();
  if ((await isLockOn()) && (await unlockedKeys()) === undefined) {
    throw new BackupError('The file was not restored: Attune is locked. Unlock it with your passphrase, then restore the file again. Nothing was changed.');
  }
  const { stores } = backup;
  // Sealing and hashing happen before the transaction opens: it would close while WebCrypto is awaited.
  const [sealed, aliasCandidates] = await Promise.all([
    Promise.all(BACKUP_STORES.map(async (store) => [store, await Promise.all(stores[store].map((record) => cipher.seal(store, record)))] as const)),
    Promise.all(stores.clients.map((client) => cipher.lookupCandidates(aliasKeyOf(client.alias)))),
  ]);
  const db = await openAttuneDb();
  const tx = db.transaction([...BACKUP_STORES], 'readwrite', { durability: 'strict' });
  const aliasIndex = tx.objectStore('clients').index('byAliasKey');
  const [aliasOwners, checkInOwners] = await Promise.all([
    Promise.all(aliasCandidates.map(async (candidates) => (await Promise.all(candidates.map((key) => aliasIndex.getKey(key)))).find((owner) => owner !== undefined))),
    Promise.all(stores.checkIns.map((checkIn) => tx.objectStore('checkIns').index('byVisit').getKey(checkIn.visitId))),
  ]);
  const clashes = [
    ...stores.clients.flatMap((client, index) => {
      const owner = aliasOwners[index];
      return owner === undefined || owner === client.id ? [] : [`clients.${index}.alias: "${client.alias}" already belongs to another client here`];
    }),
    ...stores.checkIns.flatMap((checkIn, index) => {
      const owner = checkInOwners[index];
      return owner === undefined || owner === checkIn.id ? [] : [`checkIns.${index}.visitId: that visit already has a different check-in here`];
    }),
  ];
  if (clashes.length > 0) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new BackupError(`The file was not restored: ${clashes.slice(0, MAX_ISSUES_SHOWN).join('; ')}. Nothing was changed.`);
  }
  const writes: Promise<unknown>[] = [];
  for (const [store, records] of sealed) {
    for (const record of records) writes.push(tx.objectStore(store).put(record));
  }
  await Promise.all(writes);
  await tx.done;
  return Object.fromEntries(BACKUP_STORES.map((store) => [store, stores[store].length])) as RestoreCounts;
}

/** Checks, then applies, a backup file's text. */
export async function restoreBackup(text: string): Promise<RestoreCounts> {
  return applyBackup(parseBackup(text));
}
