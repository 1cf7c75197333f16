import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SaveState } from '../../utils/autosave';
import type { Instrument } from '../../utils/checkin/instrument';
import { newCheckIn, type CheckIn } from '../../utils/checkin/record';
import { changeCheckIn, checkInForVisit, reviewCheckIn, type CheckInReview } from '../../utils/db/checkins';
import { activeInstrument, instrumentFor } from '../../utils/db/instruments';
import type { Visit } from '../../utils/models';
import { readSettings, type Settings } from '../../utils/settings';

const RETRY_MS = 3000;

export interface CheckInSession {
  instrument: Instrument;
  checkIn: CheckIn;
  /** Some answer has been saved (or is being saved) for this visit. */
  started: boolean;
  settings: Settings;
  review: CheckInReview | undefined;
  /** Something the clinician should know, e.g. the chosen instrument is not loaded. */
  problem: string | undefined;
  saveState: SaveState;
  /** Applies a change at once on screen and saves it durably; a failed save is retried, in order. */
  change: (change: (checkIn: CheckIn) => CheckIn) => Promise<void>;
  complete: () => Promise<void>;
}

/** The visit's check-in, loaded from the database and saved answer by answer. */
export function useCheckIn(visit: Visit): [CheckInSession | undefined, string | undefined] {
  const [session, setSession] = useState<Omit<CheckInSession, 'change' | 'complete' | 'saveState'>>();
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [error, setError] = useState<string>();
  const queue = useRef<Promise<void>>(Promise.resolve());
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    void (async () => {
      const [settings, stored] = await Promise.all([readSettings(), checkInForVisit(visit.id)]);
      let instrument: Instrument | undefined;
      let problem: string | undefined;
      if (stored !== undefined) instrument = await instrumentFor(stored.instrumentId, stored.instrumentVersion);
      else ({ instrument, problem } = await activeInstrument(settings['checkIn.instrument']));
      if (instrument === undefined) {
        throw new Error(`this visit's check-in uses "${stored?.instrumentId ?? '?'}" version ${stored?.instrumentVersion ?? '?'}, which is no longer loaded.`);
      }
      const review = stored?.completedAt == null ? undefined : await reviewCheckIn(stored);
      if (!alive.current) return;
      setSession({ instrument, checkIn: stored ?? newCheckIn(visit, instrument, Date.now()), started: stored !== undefined, settings, review, problem });
    })().catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
    return () => {
      alive.current = false;
    };
  }, [visit.id]);

  const instrument = session?.instrument;
  const change = useCallback(
    (apply: (checkIn: CheckIn) => CheckIn): Promise<void> => {
      if (instrument === undefined) return Promise.resolve();
      setSession((current) => current && { ...current, checkIn: apply(current.checkIn), started: true });
      setSaveState({ kind: 'saving' });
      const save = async (): Promise<void> => {
        try {
          await changeCheckIn(visit, instrument, apply, Date.now());
          if (alive.current) setSaveState({ kind: 'saved', at: Date.now() });
        } catch (failure) {
          if (alive.current) setSaveState({ kind: 'failed', message: failure instanceof Error ? failure.message : String(failure) });
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          if (alive.current) return save();
        }
      };
      // One write at a time, in the order given, so a later answer can never be overwritten by an earlier one.
      queue.current = queue.current.then(save);
      return queue.current;
    },
    [visit, instrument],
  );

  const complete = useCallback(async () => {
    if (instrument === undefined) return;
    await queue.current;
    try {
      const saved = await changeCheckIn(visit, instrument, (checkIn) => ({ ...checkIn, completedAt: Date.now() }), Date.now());
      const review = await reviewCheckIn(saved);
      if (alive.current) setSession((current) => current && { ...current, checkIn: saved, review });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, [visit, instrument]);

  return [session === undefined ? undefined : { ...session, saveState, change, complete }, error];
}
