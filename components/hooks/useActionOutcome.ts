import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';

/** A failure nobody foresaw, in the clinician's language with the browser's own words after it. */
export const failureText = (failure: unknown) => t('genericError', failure instanceof Error ? failure.message : String(failure));

/** What an action ended with: what it did, to announce politely, or why it changed nothing. */
export type Outcome = { status: string } | { error: string };

export interface ActionOutcomeState {
  busy: boolean;
  /** What the last action did, for a polite announcement. */
  status: string;
  /** Why the last action changed nothing. */
  error: string | undefined;
}

/**
 * The busy flag, status line and error of a settings section whose actions run one at a time (components/Notice.tsx
 * `ActionOutcome` shows them). `run` clears the last outcome, is busy while the work runs and shows what it ended
 * with; a throw becomes the error, in `describe`'s words. The work is passed already started, so a browser prompt that
 * must open during the click (a site permission) is asked for before anything is awaited.
 */
export function useActionOutcome() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();

  const fail = (text: string) => {
    setStatus('');
    setError(text);
  };
  const run = (work: Promise<Outcome>, describe: (failure: unknown) => string = failureText) => {
    setStatus('');
    setError(undefined);
    setBusy(true);
    work
      .then(
        (outcome) => ('error' in outcome ? setError(outcome.error) : setStatus(outcome.status)),
        (failure: unknown) => setError(describe(failure)),
      )
      .finally(() => setBusy(false));
  };
  const state: ActionOutcomeState = { busy, status, error };
  return { state, fail, run };
}
