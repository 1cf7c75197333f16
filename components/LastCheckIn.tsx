import type { LastCheckInSummary } from '../utils/db/checkins';
import { formatDateTime, t } from '../utils/i18n';
import { CheckInScores } from './CheckInScores';

export interface LastCheckInProps {
  summary: LastCheckInSummary;
}

/**
 * The client's last check-in, for the "last time" card at the start of the next visit: the note for next time first,
 * then the scores and flags. Data comes from `lastCheckInSummary(clientId)`.
 */
export function LastCheckIn({ summary }: LastCheckInProps) {
  return (
    <div class="stack last-check-in">
      {summary.forNextTime.trim() !== '' && <p class="for-next-time">{t('lastCheckInForNextTime', summary.forNextTime)}</p>}
      <p class="hint">{t('lastCheckInWhen', formatDateTime(summary.completedAt))}</p>
      <CheckInScores review={summary} />
    </div>
  );
}
