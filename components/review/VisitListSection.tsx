import type { VisitSummary } from '../../utils/db/visits';
import { t } from '../../utils/i18n';
import type { VisitPageState } from '../hooks/useReview';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { Notice } from '../Notice';
import { VisitSummaryList } from '../VisitSummaryList';

export interface VisitListSectionProps {
  heading: string;
  /** The list's accessible name. */
  label: string;
  pages: VisitPageState;
  now: number;
  emptyText: string;
  onOpenVisit: (summary: VisitSummary) => void;
  onOpenClient: (clientId: string) => void;
  /** Move the keyboard to the heading when shown (coming back from a visit or client). */
  focusHeading?: boolean;
}

/** A page of visits with "Show more": recent visits on the first screen, or what a search found. */
export function VisitListSection({ heading, label, pages, now, emptyText, onOpenVisit, onOpenClient, focusHeading = false }: VisitListSectionProps) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>(focusHeading);
  const { summaries, presence, more, loadingMore, error, loadMore } = pages;
  return (
    <section class="stack stack--tight" aria-labelledby="visit-list-heading">
      <h2 id="visit-list-heading" tabIndex={-1} ref={headingRef}>{heading}</h2>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      {summaries === undefined && error === undefined && <p>{t('loading')}</p>}
      {summaries !== undefined && (
        <VisitSummaryList summaries={summaries} now={now} presence={presence} label={label} emptyText={emptyText} onOpenVisit={onOpenVisit} onOpenClient={onOpenClient} />
      )}
      {more && (
        <button type="button" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? t('loading') : t('reviewShowMore')}
        </button>
      )}
    </section>
  );
}
