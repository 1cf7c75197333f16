import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { saveNextTime } from '../utils/db/next-time';
import { saveNote } from '../utils/db/notes';
import { discardDraftAfterSave } from '../utils/lock/drafts';
import { t } from '../utils/i18n';
import type { Visit } from '../utils/models';
import { AgendaSection } from './agenda/AgendaSection';
import { GoalsSection } from './goals/GoalsSection';
import { CheckInSection } from './CheckInSection';
import type { Reminders } from './hooks/useReminders';
import type { VisitSession } from './hooks/useVisitSession';
import { useAutosave } from './hooks/useAutosave';
import { useSealDraftOnLock } from './lock/useSealDraftOnLock';
import { LastTimeCard } from './LastTimeCard';
import { NextTimeSection } from './NextTimeSection';
import { NoteEditor } from './NoteEditor';
import { Notice } from './Notice';
import { ReminderList } from './ReminderList';
import { VisitHeader } from './VisitHeader';
import { VisitTimer } from './VisitTimer';

export interface VisitPanelProps {
  visit: Visit;
  alias: string;
  initialNote: string;
  /** `initialNote` is a draft kept sealed while Attune was locked: it is saved at once. */
  restoredDraft?: boolean;
  now: number;
  session: VisitSession;
  reminders: Reminders;
  snoozeMinutes: number;
  /** Says something to screen readers through the panel's polite live region. */
  announce: (message: string) => void;
  /** The previous visit's check-in summary for the "Last time" card, once check-ins exist. */
  renderPreviousCheckIn?: (previousVisitId: string) => ComponentChildren;
  onEnd: (visit: Visit) => Promise<void>;
  onCheckInOpenChange?: (open: boolean) => void;
  /** A draft could not be kept sealed when Attune locked. */
  onProblem: (failure: unknown) => void;
}

/** The visit in progress: who and how long, quiet reminders, last time, agenda, goals, notes and what carries forward. */
export function VisitPanel(props: VisitPanelProps) {
  const { visit, alias, initialNote, restoredDraft = false, now, session, reminders, snoozeMinutes, announce, renderPreviousCheckIn, onEnd, onCheckInOpenChange, onProblem } = props;
  const [text, setText] = useState(initialNote);
  const [ending, setEnding] = useState(false);
  const [notSaved, setNotSaved] = useState(false);
  // A saved note supersedes any draft kept sealed for this visit while Attune was locked.
  const save = useCallback((note: string) => saveNote(visit.id, note, Date.now()).then(() => discardDraftAfterSave(visit.id)), [visit.id]);
  const [autosave, saveState] = useAutosave(save);
  useSealDraftOnLock(visit.id, autosave, onProblem);
  useEffect(() => {
    if (restoredDraft) autosave.update(initialNote);
  }, [autosave]);
  const saveHomework = useCallback((homework: string) => saveNextTime(visit, { homework }, Date.now()).then(() => undefined), [visit.id]);
  const saveNextNote = useCallback((note: string) => saveNextTime(visit, { note }, Date.now()).then(() => undefined), [visit.id]);

  const end = async () => {
    setEnding(true);
    // The visit stays open until the latest note is committed, so "Visit ended" never hides an unsaved note.
    const saved = await autosave.flush();
    setNotSaved(!saved);
    if (saved) await onEnd(visit);
    setEnding(false);
  };

  return (
    <section class="stack" aria-label={t('visitWith', alias)}>
      <VisitHeader visit={visit} alias={alias} now={now} />
      <VisitTimer visit={visit} now={now} />
      <ReminderList reminders={reminders.visible} snoozeMinutes={snoozeMinutes} onDismiss={reminders.dismiss} onSnooze={reminders.snooze} />
      {session.lastTime !== undefined && (
        <LastTimeCard
          lastTime={session.lastTime}
          checkInSummary={renderPreviousCheckIn?.(session.lastTime.previousVisit.id)}
          onCarryOver={(items) => {
            void session.carryOver(items).then((carried) => carried > 0 && announce(t('lastTimeCarried', String(carried))));
          }}
        />
      )}
      <AgendaSection
        items={session.items}
        goals={session.goals}
        ownTemplates={session.templates}
        onAdd={(additions) => void session.addItems(additions)}
        onEdit={(item, edit) => void session.editItem(item, edit)}
        onToggle={session.setItemDone}
        onMove={(itemId, by) => void session.moveItem(itemId, by)}
        onRemove={(itemId) => void session.removeItem(itemId)}
        onSaveTemplate={(name, items) => {
          void session.saveTemplate(name, items).then((saved) => saved && announce(t('agendaTemplateSaved', name)));
        }}
        announce={announce}
      />
      <GoalsSection
        goals={session.goals}
        onAdd={(title, note) => void session.addGoal(title, note)}
        onRate={session.rateGoal}
        onSetMet={(goal, met) => void session.setGoalMet(goal, met)}
      />
      <NoteEditor
        text={text}
        saveState={saveState}
        onInput={(note) => {
          setText(note);
          autosave.update(note);
        }}
      />
      {session.loaded && <NextTimeSection initial={session.nextTime} saveHomework={saveHomework} saveNote={saveNextNote} />}
      <CheckInSection visit={visit} now={now} onFormOpenChange={onCheckInOpenChange} />
      {notSaved && <Notice tone="error">{t('endVisitNotSaved')}</Notice>}
      <button type="button" class="secondary" disabled={ending} onClick={() => void end()}>
        {t('endVisit')}
      </button>
    </section>
  );
}
