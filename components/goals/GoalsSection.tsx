import { useState } from 'preact/hooks';
import { GOAL_NOTE_MAX_LENGTH, GOAL_TITLE_MAX_LENGTH, type Goal } from '../../utils/goals/schema';
import { t } from '../../utils/i18n';
import { RequiredTextField } from '../RequiredTextField';
import { GoalRow } from './GoalRow';

export interface GoalsSectionProps {
  goals: readonly Goal[];
  onAdd: (title: string, note: string) => void;
  onRate: (goal: Goal, value: number) => Promise<unknown>;
  onSetMet: (goal: Goal, met: boolean) => void;
}

/** The client's treatment goals, carried from visit to visit; met goals are archived below. */
export function GoalsSection({ goals, onAdd, onRate, onSetMet }: GoalsSectionProps) {
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const open = goals.filter((goal) => goal.status === 'open');
  const met = goals.filter((goal) => goal.status === 'met');

  const add = (event: Event) => {
    event.preventDefault();
    if (title.trim() === '') {
      setMissing(true);
      return;
    }
    onAdd(title, note);
    setTitle('');
    setNote('');
  };

  const row = (goal: Goal) => (
    <GoalRow key={goal.id} goal={goal} onRate={(value) => onRate(goal, value)} onSetMet={(isMet) => onSetMet(goal, isMet)} />
  );

  return (
    <section class="stack stack--tight" aria-labelledby="goals-heading">
      <h2 id="goals-heading">{t('goalsHeading')}</h2>
      {open.length === 0 ? <p class="hint">{t('goalsEmpty')}</p> : <ul class="plain-list goal-list">{open.map(row)}</ul>}
      <details class="disclosure">
        <summary>{t('goalAddSummary')}</summary>
        <form class="stack stack--tight" onSubmit={add}>
          <RequiredTextField
            id="goal-title"
            label={t('goalTitleLabel')}
            value={title}
            maxLength={GOAL_TITLE_MAX_LENGTH}
            missing={missing}
            missingMessage={t('goalTitleRequired')}
            onInput={(value) => {
              setTitle(value);
              setMissing(false);
            }}
          />
          <div class="field">
            <label for="goal-note">{t('goalNoteLabel')}</label>
            <textarea id="goal-note" class="short" rows={2} maxLength={GOAL_NOTE_MAX_LENGTH} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
          </div>
          <button type="submit" class="small">
            {t('goalAdd')}
          </button>
        </form>
      </details>
      {met.length > 0 && (
        <details class="disclosure">
          <summary>{t('goalsArchived', String(met.length))}</summary>
          <ul class="plain-list goal-list">{met.map(row)}</ul>
        </details>
      )}
    </section>
  );
}
