import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findOrCreateClient, getClient, listClients } from '../../utils/db/clients';
import { getNote } from '../../utils/db/notes';
import { openAttuneDb } from '../../utils/db/open';
import type { AttuneStore } from '../../utils/db/schema';
import { onRecordsSetAside } from '../../utils/db/validated';
import { getVisit, recentVisits, startVisit } from '../../utils/db/visits';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

/** Writes a row with the raw IndexedDB API, bypassing Attune's validation, as damage or an old bug might have. */
async function putRaw(store: AttuneStore, row: unknown): Promise<void> {
  const tx = unwrap(await openAttuneDb()).transaction(store, 'readwrite');
  tx.objectStore(store).put(row);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('raw put failed'));
  });
}

async function setAsideRows() {
  return (await openAttuneDb()).getAll('setAside');
}

const stopListening: (() => void)[] = [];
afterEach(() => {
  for (const stop of stopListening.splice(0)) stop();
});

/** Counts reported to `onRecordsSetAside` during the test. */
function listen() {
  const counts: number[] = [];
  stopListening.push(onRecordsSetAside((count) => counts.push(count)));
  return counts;
}

const damagedClient = (id = crypto.randomUUID()) => ({ id, alias: '', aliasKey: 'lost', createdAt: T0 });
const damagedVisit = (startedAt: number, id = crypto.randomUUID()) => ({
  id,
  clientId: crypto.randomUUID(),
  platform: 'meet',
  host: 'meet.google.com',
  startedAt,
  endedAt: null,
  endReason: 'fell-asleep',
  plannedMinutes: 45,
});
const damagedNote = (visitId = crypto.randomUUID()) => ({ visitId, text: 42, updatedAt: T0 });

describe('stored records that fail validation', () => {
  const client = damagedClient();
  const visit = damagedVisit(T0);
  const note = damagedNote();
  // Every reader that can meet a damaged row: it must not return it, and must set it aside.
  it.each([
    { store: 'clients', key: client.id, row: client, field: 'alias', read: getClient },
    { store: 'visits', key: visit.id, row: visit, field: 'endReason', read: getVisit },
    { store: 'notes', key: note.visitId, row: note, field: 'text', read: getNote },
  ] satisfies { store: AttuneStore; key: string; row: object; field: string; read: (key: string) => Promise<unknown> }[])(
    'a damaged row in "$store" is not returned, but moved unchanged to setAside naming "$field"',
    async ({ store, key, row, field, read }) => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const counts = listen();
      await putRaw(store, row);

      expect(await read(key)).toBeUndefined();

      const [setAside, ...more] = await setAsideRows();
      expect(more).toEqual([]);
      expect(setAside).toEqual({
        id: expect.any(Number),
        store,
        key,
        value: row,
        problem: expect.stringContaining(`${field}:`),
        foundAt: expect.any(Number),
      });
      expect(await (await openAttuneDb()).get(store, key)).toBeUndefined();
      expect(counts).toEqual([1]);
      expect(console.warn).toHaveBeenCalledWith(expect.stringContaining(`"${store}"`));
    },
  );

  it('lists the valid clients and sets the damaged ones aside', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const counts = listen();
    const kept = await findOrCreateClient('AB', T0);
    await putRaw('clients', damagedClient());
    expect(await listClients()).toEqual([kept]);
    expect((await setAsideRows()).map((row) => row.store)).toEqual(['clients']);
    expect(counts).toEqual([1]);
  });

  it('shows the valid recent visits and reports every damaged one at once', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const counts = listen();
    const client = await findOrCreateClient('AB', T0);
    const good = await startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 45 }, T0);
    await putRaw('visits', damagedVisit(T0 + 1));
    await putRaw('visits', damagedVisit(T0 + 2));

    expect((await recentVisits(10)).map(({ visit }) => visit.id)).toEqual([good.id]);
    expect(counts).toEqual([2]);
    expect(await setAsideRows()).toHaveLength(2);
    expect(await (await openAttuneDb()).count('visits')).toBe(1);
  });

  it('frees the alias of a damaged client for a fresh one, keeping the damaged record aside', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const damaged = { id: crypto.randomUUID(), alias: 'JD', aliasKey: 'jd', createdAt: -5 };
    await putRaw('clients', damaged);

    const client = await findOrCreateClient('JD', T0);

    expect(client).toMatchObject({ alias: 'JD', aliasKey: 'jd', createdAt: T0 });
    expect(client.id).not.toBe(damaged.id);
    expect(await setAsideRows()).toEqual([
      expect.objectContaining({ store: 'clients', key: damaged.id, value: damaged, problem: expect.stringContaining('createdAt') }),
    ]);
  });

  it('stops telling a listener once it unsubscribes', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const counts: number[] = [];
    const stop = onRecordsSetAside((count) => counts.push(count));
    stop();
    const row = damagedNote();
    await putRaw('notes', row);
    await getNote(row.visitId);
    expect(counts).toEqual([]);
  });
});
