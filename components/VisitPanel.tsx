import { useCallback, useState } from 'preact/hooks';
import { saveNote } from '../utils/db/notes';
import { t } from '../utils/i18n';
import type { Visit } from '../utils/models';
import { CheckInSection } from './CheckInSection';
import { useAutosave } from './hooks/useAutosave';
import { useNow } from './hooks/useNow';
import { NoteEditor } from './NoteEditor';
import { Notice } from './Notice';
import { VisitHeader } from './VisitHeader';

export interface VisitPanelProps {
  visit: Visit;
  alias: string;
  initialNote: string;
  onEnd: (visit: Visit) => Promise<void>;
  onCheckInOpenChange?: (open: boolean) => void;
}

/** The visit in progress: who, how long, and the autosaved note. */
export function VisitPanel({ visit, alias, initialNote, onEnd, onCheckInOpenChange }: VisitPanelProps) {
  const [text, setText] = useState(initialNote);
  const [ending, setEnding] = useState(false);
  const [notSaved, setNotSaved] = useState(false);
  const now = useNow(15_000);
  const save = useCallback((note: string) => saveNote(visit.id, note, Date.now()).then(() => undefined), [visit.id]);
  const [autosave, saveState] = useAutosave(save);

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
      <NoteEditor
        text={text}
        saveState={saveState}
        onInput={(note) => {
          setText(note);
          autosave.update(note);
        }}
      />
      <CheckInSection visit={visit} now={now} onFormOpenChange={onCheckInOpenChange} />
      {notSaved && <Notice tone="error">{t('endVisitNotSaved')}</Notice>}
      <button type="button" class="secondary" disabled={ending} onClick={() => void end()}>
        {t('endVisit')}
      </button>
    </section>
  );
}
