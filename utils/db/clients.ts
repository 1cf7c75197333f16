import { recordCipher } from '../lock/records';
import { aliasKeyOf, clientSchema, type Client } from '../models';
import { openAttuneDb } from './open';
import { keyField, validForWrite, validRows } from './validated';

/** Every client, in alphabetical order of alias (sorted here: with the lock on, the index holds keyed hashes). */
export async function listClients(): Promise<Client[]> {
  const db = await openAttuneDb();
  const rows = await db.getAll('clients');
  const clients = await validRows('clients', keyField('id'), clientSchema, rows, db);
  return clients.sort((a, b) => (a.aliasKey < b.aliasKey ? -1 : a.aliasKey > b.aliasKey ? 1 : 0));
}

/**
 * The client with this alias (ignoring case), created if there is none yet. With the lock on the alias is stored sealed
 * and the unique index holds a keyed hash of it, so the match still goes through the index.
 */
export async function findOrCreateClient(alias: string, now: number): Promise<Client> {
  const client = validForWrite(
    clientSchema,
    { id: crypto.randomUUID(), alias: alias.trim(), aliasKey: aliasKeyOf(alias), createdAt: now },
    'client',
  );
  // Sealing and hashing happen before the transaction opens: it would close while WebCrypto is awaited.
  const cipher = await recordCipher();
  const [stored, candidates] = await Promise.all([cipher.seal('clients', client), cipher.lookupCandidates(client.aliasKey)]);
  const db = await openAttuneDb();
  const tx = db.transaction('clients', 'readwrite', { durability: 'strict' });
  let existing: Client | undefined;
  for (const candidate of candidates) {
    existing ??= await tx.store.index('byAliasKey').get(candidate);
  }
  if (existing === undefined) await tx.store.add(stored);
  await tx.done;
  if (existing === undefined) return client;
  const [valid] = await validRows('clients', keyField('id'), clientSchema, [existing], db);
  // A damaged record with this alias has just been set aside, which frees the alias for a fresh client.
  return valid ?? findOrCreateClient(alias, now);
}

export async function getClient(id: string): Promise<Client | undefined> {
  const db = await openAttuneDb();
  const row = await db.get('clients', id);
  if (row === undefined) return undefined;
  const [valid] = await validRows('clients', keyField('id'), clientSchema, [row], db);
  return valid;
}
