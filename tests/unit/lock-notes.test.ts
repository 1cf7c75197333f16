import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../utils/backup/export';
import { WrongPassphraseError } from '../../utils/crypto/keyring';
import { findOrCreateClient } from '../../utils/db/clients';
import { getNote, saveNote } from '../../utils/db/notes';
import { openAttuneDb } from '../../utils/db/open';
import { recentVisits, startVisit } from '../../utils/db/visits';
import { changeLockPassphrase, turnLockOff, turnLockOn } from '../../utils/lock/conversion';
import { LockedError, isLockOn, lockNow, readLockRecord, unlock } from '../../utils/lock/state';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const PASSPHRASE = 'quiet harbour lantern';

async function visitWithNote(text: string, startedAt = T0): Promise<string> {
  const client = await findOrCreateClient('J.D.', T0);
  const visit = await startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 50 }, startedAt);
  await saveNote(visit.id, text, T0);
  return visit.id;
}

/** Every note's stored text, straight from IndexedDB, as a thief with the disk would find it. */
async function rawNoteTexts(): Promise<string[]> {
  const rows = await (await openAttuneDb()).getAll('notes');
  return rows.map((row) => JSON.stringify(row));
}

// Each lock, unlock and passphrase change is a real 600,000-iteration PBKDF2 derivation.
describe('notes under the lock', { timeout: 60_000 }, () => {
  it('stores notes in the clear while the lock is off (the default)', async () => {
    await visitWithNote('Talked about sleep');
    expect(await isLockOn()).toBe(false);
    expect((await rawNoteTexts()).join()).toContain('Talked about sleep');
  });

  it('turning the lock on seals existing notes in place, and new notes are sealed too', async () => {
    const before = await Promise.all(Array.from({ length: 250 }, (_, index) => visitWithNote(`Existing note number ${index}`)));
    await turnLockOn(PASSPHRASE);
    expect((await readLockRecord())?.phase).toBe('on');
    const later = await visitWithNote('Rupture around homework; repaired', T0 + 60_000);
    const raw = (await rawNoteTexts()).join('\n');
    expect(raw).not.toContain('Existing note number');
    expect(raw).not.toContain('Rupture');
    expect(await getNote(before[249] ?? '')).toMatchObject({ text: 'Existing note number 249' });
    expect(await getNote(later)).toMatchObject({ text: 'Rupture around homework; repaired' });
    expect((await recentVisits(1))[0]?.notePreview).toBe('Rupture around homework; repaired');
  });

  it('when locked, refuses to show or save a note, and changes nothing', async () => {
    const visitId = await visitWithNote('Before the lock');
    await turnLockOn(PASSPHRASE);
    await lockNow();
    await expect(getNote(visitId)).rejects.toBeInstanceOf(LockedError);
    await expect(saveNote(visitId, 'written while locked', T0 + 1)).rejects.toThrow(/Attune is locked/);
    await expect(unlock('not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await unlock(PASSPHRASE);
    expect(await getNote(visitId)).toMatchObject({ text: 'Before the lock', updatedAt: T0 });
  });

  it('a changed passphrase unlocks the same notes; the old one no longer does', async () => {
    const visitId = await visitWithNote('Goal: walk daily');
    await turnLockOn(PASSPHRASE);
    await changeLockPassphrase(PASSPHRASE, 'a different phrase');
    await lockNow();
    await expect(unlock(PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    await unlock('a different phrase');
    expect(await getNote(visitId)).toMatchObject({ text: 'Goal: walk daily' });
  });

  it('turning the lock off needs the passphrase, then opens every note', async () => {
    const visitId = await visitWithNote('Plain again later');
    await turnLockOn(PASSPHRASE);
    await expect(turnLockOff('wrong phrase!')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await isLockOn()).toBe(true);
    await turnLockOff(PASSPHRASE);
    expect(await isLockOn()).toBe(false);
    expect((await rawNoteTexts()).join()).toContain('Plain again later');
    expect(await getNote(visitId)).toMatchObject({ text: 'Plain again later' });
  });

  it('the JSON backup holds the notes readable, so it restores without the passphrase', async () => {
    await visitWithNote('Backed up words');
    await turnLockOn(PASSPHRASE);
    expect(await exportBackup(T0)).toContain('Backed up words');
  });
});
