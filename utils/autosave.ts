/**
 * Debounced, serialised autosave. Text is written at most `delayMs` after the last keystroke, one write at a time and
 * always the newest text last, so an older save can never land after a newer one. A failed save keeps the text and
 * retries; the state reports "saved" only after `save` resolves (i.e. after the database committed).
 */
import { storageErrorText } from './db/storage-errors';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'failed'; message: string };

export interface AutosaveOptions {
  save: (text: string) => Promise<void>;
  onState: (state: SaveState) => void;
  now: () => number;
  delayMs?: number;
  retryMs?: number;
}

export interface Autosave {
  /** The clinician changed the text. */
  update(text: string): void;
  /** Write any pending text now; resolves to true once everything typed so far is saved, false if a save failed. */
  flush(): Promise<boolean>;
  /** The newest text not yet committed (waiting, being written, or failed), or undefined when everything is saved. */
  unsaved(): string | undefined;
  dispose(): void;
}

export const AUTOSAVE_DELAY_MS = 600;
const RETRY_MS = 3000;

export function createAutosave({ save, onState, now, delayMs = AUTOSAVE_DELAY_MS, retryMs = RETRY_MS }: AutosaveOptions): Autosave {
  let pendingText: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<boolean> = Promise.resolve(true);
  let inFlight: string | undefined;
  let disposed = false;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), ms);
  };

  const writeNext = async (): Promise<boolean> => {
    if (disposed) return pendingText === undefined;
    if (pendingText === undefined) return true;
    const text = pendingText;
    pendingText = undefined;
    inFlight = text;
    onState({ kind: 'saving' });
    try {
      await save(text);
      inFlight = undefined;
      if (pendingText === undefined) onState({ kind: 'saved', at: now() });
      return true;
    } catch (error) {
      inFlight = undefined;
      pendingText ??= text;
      onState({ kind: 'failed', message: storageErrorText(error) });
      schedule(retryMs);
      return false;
    }
  };

  const flush = () => {
    clearTimeout(timer);
    writing = writing.then(writeNext);
    return writing;
  };

  return {
    update(text) {
      pendingText = text;
      onState({ kind: 'pending' });
      schedule(delayMs);
    },
    flush,
    unsaved: () => pendingText ?? inFlight,
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
