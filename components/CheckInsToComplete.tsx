import type { CheckInToComplete } from '../utils/db/checkins';
import { formatDateTime, t } from '../utils/i18n';

export interface CheckInsToCompleteProps {
  pending: readonly CheckInToComplete[];
  onOpen: (entry: CheckInToComplete) => void;
}

/** Ended visits whose check-in is not complete yet, each with a way to finish it. */
export function CheckInsToComplete({ pending, onOpen }: CheckInsToCompleteProps) {
  if (pending.length === 0) return null;
  return (
    <section class="stack" aria-labelledby="checkins-to-complete">
      <h2 id="checkins-to-complete">{t('popupCheckInsHeading')}</h2>
      <ul class="visit-list">
        {pending.map((entry) => {
          const when = formatDateTime(entry.visit.startedAt);
          return (
            <li key={entry.visit.id} class="visit-row checkin-row" data-visit-id={entry.visit.id}>
              <span>{t('popupCheckInRow', [entry.alias, when])}</span>
              <button type="button" aria-label={t('popupCheckInOpenLabel', [entry.alias, when])} onClick={() => onOpen(entry)}>
                {t('popupCheckInOpen')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
