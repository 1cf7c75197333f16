/**
 * A practice that requires the lock, before the clinician has set a passphrase: no clinical text is written in the
 * clear (it could stay in the browser's database files long after the lock is turned on), every other record still is,
 * and once the lock is on the same writes are kept, sealed.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addAgendaItems, saveAgendaTemplate } from '../../utils/db/agenda';
import { findOrCreateClient } from '../../utils/db/clients';
import { addGoal } from '../../utils/db/goals';
import { saveNextTime } from '../../utils/db/next-time';
import { getNote, saveNote } from '../../utils/db/notes';
import { endVisit, startVisit } from '../../utils/db/visits';
import { turnLockOn } from '../../utils/lock/conversion';
import { LockRequiredError } from '../../utils/lock/state';
import { PASSPHRASE, rawDatabase, readableTexts, T0, TEXTS } from './lock-fixtures';

describe('a practice requires the lock and no passphrase is set yet', { timeout: 60_000 }, () => {
  it('refuses every write of clinical text, naming why, and stores none of it; records without text are still kept', async () => {
    // A client and visit from before the policy arrived (written while nothing was required).
    const client = await findOrCreateClient('E.B.', T0);
    const visit = await startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 50 }, T0);
    await fakeBrowser.storage.managed.set({ 'lock.required': true });
    const before = await rawDatabase();

    const refused = [
      () => findOrCreateClient(TEXTS.alias, T0),
      () => saveNote(visit.id, TEXTS.note, T0),
      () => addAgendaItems(visit, [{ text: TEXTS.agenda, timeBoxMinutes: 10 }], T0),
      () => saveAgendaTemplate(TEXTS.templateName, [{ text: TEXTS.templateItem, timeBoxMinutes: 5 }], T0),
      () => addGoal(client.id, TEXTS.goalTitle, TEXTS.goalNote, T0),
      () => saveNextTime(visit, { homework: TEXTS.homework }, T0),
    ];
    for (const write of refused) {
      await expect(write()).rejects.toBeInstanceOf(LockRequiredError);
    }
    await expect(saveNote(visit.id, TEXTS.note, T0)).rejects.toThrow('Your practice requires the lock: set a passphrase');
    expect(await rawDatabase()).toBe(before);

    // Ending the visit writes no text: it is kept, so a visit begun before the policy still ends.
    expect((await endVisit(visit.id, 'manual', T0 + 1000))?.endedAt).toBe(T0 + 1000);
    // An empty note is no clinical text either.
    expect(await saveNote(visit.id, '', T0 + 2000)).toMatchObject({ text: '' });
  });

  it('once the passphrase is set, the same writes are kept, sealed', async () => {
    await fakeBrowser.storage.managed.set({ 'lock.required': true });
    await turnLockOn(PASSPHRASE);
    const client = await findOrCreateClient(TEXTS.alias, T0);
    const visit = await startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 50 }, T0);
    await saveNote(visit.id, TEXTS.note, T0);
    expect(await getNote(visit.id)).toMatchObject({ text: TEXTS.note });
    expect(readableTexts(await rawDatabase())).toEqual([]);
  });

  it('without the requirement, the lock stays optional and text is written as before', async () => {
    const client = await findOrCreateClient(TEXTS.alias, T0);
    const visit = await startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 50 }, T0);
    await saveNote(visit.id, TEXTS.note, T0);
    expect(await rawDatabase()).toContain(TEXTS.note);
  });
});
