/**
 * Turning the lock on when a pass is cut short mid-batch (a crash, a closed page): nothing is lost, everything reads, and
 * the background finishes the pass by itself once Attune is unlocked. And restoring a backup while the lock is on.
 */
import { describe, expect, it, vi } from 'vitest';
import { exportBackup } from '../../utils/backup/export';
import { BackupError, restoreBackup } from '../../utils/backup/restore';
import { findOrCreateClient } from '../../utils/db/clients';
import { getNote, saveNote } from '../../utils/db/notes';
import { openAttuneDb } from '../../utils/db/open';
import { startVisit } from '../../utils/db/visits';
import { isSealed } from '../../utils/crypto/cipher';
import { CONVERSION_BATCH_SIZE, ConversionSupersededError, turnLockOff, turnLockOn } from '../../utils/lock/conversion';
import { registerConversionResume } from '../../utils/lock/resume';
import { lockNow, readLockRecord, unlock } from '../../utils/lock/state';
import { emptyBrowser } from './review-fixtures';
import { PASSPHRASE, T0, TEXTS, rawDatabase, readableTexts, readEveryText, writeEveryText } from './lock-fixtures';

const NOTES = 450;

async function notesOfOneClient(): Promise<string[]> {
  const client = await findOrCreateClient('J.D.', T0);
  const ids: string[] = [];
  for (let index = 0; index < NOTES; index += 1) {
    const visit = await startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 50 }, T0 + index);
    await saveNote(visit.id, `Session note number ${index}`, T0 + index);
    ids.push(visit.id);
  }
  return ids;
}

async function storedNoteForms(): Promise<{ sealed: number; clear: number }> {
  const notes = await (await openAttuneDb()).getAll('notes');
  const sealed = notes.filter((note) => isSealed(note.text)).length;
  return { sealed, clear: notes.length - sealed };
}

/** Encryption fails after `allowed` more calls, as if the page had closed in the middle of a batch. */
function interruptEncryptionAfter(allowed: number): () => void {
  const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
  let calls = 0;
  const spy = vi.spyOn(crypto.subtle, 'encrypt').mockImplementation((...args: Parameters<SubtleCrypto['encrypt']>) => {
    calls += 1;
    return calls > allowed ? Promise.reject(new Error('the page closed')) : encrypt(...args);
  });
  return () => spy.mockRestore();
}

describe('an interrupted conversion', { timeout: 180_000 }, () => {
  it('leaves every note readable, and the background finishes sealing as soon as Attune is unlocked', async () => {
    const ids = await notesOfOneClient();
    // The keyring, the alias, one whole batch of notes, then part of the next batch.
    const resume = interruptEncryptionAfter(2 + CONVERSION_BATCH_SIZE + 50);
    await expect(turnLockOn(PASSPHRASE)).rejects.toThrow('the page closed');
    resume();
    expect((await readLockRecord())?.phase).toBe('sealing');
    // The batch that was cut short wrote nothing; the one before it is durable.
    expect(await storedNoteForms()).toEqual({ sealed: CONVERSION_BATCH_SIZE, clear: NOTES - CONVERSION_BATCH_SIZE });
    expect((await getNote(ids[0] ?? ''))?.text).toBe('Session note number 0');
    expect((await getNote(ids[NOTES - 1] ?? ''))?.text).toBe(`Session note number ${NOTES - 1}`);
    // A note still clear, saved again meanwhile, is sealed at once.
    const stillClear = (await (await openAttuneDb()).getAll('notes')).find((note) => !isSealed(note.text))?.visitId ?? '';
    await saveNote(stillClear, 'Edited while the pass was stopped', T0 + NOTES);
    expect(await storedNoteForms()).toEqual({ sealed: CONVERSION_BATCH_SIZE + 1, clear: NOTES - CONVERSION_BATCH_SIZE - 1 });

    // The background starts while Attune is locked: it cannot finish yet, and waits for an unlock on any page.
    await lockNow();
    const stopListening = registerConversionResume();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await readLockRecord())?.phase).toBe('sealing');
    await unlock(PASSPHRASE);
    await vi.waitFor(async () => expect((await readLockRecord())?.phase).toBe('on'), { timeout: 60_000, interval: 100 });
    expect(await storedNoteForms()).toEqual({ sealed: NOTES, clear: 0 });
    expect((await getNote(stillClear))?.text).toBe('Edited while the pass was stopped');
    expect((await getNote(ids[300] ?? ''))?.text).toBe('Session note number 300');
    stopListening();
  });
});

describe('turning the lock off while it is still being turned on', { timeout: 180_000 }, () => {
  it('stops the sealing pass, and the lock ends off with every record clear and readable', async () => {
    const ids = await notesOfOneClient();
    // The sealing pass is held in its second batch (after the keyring, the alias and one batch) until the lock is off.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
    let calls = 0;
    vi.spyOn(crypto.subtle, 'encrypt').mockImplementation(async (...args: Parameters<SubtleCrypto['encrypt']>) => {
      calls += 1;
      if (calls > 2 + CONVERSION_BATCH_SIZE) await gate;
      return encrypt(...args);
    });
    const turningOn = turnLockOn(PASSPHRASE);
    await vi.waitFor(() => expect(calls).toBeGreaterThan(2 + CONVERSION_BATCH_SIZE), { timeout: 60_000, interval: 5 });
    await turnLockOff(PASSPHRASE);
    release();
    await expect(turningOn).rejects.toBeInstanceOf(ConversionSupersededError);
    expect(await readLockRecord()).toBeUndefined();
    expect(await storedNoteForms()).toEqual({ sealed: 0, clear: NOTES });
    expect((await getNote(ids[7] ?? ''))?.text).toBe('Session note number 7');
  });
});

describe('restoring a backup while the lock is on', { timeout: 120_000 }, () => {
  it('seals everything it writes, and matches aliases through the hashed index', async () => {
    const { visitId, clientId } = await writeEveryText();
    const backup = await exportBackup(T0);
    expect(readableTexts(backup).length).toBeGreaterThan(0);
    emptyBrowser();
    await turnLockOn(PASSPHRASE);
    await restoreBackup(backup);
    expect(readableTexts(await rawDatabase())).toEqual([]);
    expect(await readEveryText(visitId, clientId)).toContain(TEXTS.rupture);
    // The restored alias is the same client, found through its keyed hash; restoring again duplicates nothing.
    expect((await findOrCreateClient(TEXTS.alias.toUpperCase(), T0)).id).toBe(clientId);
    await restoreBackup(backup);
    expect(await (await openAttuneDb()).count('clients')).toBe(1);
  });

  it('is refused while Attune is locked, and nothing changes', async () => {
    await writeEveryText();
    const backup = await exportBackup(T0);
    emptyBrowser();
    await turnLockOn(PASSPHRASE);
    await lockNow();
    const before = await rawDatabase();
    await expect(restoreBackup(backup)).rejects.toThrow(BackupError);
    await expect(restoreBackup(backup)).rejects.toThrow('The file was not restored: Attune is locked. Unlock it with your passphrase, then restore the file again. Nothing was changed.');
    expect(await rawDatabase()).toBe(before);
  });

  it('a backup made with the lock on is readable and restores on an install without the lock', async () => {
    await turnLockOn(PASSPHRASE);
    const { visitId, clientId } = await writeEveryText();
    const backup = await exportBackup(T0);
    expect(readableTexts(backup).length).toBe(Object.values(TEXTS).length + 1);
    emptyBrowser();
    await lockNow();
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    fakeBrowser.reset();
    await restoreBackup(backup);
    expect(await readEveryText(visitId, clientId)).toContain(TEXTS.homework);
  });
});
