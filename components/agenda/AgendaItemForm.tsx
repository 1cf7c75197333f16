import { useState } from 'preact/hooks';
import { AGENDA_TEXT_MAX_LENGTH, TIME_BOX_PRESETS } from '../../utils/agenda/schema';
import type { Goal } from '../../utils/goals/schema';
import { t } from '../../utils/i18n';
import { RequiredTextField } from '../RequiredTextField';

export interface AgendaItemDraft {
  text: string;
  timeBoxMinutes: number | null;
  goalId: string | null;
}

export interface AgendaItemFormProps {
  /** Unique within the page, for the fields' ids. */
  idPrefix: string;
  /** The form's accessible name, e.g. "Edit: Mood check". */
  label?: string;
  initial?: AgendaItemDraft;
  goals: readonly Goal[];
  submitLabel: string;
  onSubmit: (draft: AgendaItemDraft) => void;
  onCancel?: () => void;
}

/** Adds or edits an agenda item: its words, an optional time box and an optional link to one of the client's goals. */
export function AgendaItemForm({ idPrefix, label, initial, goals, submitLabel, onSubmit, onCancel }: AgendaItemFormProps) {
  const [text, setText] = useState(initial?.text ?? '');
  const [timeBox, setTimeBox] = useState(initial?.timeBoxMinutes ?? null);
  const [goalId, setGoalId] = useState(initial?.goalId ?? null);
  const [missing, setMissing] = useState(false);
  // An item saved with a box that is not a preset keeps it as a choice.
  const boxes = timeBox === null || TIME_BOX_PRESETS.some((minutes) => minutes === timeBox) ? TIME_BOX_PRESETS : [...TIME_BOX_PRESETS, timeBox];

  const submit = (event: Event) => {
    event.preventDefault();
    if (text.trim() === '') {
      setMissing(true);
      return;
    }
    onSubmit({ text: text.trim(), timeBoxMinutes: timeBox, goalId });
    if (initial === undefined) {
      setText('');
      setTimeBox(null);
      setGoalId(null);
    }
  };

  // Esc while editing cancels the edit; it does not also close the panel.
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || onCancel === undefined) return;
    event.stopPropagation();
    onCancel();
  };

  return (
    <form class="agenda-form" aria-label={label} onSubmit={submit} onKeyDown={cancelOnEscape}>
      <RequiredTextField
        id={`${idPrefix}-text`}
        label={initial === undefined ? t('agendaNewItemLabel') : t('agendaItemTextLabel')}
        value={text}
        maxLength={AGENDA_TEXT_MAX_LENGTH}
        missing={missing}
        missingMessage={t('agendaTextRequired')}
        onInput={(value) => {
          setText(value);
          setMissing(false);
        }}
      />
      <div class="field-row">
        <div class="field">
          <label for={`${idPrefix}-box`}>{t('agendaTimeBoxLabel')}</label>
          <select id={`${idPrefix}-box`} value={timeBox ?? ''} onChange={(event) => setTimeBox(event.currentTarget.value === '' ? null : Number(event.currentTarget.value))}>
            <option value="">{t('agendaNoTimeBox')}</option>
            {boxes.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('minutesOption', String(minutes))}
              </option>
            ))}
          </select>
        </div>
        {goals.length > 0 && (
          <div class="field">
            <label for={`${idPrefix}-goal`}>{t('agendaGoalLabel')}</label>
            <select id={`${idPrefix}-goal`} value={goalId ?? ''} onChange={(event) => setGoalId(event.currentTarget.value === '' ? null : event.currentTarget.value)}>
              <option value="">{t('agendaNoGoal')}</option>
              {goals.map((goal) => (
                <option key={goal.id} value={goal.id}>
                  {goal.title}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div class="row-actions">
        <button type="submit" class="small">
          {submitLabel}
        </button>
        {onCancel !== undefined && (
          <button type="button" class="small" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
