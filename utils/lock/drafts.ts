/**
 * A visit note's unsaved draft, kept sealed when Attune locks before it could be saved. It is sealed to the keyring's
 * draft key (utils/crypto/draft-key.ts), which needs no unlocked secret, and kept in the extension's storage.local as
 * ciphertext only, one key per visit. After unlocking, the panel opens it, puts it back in the editor and saves it; a
 * successful save of that visit's note discards it. It is never written in the clear and never dropped unread.
 */
import { browser } from '../browser';
import { saveNote } from '../db/notes';
import { createDraftKey, openDraft, sealDraft, sealedDraftSchema } from '../crypto/draft-key';
import { readLockRecord, requireKeys, unlockedKeys, writeLockRecord } from './state';

const DRAFT_KEY_PREFIX = 'lock.sealedDraft:';
const draftStorageKey = (visitId: string) => `${DRAFT_KEY_PREFIX}${visitId}`;

// Drafts kept by this page, and how many had been kept at its last discard, by visit. A visit's note is edited only
// in the panel of the visit's own tab, so between two of its saves only this page can keep a draft for it.
const draftsKeptHere = new Map<string, number>();
const draftsKeptAtDiscard = new Map<string, number>();

export class DraftNotKeptError extends Error {
  override name = 'DraftNotKeptError';
}

/** Gives a keyring made before draft keys existed its key pair; needs Attune unlocked. Returns whether one was added. */
export async function ensureDraftKey(): Promise<boolean> {
  const keys = await unlockedKeys();
  const record = await readLockRecord();
  if (keys === undefined || record === undefined || record.keyring.draftKey !== undefined) return false;
  const draftKey = await createDraftKey(keys.recordKey);
  // Read again: another page may have added one meanwhile, and a draft may already be sealed to it.
  const latest = await readLockRecord();
  if (latest === undefined || latest.keyring.draftKey !== undefined) return false;
  await writeLockRecord({ ...latest, keyring: { ...latest.keyring, draftKey } });
  return true;
}

/** Seals `text` as the visit's kept draft. Throws when the lock is off or the keyring has no draft key yet. */
export async function keepSealedDraft(visitId: string, text: string): Promise<void> {
  const draftKey = (await readLockRecord())?.keyring.draftKey;
  if (draftKey === undefined) {
    throw new DraftNotKeptError('Attune locked before this draft could be kept sealed. Unlock Attune on this page to save it.');
  }
  const sealed = await sealDraft(draftKey, text);
  // Counted before it is stored: a save that begins meanwhile must not take the visit's draft for already discarded.
  draftsKeptHere.set(visitId, (draftsKeptHere.get(visitId) ?? 0) + 1);
  await browser.storage.local.set({ [draftStorageKey(visitId)]: sealed });
}

/** The visit's kept draft, opened (needs Attune unlocked), or undefined when there is none. A damaged one throws. */
export async function openSealedDraft(visitId: string): Promise<string | undefined> {
  const key = draftStorageKey(visitId);
  const stored: Record<string, unknown> = await browser.storage.local.get(key);
  if (stored[key] === undefined) return undefined;
  const sealed = sealedDraftSchema.safeParse(stored[key]);
  if (!sealed.success) throw new DraftNotKeptError('A draft kept while Attune was locked is damaged and cannot be opened.');
  const draftKey = (await readLockRecord())?.keyring.draftKey;
  if (draftKey === undefined) throw new DraftNotKeptError('A draft kept while Attune was locked has no key to open it.');
  return openDraft(draftKey, (await requireKeys()).recordKey, sealed.data);
}

/** The visit's note was saved: any draft kept sealed for it is superseded. */
export async function discardSealedDraft(visitId: string): Promise<void> {
  await browser.storage.local.remove(draftStorageKey(visitId));
}

/**
 * As `discardSealedDraft`, after the panel saved the visit's note; each autosave calls it. It skips the storage round
 * trip (a few ms of every save, before "Saved") once this page has discarded the visit's draft and kept none since.
 * The first save on a page always discards: a page before it (the tab reloaded while locked) may have kept one.
 */
export async function discardDraftAfterSave(visitId: string): Promise<void> {
  const kept = draftsKeptHere.get(visitId) ?? 0;
  if (draftsKeptAtDiscard.get(visitId) === kept) return;
  await discardSealedDraft(visitId);
  draftsKeptAtDiscard.set(visitId, kept);
}

/**
 * Saves every kept draft as its visit's note and discards it; needs Attune unlocked. Run before the lock is turned off,
 * when the draft key goes with the keyring: a draft still waiting then would never open again. The draft is the text
 * the clinician last typed, which the panel would itself have saved on unlocking.
 */
export async function saveKeptDrafts(now: number): Promise<number> {
  const stored: Record<string, unknown> = await browser.storage.local.get(null);
  const visitIds = Object.keys(stored)
    .filter((key) => key.startsWith(DRAFT_KEY_PREFIX))
    .map((key) => key.slice(DRAFT_KEY_PREFIX.length));
  for (const visitId of visitIds) {
    const text = await openSealedDraft(visitId);
    if (text === undefined) continue;
    await saveNote(visitId, text, now);
    await discardSealedDraft(visitId);
  }
  return visitIds.length;
}
