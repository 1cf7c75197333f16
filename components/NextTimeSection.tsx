import { useState } from 'preact/hooks';
import { NEXT_TIME_MAX_LENGTH, type NextTime } from '../utils/next-time/schema';
import { t } from '../utils/i18n';
import { useAutosave } from './hooks/useAutosave';
import { SaveStatus } from './SaveStatus';

export interface NextTimeSectionProps {
  initial: NextTime | undefined;
  saveHomework: (text: string) => Promise<void>;
  saveNote: (text: string) => Promise<void>;
}

/** Homework agreed and a note for next time, autosaved; the next visit with this client shows them in "Last time". */
export function NextTimeSection({ initial, saveHomework, saveNote }: NextTimeSectionProps) {
  const [homework, setHomework] = useState(initial?.homework ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [homeworkSave, homeworkState] = useAutosave(saveHomework);
  const [noteSave, noteState] = useAutosave(saveNote);
  return (
    <section class="stack stack--tight" aria-labelledby="next-time-heading">
      <h2 id="next-time-heading">{t('nextTimeHeading')}</h2>
      <div class="field">
        <label for="next-time-homework">{t('nextTimeHomeworkLabel')}</label>
        <textarea
          id="next-time-homework"
          class="short"
          rows={2}
          maxLength={NEXT_TIME_MAX_LENGTH}
          value={homework}
          onInput={(event) => {
            setHomework(event.currentTarget.value);
            homeworkSave.update(event.currentTarget.value);
          }}
        />
        <SaveStatus state={homeworkState} />
      </div>
      <div class="field">
        <label for="next-time-note">{t('nextTimeNoteLabel')}</label>
        <textarea
          id="next-time-note"
          class="short"
          rows={2}
          maxLength={NEXT_TIME_MAX_LENGTH}
          value={note}
          onInput={(event) => {
            setNote(event.currentTarget.value);
            noteSave.update(event.currentTarget.value);
          }}
        />
        <SaveStatus state={noteState} />
      </div>
    </section>
  );
}
