/**
 * The disk fills up mid-visit: IndexedDB refuses the note's write with QuotaExceededError (injected into fake-indexeddb's
 * object store, beneath the real repository). The clinician reads a sentence that says what happened, the draft stays
 * in memory, and the autosave keeps retrying until the note is in the database — newest text, nothing lost.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, type SaveState } from '../../utils/autosave';
import { findOrCreateClient } from '../../utils/db/clients';
import { getNote, saveNote } from '../../utils/db/notes';
import { startVisit } from '../../utils/db/visits';
import { t } from '../../utils/i18n';
import { useEnglishMessages } from './support-messages';

const DRAFT = 'Client described panic on the 7:40 train; agreed to try paced breathing.';

/** The next `count` writes to any object store fail the way a full disk fails them. */
function fillDisk(count: number): { refused: () => number } {
  // fake-indexeddb/auto installed its object store class as the global IDBObjectStore.
  const put = IDBObjectStore.prototype.put;
  let refused = 0;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
    if (refused < count) {
      refused += 1;
      throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
    }
    return put.apply(this, args);
  });
  return { refused: () => refused };
}

beforeEach(() => useEnglishMessages());

describe('a full disk while the clinician types', () => {
  it('says the computer is out of space, keeps the draft, and retries until it is saved', async () => {
    const client = await findOrCreateClient('Q.Z.', 1_000);
    const visit = await startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 45 }, 2_000);
    const states: SaveState[] = [];
    const autosave = createAutosave({
      save: (text) => saveNote(visit.id, text, Date.now()).then(() => undefined),
      onState: (state) => states.push(state),
      now: Date.now,
      delayMs: 5,
      retryMs: 20,
    });
    const disk = fillDisk(3);

    autosave.update(DRAFT.slice(0, 20));
    await vi.waitFor(() => expect(states.at(-1)?.kind).toBe('failed'));
    const failed = states.at(-1);
    const shown = failed?.kind === 'failed' ? t('saveFailed', failed.message) : '';
    expect(shown).toBe(
      'Not saved: This computer has run out of space for Attune’s records; free some disk space. Your text is kept here and Attune will try again.',
    );
    expect(await getNote(visit.id)).toBeUndefined();

    // The clinician keeps typing while the disk is full; the newest text is the one that lands.
    autosave.update(DRAFT);
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ kind: 'saved', at: expect.any(Number) }), { timeout: 3_000 });
    expect(disk.refused()).toBe(3);
    expect((await getNote(visit.id))?.text).toBe(DRAFT);
    expect(states.filter((state) => state.kind === 'failed').length).toBeGreaterThanOrEqual(2);
    autosave.dispose();
  });
});
