import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftOpenError } from '../../utils/crypto/draft-key';
import { getNote } from '../../utils/db/notes';
import { changeLockPassphrase, turnLockOff, turnLockOn } from '../../utils/lock/conversion';
import { discardDraftAfterSave, discardSealedDraft, DraftNotKeptError, ensureDraftKey, keepSealedDraft, openSealedDraft } from '../../utils/lock/drafts';
import { LockedError, lockNow, readLockRecord, unlock, writeLockRecord } from '../../utils/lock/state';

const PASSPHRASE = 'quiet harbour lantern';
const DRAFT = 'Client named the argument with her sister as the trigger; safety plan reviewed.';

async function rawLocal(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

describe('a draft kept sealed when Attune locks', { timeout: 60_000 }, () => {
  it('is sealed with Attune already locked, holds no plaintext, and opens only after unlocking', async () => {
    await turnLockOn(PASSPHRASE);
    await lockNow();
    await keepSealedDraft('visit-1', DRAFT);
    const raw = await rawLocal();
    expect(raw).toContain('lock.sealedDraft:visit-1');
    for (const fragment of ['sister', 'safety plan', 'trigger']) expect(raw).not.toContain(fragment);
    await expect(openSealedDraft('visit-1')).rejects.toBeInstanceOf(LockedError);
    await unlock(PASSPHRASE);
    expect(await openSealedDraft('visit-1')).toBe(DRAFT);
    await discardSealedDraft('visit-1');
    expect(await openSealedDraft('visit-1')).toBeUndefined();
  });

  it('seals the same text differently each time (a fresh ephemeral key and IV)', async () => {
    await turnLockOn(PASSPHRASE);
    await keepSealedDraft('visit-1', DRAFT);
    const first = await rawLocal();
    await keepSealedDraft('visit-1', DRAFT);
    expect(await rawLocal()).not.toBe(first);
  });

  it('refuses a tampered draft with a clear error and leaves it in place', async () => {
    await turnLockOn(PASSPHRASE);
    await keepSealedDraft('visit-1', DRAFT);
    const stored = await fakeBrowser.storage.local.get('lock.sealedDraft:visit-1');
    const sealed = stored['lock.sealedDraft:visit-1'] as { ciphertext: string };
    const flipped = (sealed.ciphertext[0] === 'A' ? 'B' : 'A') + sealed.ciphertext.slice(1);
    await fakeBrowser.storage.local.set({ 'lock.sealedDraft:visit-1': { ...sealed, ciphertext: flipped } });
    await expect(openSealedDraft('visit-1')).rejects.toBeInstanceOf(DraftOpenError);
    await fakeBrowser.storage.local.set({ 'lock.sealedDraft:visit-1': { junk: true } });
    await expect(openSealedDraft('visit-1')).rejects.toThrow('A draft kept while Attune was locked is damaged and cannot be opened.');
    expect(await rawLocal()).toContain('lock.sealedDraft:visit-1');
  });

  it('still opens after the passphrase changes (the draft key belongs to the secret, not the passphrase)', async () => {
    await turnLockOn(PASSPHRASE);
    await keepSealedDraft('visit-1', DRAFT);
    await changeLockPassphrase(PASSPHRASE, 'another long passphrase');
    await lockNow();
    await unlock('another long passphrase');
    expect(await openSealedDraft('visit-1')).toBe(DRAFT);
  });

  it('a keyring made before draft keys gains one at the next unlock; until then a draft is refused, not written clear', async () => {
    await turnLockOn(PASSPHRASE);
    const record = await readLockRecord();
    if (record === undefined) throw new Error('the lock is on');
    const { draftKey: _dropped, ...olderKeyring } = record.keyring;
    await writeLockRecord({ ...record, keyring: olderKeyring });
    await lockNow();
    await expect(keepSealedDraft('visit-1', DRAFT)).rejects.toBeInstanceOf(DraftNotKeptError);
    expect(await rawLocal()).not.toContain('sister');
    await unlock(PASSPHRASE);
    expect(await ensureDraftKey()).toBe(true);
    expect(await ensureDraftKey()).toBe(false);
    await lockNow();
    await keepSealedDraft('visit-1', DRAFT);
    await unlock(PASSPHRASE);
    expect(await openSealedDraft('visit-1')).toBe(DRAFT);
  });

  it('is saved as the note of its visit, in the clear, when the lock is turned off while it waits', async () => {
    const VISIT_ID = '3f2b8c1e-5d4a-4b6c-9e7f-0a1b2c3d4e5f';
    await turnLockOn(PASSPHRASE);
    await lockNow();
    await keepSealedDraft(VISIT_ID, DRAFT);
    await turnLockOff(PASSPHRASE);
    expect((await getNote(VISIT_ID))?.text).toBe(DRAFT);
    expect(await rawLocal()).not.toContain('lock.sealedDraft:');
  });
  it('after each save, the visit’s draft is discarded once, and again only after one is kept anew', async () => {
    const VISIT_ID = 'visit-saves';
    await turnLockOn(PASSPHRASE);
    const removes = vi.spyOn(fakeBrowser.storage.local, 'remove');
    // A page before this one (the tab reloaded while locked) left a draft: the first save on this page discards it.
    await fakeBrowser.storage.local.set({ [`lock.sealedDraft:${VISIT_ID}`]: { left: 'by an earlier page' } });
    await discardDraftAfterSave(VISIT_ID);
    expect(await rawLocal()).not.toContain(`lock.sealedDraft:${VISIT_ID}`);
    // Saves with no draft kept in between cost no storage round trip.
    await discardDraftAfterSave(VISIT_ID);
    await discardDraftAfterSave(VISIT_ID);
    expect(removes).toHaveBeenCalledTimes(1);
    // Attune locks with text unsaved: the draft is kept, and the next save discards it.
    await lockNow();
    await keepSealedDraft(VISIT_ID, DRAFT);
    await unlock(PASSPHRASE);
    await discardDraftAfterSave(VISIT_ID);
    expect(await openSealedDraft(VISIT_ID)).toBeUndefined();
    expect(removes).toHaveBeenCalledTimes(2);
    removes.mockRestore();
  });
});
