import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, createAutosave, type SaveState } from '../../utils/autosave';

const RETRY_MS = 3000;
const START = Date.UTC(2025, 0, 6, 9, 0);

interface PendingSave {
  text: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A `save` whose writes finish only when the test says so, like a slow disk. */
function controlledDisk() {
  const calls: PendingSave[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const save = vi.fn(
    (text: string) =>
      new Promise<void>((resolve, reject) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const settle = (settleWith: () => void) => () => {
          inFlight -= 1;
          settleWith();
        };
        calls.push({ text, resolve: settle(resolve), reject: (error) => settle(() => reject(error))() });
      }),
  );
  return {
    save,
    calls,
    /** The write the autosave started most recently. */
    last: (): PendingSave => {
      const call = calls.at(-1);
      if (call === undefined) throw new Error('No save has started.');
      return call;
    },
    maxInFlight: () => maxInFlight,
  };
}

function setup(disk = controlledDisk()) {
  const states: SaveState[] = [];
  const autosave = createAutosave({ save: disk.save, onState: (state) => states.push(state), now: Date.now });
  const kinds = () => states.map((state) => state.kind);
  return { autosave, disk, states, kinds, current: () => states.at(-1) };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('uses a 600 ms debounce by default', () => {
    expect(AUTOSAVE_DELAY_MS).toBe(600);
  });

  it('writes nothing until the clinician pauses for the delay, then writes the latest text once', async () => {
    const { autosave, disk, kinds } = setup();
    autosave.update('M');
    await vi.advanceTimersByTimeAsync(400);
    autosave.update('Mood');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(disk.save).not.toHaveBeenCalled();
    expect(kinds()).toEqual(['pending', 'pending']);

    await vi.advanceTimersByTimeAsync(1);
    expect(disk.save).toHaveBeenCalledTimes(1);
    expect(disk.save).toHaveBeenCalledWith('Mood');
  });

  it('goes pending → saving → saved, and says saved only after the write resolves', async () => {
    const { autosave, disk, kinds, current } = setup();
    autosave.update('Low mood this week');
    expect(current()).toEqual({ kind: 'pending' });

    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(current()).toEqual({ kind: 'saving' });

    // The database has not committed yet: however long it takes, the clinician must not see "saved".
    await vi.advanceTimersByTimeAsync(10_000);
    expect(kinds()).not.toContain('saved');

    vi.setSystemTime(START + 20_000);
    disk.last().resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(kinds()).toEqual(['pending', 'saving', 'saved']);
    expect(current()).toEqual({ kind: 'saved', at: START + 20_000 });
  });

  it('writes one at a time and the newest text last when a slow save overlaps new typing', async () => {
    const { autosave, disk, kinds } = setup();
    autosave.update('first draft');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(disk.calls.map((call) => call.text)).toEqual(['first draft']);

    autosave.update('first draft, revised');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    // The older write is still running: the newer one waits instead of racing it.
    expect(disk.calls).toHaveLength(1);

    disk.calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(disk.calls.map((call) => call.text)).toEqual(['first draft', 'first draft, revised']);
    // Newer text was still waiting when the old write finished, so that moment is not "saved".
    expect(kinds().filter((kind) => kind === 'saved')).toEqual([]);

    disk.last().resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(kinds().at(-1)).toBe('saved');
    expect(disk.maxInFlight()).toBe(1);

    // Nothing older is ever written afterwards.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(disk.calls.map((call) => call.text)).toEqual(['first draft', 'first draft, revised']);
  });

  it('coalesces everything typed during a slow write into one later write of the newest text', async () => {
    const { autosave, disk } = setup();
    autosave.update('a');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    for (const text of ['ab', 'abc', 'abcd']) {
      autosave.update(text);
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    }
    disk.calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(disk.calls.map((call) => call.text)).toEqual(['a', 'abcd']);
  });

  it('keeps the text after a failed write, says why, and retries until it is saved', async () => {
    const { autosave, disk, current, kinds } = setup();
    autosave.update('Client described panic at work');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    disk.last().reject(new Error('The disk is full.'));
    await vi.advanceTimersByTimeAsync(0);
    expect(current()).toEqual({ kind: 'failed', message: 'The disk is full.' });

    await vi.advanceTimersByTimeAsync(RETRY_MS - 1);
    expect(disk.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(disk.calls.map((call) => call.text)).toEqual([
      'Client described panic at work',
      'Client described panic at work',
    ]);
    expect(current()).toEqual({ kind: 'saving' });

    disk.last().resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(kinds()).toEqual(['pending', 'saving', 'failed', 'saving', 'saved']);
  });

  it.each([
    ['a string', 'quota exceeded', 'quota exceeded'],
    ['a DOMException', new DOMException('The transaction was aborted.', 'AbortError'), 'The transaction was aborted.'],
  ])('reports a failure thrown as %s with its message', async (_what, thrown, message) => {
    const { autosave, disk, current } = setup();
    autosave.update('text');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    disk.last().reject(thrown);
    await vi.advanceTimersByTimeAsync(0);
    expect(current()).toEqual({ kind: 'failed', message });
  });

  it('unsaved() names the newest uncommitted text while it waits, is written, or failed, and nothing once saved', async () => {
    const { autosave, disk } = setup();
    expect(autosave.unsaved()).toBeUndefined();
    autosave.update('Client named the trigger');
    expect(autosave.unsaved()).toBe('Client named the trigger');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    // Being written is not yet saved: a lock engaging now must still keep this text.
    expect(autosave.unsaved()).toBe('Client named the trigger');
    disk.last().reject(new Error('Attune is locked.'));
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.unsaved()).toBe('Client named the trigger');
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    disk.last().resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.unsaved()).toBeUndefined();
  });

  it('retries with the newest text, not the failed older one, when the clinician typed meanwhile', async () => {
    const { autosave, disk } = setup();
    autosave.update('old');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    autosave.update('old and new');
    disk.last().reject(new Error('Busy.'));
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(disk.calls.map((call) => call.text)).toEqual(['old', 'old and new']);
  });

  it('flush() writes pending text at once and resolves only after it is saved', async () => {
    const { autosave, disk, current } = setup();
    autosave.update('End of visit summary');
    let flushed = false;
    const flushing = autosave.flush().then(() => {
      flushed = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(disk.save).toHaveBeenCalledWith('End of visit summary');
    expect(flushed).toBe(false);

    disk.last().resolve();
    await flushing;
    expect(current()?.kind).toBe('saved');

    // The debounce timer was cancelled: the text is not written a second time.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(disk.save).toHaveBeenCalledTimes(1);
  });

  it('flush() with nothing typed writes nothing and changes no state', async () => {
    const { autosave, disk, states } = setup();
    await autosave.flush();
    expect(disk.save).not.toHaveBeenCalled();
    expect(states).toEqual([]);
  });

  it('writes nothing after dispose()', async () => {
    const { autosave, disk } = setup();
    autosave.update('typed just before the panel closed');
    autosave.dispose();
    await vi.advanceTimersByTimeAsync(RETRY_MS * 2);
    expect(disk.save).not.toHaveBeenCalled();
  });

  it('flush() tells the caller whether everything typed is saved, so a visit is never ended over an unsaved note', async () => {
    const { autosave, disk } = setup();
    autosave.update('Risk discussed; safety plan reviewed');
    const failed = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    disk.last().reject(new Error('The disk is full.'));
    expect(await failed).toBe(false);

    const retried = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(disk.last().text).toBe('Risk discussed; safety plan reviewed');
    disk.last().resolve();
    expect(await retried).toBe(true);
    expect(await autosave.flush()).toBe(true);
  });
});
