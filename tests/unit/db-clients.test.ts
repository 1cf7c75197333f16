import { describe, expect, it } from 'vitest';
import { findOrCreateClient, getClient, listClients } from '../../utils/db/clients';
import { openAttuneDb } from '../../utils/db/open';
import { InvalidRecordError } from '../../utils/db/validated';
import { ALIAS_MAX_LENGTH } from '../../utils/models';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

async function storedClients() {
  return (await openAttuneDb()).getAll('clients');
}

describe('findOrCreateClient', () => {
  it('creates a client with the trimmed alias, a lower-cased key and the creation time', async () => {
    const client = await findOrCreateClient('  J.D. ', T0);
    expect(client).toEqual({ id: expect.any(String), alias: 'J.D.', aliasKey: 'j.d.', createdAt: T0 });
    expect(await storedClients()).toEqual([client]);
  });

  it.each([
    ['JD', 'jd'],
    ['jd', 'JD'],
    ['JD', ' jD '],
    ['Ana María', 'ANA MARÍA'],
  ])('treats %j and %j as the same client', async (first, second) => {
    const created = await findOrCreateClient(first, T0);
    const found = await findOrCreateClient(second, T0 + 1_000);
    expect(found).toEqual(created);
    // The clinician's first spelling is kept.
    expect(found.alias).toBe(first.trim());
    expect(await storedClients()).toHaveLength(1);
  });

  it('creates one client when the same alias is entered twice at once', async () => {
    const [a, b] = await Promise.all([findOrCreateClient('KL', T0), findOrCreateClient('kl', T0)]);
    expect(a.id).toBe(b?.id);
    expect(await storedClients()).toHaveLength(1);
  });

  it('keeps different aliases apart', async () => {
    const jd = await findOrCreateClient('JD', T0);
    const kl = await findOrCreateClient('KL', T0);
    expect(jd.id).not.toBe(kl.id);
    expect(await storedClients()).toHaveLength(2);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    [`longer than ${ALIAS_MAX_LENGTH} characters`, 'x'.repeat(ALIAS_MAX_LENGTH + 1)],
  ])('rejects an alias that is %s, naming the field, and writes nothing', async (_what, alias) => {
    const existing = await findOrCreateClient('JD', T0);
    const attempt = findOrCreateClient(alias, T0);
    await expect(attempt).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(attempt).rejects.toThrow(/^The client was not saved: .*\balias\b/);
    expect(await storedClients()).toEqual([existing]);
  });

  it(`accepts an alias of exactly ${ALIAS_MAX_LENGTH} characters`, async () => {
    const alias = 'x'.repeat(ALIAS_MAX_LENGTH);
    expect((await findOrCreateClient(alias, T0)).alias).toBe(alias);
  });
});

describe('listClients and getClient', () => {
  it('lists every client in alphabetical order of alias, ignoring case', async () => {
    for (const alias of ['mk', 'AB', 'Zed', 'cd']) await findOrCreateClient(alias, T0);
    expect((await listClients()).map((client) => client.alias)).toEqual(['AB', 'cd', 'mk', 'Zed']);
  });

  it('finds a client by id, and nothing for an unknown id', async () => {
    const client = await findOrCreateClient('JD', T0);
    expect(await getClient(client.id)).toEqual(client);
    expect(await getClient(crypto.randomUUID())).toBeUndefined();
  });
});
