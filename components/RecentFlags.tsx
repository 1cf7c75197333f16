import type { CheckInReview } from '../utils/db/checkins';
import { formatDateTime, t } from '../utils/i18n';
import type { Visit } from '../utils/models';
import { FlagList } from './FlagList';

export interface RecentFlagsProps {
  flagged: readonly { visit: Visit; alias: string; review: CheckInReview }[];
}

/** Recent check-ins that raised flags, so what they show is hard to miss between visits. */
export function RecentFlags({ flagged }: RecentFlagsProps) {
  if (flagged.length === 0) return null;
  return (
    <section class="stack" aria-labelledby="recent-flags">
      <h2 id="recent-flags">{t('popupFlagsHeading')}</h2>
      {flagged.map(({ visit, alias, review }) => (
        <article key={visit.id} class="stack recent-flag" aria-label={t('popupCheckInRow', [alias, formatDateTime(visit.startedAt)])} data-visit-id={visit.id}>
          <p class="visit-alias">{t('popupCheckInRow', [alias, formatDateTime(visit.startedAt)])}</p>
          <FlagList flags={review.flags} instrument={review.instrument} />
        </article>
      ))}
    </section>
  );
}
