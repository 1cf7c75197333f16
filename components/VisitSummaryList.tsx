import { formatDateTime, t } from '../utils/i18n';
import { visitMinutes, type VisitSummary } from '../utils/db/visits';
import type { PresenceSummary } from '../utils/models';
import { PresenceSummaryLine } from './PresenceSummaryLine';

export interface VisitSummaryListProps {
  summaries: readonly VisitSummary[];
  now: number;
  /** Presence summaries by visit id, for visits that have one. */
  presence?: ReadonlyMap<string, PresenceSummary>;
}

/** Past visits: client alias, date, duration and the note's first line. */
export function VisitSummaryList({ summaries, now, presence }: VisitSummaryListProps) {
  if (summaries.length === 0) return <p class="empty">{t('popupEmpty')}</p>;
  return (
    <ul class="visit-list" aria-label={t('visitListLabel')}>
      {summaries.map(({ visit, alias, notePreview }) => (
        <li key={visit.id} class="visit-row" data-visit-id={visit.id}>
          <span class="visit-alias">{alias}</span>
          <span class="visit-when">
            <time dateTime={new Date(visit.startedAt).toISOString()}>{formatDateTime(visit.startedAt)}</time>
            {' · '}
            {visit.endedAt === null ? t('visitInProgress') : t('visitDuration', String(visitMinutes(visit, now)))}
          </span>
          <span class={notePreview === '' ? 'visit-note visit-note--empty' : 'visit-note'}>
            {notePreview === '' ? t('noNote') : notePreview}
          </span>
          <PresenceSummaryLine summary={presence?.get(visit.id)} />
        </li>
      ))}
    </ul>
  );
}
