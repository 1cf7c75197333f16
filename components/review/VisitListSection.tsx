import type { VisitSummary } from '../../utils/db/visits';
import { t } from '../../utils/i18n';
import type { VisitPageState } from '../hooks/useReview';
import { Notice } from '../Notice';
import { VisitSummaryList } from '../VisitSummaryList';

export interface VisitListSectionProps {
  heading: string;
  pages: VisitPageState;
  now: number;
  emptyText: string;
  onOpenVisit: (summary: VisitSummary) => void;
  onOpenClient: (clientId: string) => void;
}

/** A page of visits with "Show more": recent visits on the first screen, or what a search found. */
export function VisitListSection({ heading, pages, now, emptyText, onOpenVisit, onOpenClient }: VisitListSectionProps) {
  const { summaries, presence, more, loadingMore, error, loadMore } = pages;
  return (
    <section class="stack stack--tight" aria-labelledby="visit-list-heading">
      <h2 id="visit-list-heading" tabIndex={-1}>{heading}</h2>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      {summaries === undefined && error === undefined && <p>{t('loading')}</p>}
      {summaries !== undefined && (
        <VisitSummaryList summaries={summaries} now={now} presence={presence} label={heading} emptyText={emptyText} onOpenVisit={onOpenVisit} onOpenClient={onOpenClient} />
      )}
      {more && (
        <button type="button" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? t('loading') : t('reviewShowMore')}
        </button>
      )}
    </section>
  );
}
