import type { SaveState } from '../utils/autosave';
import { t } from '../utils/i18n';
import { NOTE_MAX_LENGTH } from '../utils/models';
import { SaveStatus } from './SaveStatus';

export interface NoteEditorProps {
  text: string;
  saveState: SaveState;
  onInput: (text: string) => void;
}

export function NoteEditor({ text, saveState, onInput }: NoteEditorProps) {
  return (
    <div class="field">
      <label for="visit-notes">{t('notesLabel')}</label>
      <textarea
        id="visit-notes"
        rows={10}
        maxLength={NOTE_MAX_LENGTH}
        aria-describedby="visit-notes-hint"
        value={text}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <p id="visit-notes-hint" class="hint">
        {t('notesHint')}
      </p>
      <SaveStatus state={saveState} />
    </div>
  );
}
