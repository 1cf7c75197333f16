import { openDB } from 'idb';
import { t } from '../i18n';
import { DB_NAME, DB_VERSION, upgradeAttuneDb, type AttuneDB, type AttuneDatabase } from './schema';

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** An upgrade step failed; the whole upgrade was rolled back, so the database is exactly as the previous version left it. */
export class DatabaseUpgradeFailedError extends DatabaseUnavailableError {
  override name = 'DatabaseUpgradeFailedError';
}

const reasonOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

let connection: Promise<AttuneDatabase> | undefined;

/**
 * The one connection of this extension page to Attune's database. When a newer version of Attune needs to upgrade the
 * database, this connection closes itself (`blocking`) so the upgrade never waits on an open panel.
 */
export function openAttuneDb(): Promise<AttuneDatabase> {
  connection ??= openConnection();
  return connection;
}

/**
 * An upgrade runs in one version-change transaction: if a step throws (or the browser aborts it), the transaction is
 * aborted, so every store and record stays as the previous version left it. Nothing is ever deleted to "start fresh";
 * the clinician is told what happened and that their records are kept, and the next page load tries again.
 */
function openConnection(): Promise<AttuneDatabase> {
  let upgrade: { from: number; failure?: unknown } | undefined;
  return openDB<AttuneDB>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, transaction) => {
      upgrade = { from: oldVersion };
      try {
        upgradeAttuneDb(db, oldVersion, transaction);
      } catch (failure) {
        upgrade.failure = failure;
        transaction.abort();
        // The open request reports the failure; the aborted transaction's own promise would otherwise go unhandled.
        transaction.done.catch(() => undefined);
      }
    },
    blocking: () => closeAttuneDb(),
    terminated: () => {
      connection = undefined;
    },
  }).catch((error: unknown) => {
    connection = undefined;
    if (upgrade !== undefined) {
      throw new DatabaseUpgradeFailedError(
        t('databaseUpgradeFailed', [String(upgrade.from), String(DB_VERSION), reasonOf(upgrade.failure ?? error)]),
      );
    }
    if (error instanceof DOMException && error.name === 'VersionError') {
      throw new DatabaseUnavailableError('Attune was updated while this page was open. Reload the page to continue.');
    }
    throw new DatabaseUnavailableError(
      `Attune could not open its local database (${error instanceof Error ? error.message : String(error)}).`,
    );
  });
}

export function closeAttuneDb(): void {
  const closing = connection;
  connection = undefined;
  void closing?.then((db) => db.close()).catch(() => undefined);
}
