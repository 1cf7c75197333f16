import { formatDateTime, t } from '../utils/i18n';
import { visitMinutes, type VisitSummary } from '../utils/db/visits';
import type { PresenceSummary } from '../utils/models';
import { PresenceSummaryLine } from './PresenceSummaryLine';

export interface VisitSummaryListProps {
  summaries: readonly VisitSummary[];
  now: number;
  /** Presence summaries by visit id, for visits that have one. */
  presence?: ReadonlyMap<string, PresenceSummary>;
  /** The list's accessible name; "Recent visits, newest first" unless given. */
  label?: string;
  /** Shown when there are no visits; the popup's first-run text unless given. */
  emptyText?: string;
  /** With these, each row opens the visit's detail and the client's overview. */
  onOpenVisit?: (summary: VisitSummary) => void;
  onOpenClient?: (clientId: string) => void;
}

/** Past visits: client alias, date, duration and the note's first line. */
export function VisitSummaryList({ summaries, now, presence, label, emptyText, onOpenVisit, onOpenClient }: VisitSummaryListProps) {
  if (summaries.length === 0) return <p class="empty">{emptyText ?? t('popupEmpty')}</p>;
  return (
    <ul class="visit-list" aria-label={label ?? t('visitListLabel')}>
      {summaries.map((summary) => {
        const { visit, alias, notePreview } = summary;
        const when = formatDateTime(visit.startedAt);
        return (
          <li key={visit.id} class={onOpenVisit === undefined ? 'visit-row' : 'visit-row visit-row--open'} data-visit-id={visit.id}>
            {onOpenClient === undefined ? (
              <span class="visit-alias">{alias}</span>
            ) : (
              <button type="button" class="link visit-alias" aria-label={t('reviewOpenClientLabel', alias)} onClick={() => onOpenClient(visit.clientId)}>
                {alias}
              </button>
            )}
            <span class="visit-when">
              <time dateTime={new Date(visit.startedAt).toISOString()}>{when}</time>
              {' · '}
              {visit.endedAt === null ? t('visitInProgress') : t('visitDuration', String(visitMinutes(visit, now)))}
            </span>
            <span class={notePreview === '' ? 'visit-note visit-note--empty' : 'visit-note'}>
              {notePreview === '' ? t('noNote') : notePreview}
            </span>
            <PresenceSummaryLine summary={presence?.get(visit.id)} />
            {onOpenVisit !== undefined && (
              <button type="button" class="small visit-open" aria-label={t('reviewOpenVisitLabel', [alias, when])} onClick={() => onOpenVisit(summary)}>
                {t('reviewOpenVisit')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
