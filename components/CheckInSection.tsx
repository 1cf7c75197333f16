import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CheckInView } from '../utils/checkin/record';
import { checkInPrompt, POSTPONE_MS } from '../utils/checkin/timing';
import { t } from '../utils/i18n';
import type { Visit } from '../utils/models';
import { CheckInForm } from './CheckInForm';
import { CheckInPrompt } from './CheckInPrompt';
import { CheckInScores } from './CheckInScores';
import { useAutosave } from './hooks/useAutosave';
import { useCheckIn } from './hooks/useCheckIn';
import { Notice } from './Notice';
import { RuptureCapture } from './RuptureCapture';
import { SaveStatus } from './SaveStatus';

export interface CheckInSectionProps {
  visit: Visit;
  now: number;
  /** Told whether the check-in form is open, so other cues can wait while the clinician is answering. */
  onFormOpenChange?: (open: boolean) => void;
}

/**
 * The end-of-visit alliance check-in for one visit: a gentle prompt at the right moment, both views, rupture notes,
 * and afterwards the scores and flags. Used in the panel during and after the visit, and in the popup.
 */
export function CheckInSection({ visit, now, onFormOpenChange }: CheckInSectionProps) {
  const [session, error] = useCheckIn(visit);
  const [open, setOpen] = useState<boolean>();
  const [postponedUntil, setPostponedUntil] = useState<number | null>(null);
  const [note, setNote] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const change = session?.change;
  const saveNote = useCallback(
    (text: string) => change?.((checkIn) => ({ ...checkIn, rupture: { ...checkIn.rupture, forNextTime: text } })) ?? Promise.resolve(),
    [change],
  );
  const [noteAutosave, noteState] = useAutosave(saveNote);
  const answering = session !== undefined && session.checkIn.completedAt === null && (open ?? session.started);
  useEffect(() => onFormOpenChange?.(answering), [answering]);

  if (error !== undefined) return <Notice tone="error">{t('genericError', error)}</Notice>;
  if (session === undefined) return null;
  const { instrument, checkIn, review, started, settings } = session;
  const completed = checkIn.completedAt !== null;
  const formOpen = !completed && (open ?? started);
  const prompt = checkInPrompt({
    visit,
    now,
    promptMinutesBeforeEnd: settings['checkIn.promptMinutesBeforeEnd'],
    completed,
    postponedUntil,
  });

  // Focus moves only because the clinician asked to start the check-in.
  const start = () => {
    setOpen(true);
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  const answer = (view: CheckInView, itemId: string, value: number | null) =>
    void session.change((current) => ({ ...current, [view]: { ...current[view], answers: { ...current[view].answers, [itemId]: value } } }));
  const skipView = (view: CheckInView, skipped: boolean) => void session.change((current) => ({ ...current, [view]: { ...current[view], skipped } }));
  const finish = async () => {
    await noteAutosave.flush();
    await session.complete();
  };

  return (
    <section class="stack checkin" aria-labelledby={`checkin-heading-${visit.id}`} data-checkin-state={completed ? 'complete' : formOpen ? 'open' : 'closed'}>
      <h3 id={`checkin-heading-${visit.id}`} tabIndex={-1} ref={headingRef}>
        {t('checkInHeading')}
      </h3>
      {/* Pre-rendered so the arrival of the prompt is announced, politely, without moving focus. */}
      <p class="visually-hidden" role="status" aria-live="polite">
        {!formOpen && prompt.kind === 'before-end' ? t('checkInPromptBeforeEnd', String(prompt.minutesLeft)) : ''}
      </p>
      {session.problem !== undefined && !completed && <Notice tone="info">{session.problem}</Notice>}
      {completed && review !== undefined && (
        <>
          <p>{t('checkInDone')}</p>
          <CheckInScores review={review} />
        </>
      )}
      {!completed && !formOpen && prompt.kind !== 'none' && (
        <CheckInPrompt prompt={prompt} started={started} onStart={start} onPostpone={() => setPostponedUntil(Date.now() + POSTPONE_MS)} />
      )}
      {!completed && !formOpen && prompt.kind === 'none' && (
        <button type="button" onClick={start}>
          {started ? t('checkInResume') : t('checkInOpenEarly')}
        </button>
      )}
      {formOpen && (
        <>
          <CheckInForm instrument={instrument} checkIn={checkIn} onAnswer={answer} onSkipView={skipView} />
          <SaveStatus state={session.saveState} />
          <RuptureCapture
            rupture={checkIn.rupture}
            forNextTime={note ?? checkIn.rupture.forNextTime}
            onChange={(rupture) => void session.change((current) => ({ ...current, rupture: { ...rupture, forNextTime: current.rupture.forNextTime } }))}
            onForNextTime={(text) => {
              setNote(text);
              noteAutosave.update(text);
            }}
            onForNextTimeDone={() => void noteAutosave.flush()}
          />
          <SaveStatus state={noteState} />
          <p class="hint">{t('checkInCompleteHint')}</p>
          <button type="button" class="primary" onClick={() => void finish()}>
            {t('checkInComplete')}
          </button>
        </>
      )}
    </section>
  );
}
