import type { CheckInReview } from '../utils/db/checkins';
import { formatDateTime, t } from '../utils/i18n';
import type { Visit } from '../utils/models';
import { FlagList } from './FlagList';

export interface RecentFlagsProps {
  flagged: readonly { visit: Visit; alias: string; review: CheckInReview }[];
  /** With this, each flagged check-in opens its visit. */
  onOpen?: (visit: Visit) => void;
}

/** Recent check-ins that raised flags, so what they show is hard to miss between visits. */
export function RecentFlags({ flagged, onOpen }: RecentFlagsProps) {
  if (flagged.length === 0) return null;
  return (
    <section class="stack" aria-labelledby="recent-flags">
      <h2 id="recent-flags">{t('popupFlagsHeading')}</h2>
      {flagged.map(({ visit, alias, review }) => {
        const row = t('popupCheckInRow', [alias, formatDateTime(visit.startedAt)]);
        return (
          <article key={visit.id} class="stack recent-flag" aria-label={row} data-visit-id={visit.id}>
            <p class="visit-alias">{row}</p>
            <FlagList flags={review.flags} instrument={review.instrument} />
            {onOpen !== undefined && (
              <button type="button" class="small link-button" aria-label={t('reviewOpenVisitLabel', [alias, formatDateTime(visit.startedAt)])} onClick={() => onOpen(visit)}>
                {t('reviewOpenVisit')}
              </button>
            )}
          </article>
        );
      })}
    </section>
  );
}
