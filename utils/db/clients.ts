import { aliasKeyOf, clientSchema, type Client } from '../models';
import { openAttuneDb } from './open';
import { keyField, validForWrite, validRows } from './validated';

/** Every client, in alphabetical order of alias. */
export async function listClients(): Promise<Client[]> {
  const db = await openAttuneDb();
  const rows = await db.getAllFromIndex('clients', 'byAliasKey');
  return validRows('clients', keyField('id'), clientSchema, rows, db);
}

/** The client with this alias (ignoring case), created if there is none yet. */
export async function findOrCreateClient(alias: string, now: number): Promise<Client> {
  const client = validForWrite(
    clientSchema,
    { id: crypto.randomUUID(), alias: alias.trim(), aliasKey: aliasKeyOf(alias), createdAt: now },
    'client',
  );
  const db = await openAttuneDb();
  const tx = db.transaction('clients', 'readwrite', { durability: 'strict' });
  const existing = await tx.store.index('byAliasKey').get(client.aliasKey);
  if (existing === undefined) await tx.store.add(client);
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
