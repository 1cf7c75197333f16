import type { ComponentChildren } from 'preact';
import type { AgendaItem } from '../utils/agenda/schema';
import { currentAttainment } from '../utils/goals/schema';
import type { LastTime } from '../utils/db/last-time';
import { formatDateTime, t } from '../utils/i18n';
import { attainmentLabel } from './goals/GoalRow';

export interface LastTimeCardProps {
  lastTime: LastTime;
  /**
   * The previous visit's check-in scores and flags, when check-ins exist. The panel passes whatever the check-in
   * feature renders for `lastTime.previousVisit.id`; the card only gives it its place.
   */
  checkInSummary?: ComponentChildren;
  onCarryOver: (items: AgendaItem[]) => void;
}

/** What was agreed last time with this client, shown at the start of the visit. */
export function LastTimeCard({ lastTime, checkInSummary, onCarryOver }: LastTimeCardProps) {
  const { previousVisit, nextTime, unfinished, openGoals } = lastTime;
  return (
    <section class="card stack stack--tight" aria-labelledby="last-time-heading" data-testid="last-time">
      <h2 id="last-time-heading">{t('lastTimeHeading')}</h2>
      <p class="hint">
        <time dateTime={new Date(previousVisit.startedAt).toISOString()}>{t('lastTimeDate', formatDateTime(previousVisit.startedAt))}</time>
      </p>
      {checkInSummary}
      {nextTime !== undefined && nextTime.note.trim() !== '' && (
        <div>
          <h3>{t('nextTimeNoteLabel')}</h3>
          <p class="pre-line">{nextTime.note}</p>
        </div>
      )}
      {nextTime !== undefined && nextTime.homework.trim() !== '' && (
        <div>
          <h3>{t('nextTimeHomeworkLabel')}</h3>
          <p class="pre-line">{nextTime.homework}</p>
        </div>
      )}
      {openGoals.length > 0 && (
        <div>
          <h3>{t('lastTimeOpenGoals')}</h3>
          <ul class="compact-list">
            {openGoals.map((goal) => {
              const rating = currentAttainment(goal);
              return <li key={goal.id}>{rating === undefined ? goal.title : t('lastTimeGoalRated', [goal.title, attainmentLabel(rating)])}</li>;
            })}
          </ul>
        </div>
      )}
      {unfinished.length > 0 && (
        <div class="stack stack--tight">
          <h3>{t('lastTimeUnfinished')}</h3>
          <ul class="plain-list">
            {unfinished.map((item) => (
              <li key={item.id} class="carry-item">
                <span>{item.text}</span>
                <button type="button" class="small" aria-label={t('lastTimeCarryNamed', item.text)} onClick={() => onCarryOver([item])}>
                  {t('lastTimeCarry')}
                </button>
              </li>
            ))}
          </ul>
          {unfinished.length > 1 && (
            <button type="button" class="small" onClick={() => onCarryOver(unfinished)}>
              {t('lastTimeCarryAll', String(unfinished.length))}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
