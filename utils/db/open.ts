import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, upgradeAttuneDb, type AttuneDB, type AttuneDatabase } from './schema';

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

let connection: Promise<AttuneDatabase> | undefined;

/**
 * The one connection of this extension page to Attune's database. When a newer version of Attune needs to upgrade the
 * database, this connection closes itself (`blocking`) so the upgrade never waits on an open panel.
 */
export function openAttuneDb(): Promise<AttuneDatabase> {
  connection ??= openDB<AttuneDB>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, transaction) => upgradeAttuneDb(db, oldVersion, transaction),
    blocking: () => closeAttuneDb(),
    terminated: () => {
      connection = undefined;
    },
  }).catch((error: unknown) => {
    connection = undefined;
    if (error instanceof DOMException && error.name === 'VersionError') {
      throw new DatabaseUnavailableError('Attune was updated while this page was open. Reload the page to continue.');
    }
    throw new DatabaseUnavailableError(
      `Attune could not open its local database (${error instanceof Error ? error.message : String(error)}).`,
    );
  });
  return connection;
}

export function closeAttuneDb(): void {
  const closing = connection;
  connection = undefined;
  void closing?.then((db) => db.close()).catch(() => undefined);
}
