/**
 * The lock seals every protected field, not only notes: what each store holds on disk with the lock on, the alias index
 * as a keyed hash, the conversion both ways, and what a locked Attune refuses.
 */
import { describe, expect, it } from 'vitest';
import { addAgendaItems, listAgenda, listAgendaTemplates, saveAgendaTemplate } from '../../utils/db/agenda';
import { checkInForVisit } from '../../utils/db/checkins';
import { findOrCreateClient, getClient, listClients } from '../../utils/db/clients';
import { addGoal, listGoals } from '../../utils/db/goals';
import { getNextTime, saveNextTime } from '../../utils/db/next-time';
import { getNote, saveNote } from '../../utils/db/notes';
import { openAttuneDb } from '../../utils/db/open';
import { clientsByAliasPrefix, searchVisits } from '../../utils/db/review';
import { startVisit } from '../../utils/db/visits';
import { exportCheckInsCsv } from '../../utils/export/files';
import { turnLockOff, turnLockOn } from '../../utils/lock/conversion';
import { PROTECTED_FIELDS, PROTECTED_STORES, textsAt } from '../../utils/lock/protected-fields';
import { LOOKUP_PREFIX } from '../../utils/lock/records';
import { LockedError, lockNow, unlock } from '../../utils/lock/state';
import { PASSPHRASE, T0, TEXTS, rawDatabase, readableTexts, readEveryText, writeEveryText } from './lock-fixtures';

// Each lock on, off and unlock is a real 600,000-iteration PBKDF2 derivation.
describe('the lock seals every protected field', { timeout: 120_000 }, () => {
  it('the map names text fields that the stored records really have', async () => {
    const { visitId } = await writeEveryText();
    const db = await openAttuneDb();
    for (const store of PROTECTED_STORES) {
      const [row] = await db.getAll(store);
      for (const path of PROTECTED_FIELDS[store]) expect(textsAt(row, path), `${store}.${path}`).not.toEqual([]);
    }
    expect(visitId).toBeTruthy();
  });

  it('with the lock off, every text is on disk as written (the check below can find them)', async () => {
    await writeEveryText();
    expect(readableTexts(await rawDatabase()).sort()).toEqual([...Object.values(TEXTS), TEXTS.alias.toLowerCase()].sort());
  });

  it('with the lock on, no protected text is on disk; unlocked, every one reads back as written', async () => {
    await turnLockOn(PASSPHRASE);
    const { visitId, clientId } = await writeEveryText();
    const raw = await rawDatabase();
    expect(readableTexts(raw)).toEqual([]);
    const [storedClient] = await (await openAttuneDb()).getAll('clients');
    expect(storedClient?.aliasKey.startsWith(LOOKUP_PREFIX)).toBe(true);
    // Ids, dates and choices from fixed lists stay clear: the indexes and the review need them.
    expect(raw).toContain(visitId);
    expect(raw).toContain('withdrawal');
    expect(await readEveryText(visitId, clientId)).toEqual([
      TEXTS.alias, TEXTS.note, TEXTS.agenda, TEXTS.templateName, TEXTS.templateItem, TEXTS.goalTitle, TEXTS.goalNote, TEXTS.homework, TEXTS.nextNote, TEXTS.rupture,
    ]);
    expect((await exportCheckInsCsv()).includes(TEXTS.rupture)).toBe(true);
  });

  it('aliases are matched through the hashed index: the same alias in another case is the same client, and prefix search still finds it', async () => {
    await turnLockOn(PASSPHRASE);
    const first = await findOrCreateClient('Wren Q.', T0);
    const again = await findOrCreateClient('  wren q. ', T0 + 1);
    const other = await findOrCreateClient('Wade', T0 + 2);
    expect(again.id).toBe(first.id);
    expect((await listClients()).map((client) => client.alias)).toEqual(['Wade', 'Wren Q.']);
    expect((await clientsByAliasPrefix('wr')).map((client) => client.id)).toEqual([first.id]);
    expect((await clientsByAliasPrefix('W')).map((client) => client.id)).toEqual([other.id, first.id]);
    const visit = await startVisit({ clientId: first.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 50 }, T0);
    expect((await searchVisits({ alias: 'wren', from: null, to: null }, 0, 10)).summaries.map((summary) => summary.visit.id)).toEqual([visit.id]);
    // The index cannot take a second client with the same hashed alias.
    const db = await openAttuneDb();
    const [stored] = await db.getAllFromIndex('clients', 'byAliasKey', (await db.get('clients', first.id))?.aliasKey);
    expect(stored?.id).toBe(first.id);
    await expect(db.add('clients', { ...stored!, id: crypto.randomUUID() })).rejects.toThrow();
  });

  it('turning the lock on seals what was already stored in every store; turning it off opens it all again', async () => {
    const { visitId, clientId } = await writeEveryText();
    await turnLockOn(PASSPHRASE);
    expect(readableTexts(await rawDatabase())).toEqual([]);
    expect((await findOrCreateClient('WREN Q.', T0 + 5)).id).toBe(clientId);
    await turnLockOff(PASSPHRASE);
    expect(readableTexts(await rawDatabase()).length).toBe(Object.values(TEXTS).length + 1);
    const [storedClient] = await (await openAttuneDb()).getAll('clients');
    expect(storedClient?.aliasKey).toBe('wren q.');
    expect(await readEveryText(visitId, clientId)).toContain(TEXTS.rupture);
    expect((await findOrCreateClient('wren q.', T0 + 6)).id).toBe(clientId);
  });

  it('while locked, reading any sealed field throws LockedError and writing a protected store writes nothing', async () => {
    await turnLockOn(PASSPHRASE);
    const { visitId, clientId } = await writeEveryText();
    await lockNow();
    const before = await rawDatabase();
    for (const read of [getClient(clientId), getNote(visitId), listAgenda(visitId), listAgendaTemplates(), listGoals(clientId), getNextTime(visitId), checkInForVisit(visitId), listClients()]) {
      await expect(read).rejects.toBeInstanceOf(LockedError);
    }
    const visit = { id: visitId, clientId };
    await expect(findOrCreateClient('New Person', T0)).rejects.toBeInstanceOf(LockedError);
    await expect(saveNote(visitId, 'typed while locked', T0)).rejects.toBeInstanceOf(LockedError);
    await expect(addAgendaItems(visit, [{ text: 'typed while locked', timeBoxMinutes: null }], T0)).rejects.toBeInstanceOf(LockedError);
    await expect(addGoal(clientId, 'typed while locked', '', T0)).rejects.toBeInstanceOf(LockedError);
    await expect(saveNextTime(visit, { homework: 'typed while locked' }, T0)).rejects.toBeInstanceOf(LockedError);
    await expect(saveAgendaTemplate('typed while locked', [{ text: 'x', timeBoxMinutes: null }], T0)).rejects.toBeInstanceOf(LockedError);
    expect(await rawDatabase()).toBe(before);
    await unlock(PASSPHRASE);
    expect(await readEveryText(visitId, clientId)).toContain(TEXTS.goalNote);
  });
});
