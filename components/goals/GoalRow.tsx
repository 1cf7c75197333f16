import { ATTAINMENT_LEVELS, currentAttainment, type Goal } from '../../utils/goals/schema';
import { t } from '../../utils/i18n';
import { useSaving } from '../hooks/useSaving';

export interface GoalRowProps {
  goal: Goal;
  /** Saves a rating; the list box shows the clinician's choice until this settles. */
  onRate: (value: number) => Promise<unknown>;
  onSetMet: (met: boolean) => void;
}

/** A goal-attainment level in words, with its number (e.g. "+1 · more than expected"). */
export function attainmentLabel(value: number): string {
  switch (value) {
    case -2:
      return t('attainmentMinus2');
    case -1:
      return t('attainmentMinus1');
    case 0:
      return t('attainment0');
    case 1:
      return t('attainmentPlus1');
    case 2:
      return t('attainmentPlus2');
    default:
      return String(value);
  }
}

/** A goal during the visit: its note, its attainment rating (−2…+2) for this visit, and "met" to archive it. */
export function GoalRow({ goal, onRate, onSetMet }: GoalRowProps) {
  const selectId = `goal-rating-${goal.id}`;
  const [rating, saving] = useSaving(currentAttainment(goal));
  if (goal.status === 'met') {
    return (
      <li class="goal goal--met" data-goal-id={goal.id}>
        <p>{goal.title}</p>
        <button type="button" class="small" aria-label={t('goalReopenNamed', goal.title)} onClick={() => onSetMet(false)}>
          {t('goalReopen')}
        </button>
      </li>
    );
  }
  return (
    <li class="goal" data-goal-id={goal.id}>
      <p class="goal-title">{goal.title}</p>
      {goal.note !== '' && <p class="hint">{goal.note}</p>}
      <div class="field-row field-row--end">
        <div class="field">
          <label for={selectId}>{t('goalRatingLabel', goal.title)}</label>
          <select
            id={selectId}
            value={rating ?? ''}
            onChange={(event) => {
              if (event.currentTarget.value === '') return;
              const value = Number(event.currentTarget.value);
              saving(value, onRate(value));
            }}
          >
            {rating === undefined && <option value="">{t('goalNotRated')}</option>}
            {ATTAINMENT_LEVELS.map((level) => (
              <option key={level} value={level}>
                {attainmentLabel(level)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" class="small" aria-label={t('goalMetNamed', goal.title)} onClick={() => onSetMet(true)}>
          {t('goalMet')}
        </button>
      </div>
    </li>
  );
}
