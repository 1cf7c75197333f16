import { currentAttainment } from '../../utils/goals/schema';
import type { ClientOverview } from '../../utils/db/review-detail';
import type { VisitSummary } from '../../utils/db/visits';
import { formatDate, t } from '../../utils/i18n';
import { attainmentLabel } from '../goals/GoalRow';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { VisitSummaryList } from '../VisitSummaryList';
import { ConfirmDelete } from './ConfirmDelete';
import { TrendChart } from './TrendChart';

export interface ClientViewProps {
  overview: ClientOverview;
  now: number;
  onOpenVisit: (summary: VisitSummary) => void;
  /** Lists every visit of this client (a search by their alias). */
  onAllVisits: () => void;
  onDelete: () => Promise<void>;
  /** Move the keyboard to the heading when shown (after the clinician opened it). */
  focusHeading?: boolean;
}

/** One client at a glance: the alliance trend, goals and how they stand, what was agreed, and the latest visits. */
export function ClientView({ overview, now, onOpenVisit, onAllVisits, onDelete, focusHeading = false }: ClientViewProps) {
  const heading = useFocusOnMount<HTMLHeadingElement>(focusHeading);
  const { client, trend, goals, recent, lastNextTime, visitCount } = overview;
  const open = goals.filter((goal) => goal.status === 'open');
  const met = goals.length - open.length;
  return (
    <article class="stack review-client" aria-labelledby="client-heading" data-client-id={client.id}>
      <h2 id="client-heading" tabIndex={-1} ref={heading}>{t('reviewClientHeading', client.alias)}</h2>
      <p class="hint">{t('reviewClientVisits', String(visitCount))}</p>
      <section class="stack stack--tight" aria-labelledby="client-trend">
        <h3 id="client-trend">{t('trendTitle')}</h3>
        {trend === undefined ? <p class="hint">{t('trendNone')}</p> : <TrendChart trend={trend} id={`trend-${client.id}`} />}
        {trend !== undefined && trend.otherInstruments > 0 && <p class="hint">{t('trendOtherInstruments', String(trend.otherInstruments))}</p>}
      </section>
      <section class="stack stack--tight" aria-labelledby="client-goals">
        <h3 id="client-goals">{t('goalsHeading')}</h3>
        {open.length === 0 ? (
          <p class="hint">{t('reviewNoOpenGoals')}</p>
        ) : (
          <ul class="plain-list">
            {open.map((goal) => {
              const level = currentAttainment(goal);
              return (
                <li key={goal.id} class="goal">
                  <span class="goal-title">{goal.title}</span>
                  <span class="hint">{level === undefined ? t('reviewGoalNotRated') : attainmentLabel(level)}</span>
                </li>
              );
            })}
          </ul>
        )}
        {met > 0 && <p class="hint">{t('goalsArchived', String(met))}</p>}
      </section>
      {lastNextTime !== undefined && (
        <section class="stack stack--tight" aria-labelledby="client-next-time">
          <h3 id="client-next-time">{t('reviewLastAgreed', formatDate(lastNextTime.updatedAt))}</h3>
          {lastNextTime.homework.trim() !== '' && <p class="pre-line">{t('reviewHomework', lastNextTime.homework)}</p>}
          {lastNextTime.note.trim() !== '' && <p class="pre-line">{lastNextTime.note}</p>}
        </section>
      )}
      <section class="stack stack--tight" aria-labelledby="client-recent">
        <h3 id="client-recent">{t('reviewClientRecent')}</h3>
        <VisitSummaryList summaries={recent} now={now} label={t('reviewClientRecentLabel', client.alias)} emptyText={t('reviewNoVisits')} onOpenVisit={onOpenVisit} />
        {visitCount > recent.length && (
          <button type="button" class="link-button" onClick={onAllVisits}>
            {t('reviewAllVisits', String(visitCount))}
          </button>
        )}
      </section>
      <ConfirmDelete label={t('deleteClient', client.alias)} confirmLabel={t('deleteClientConfirm', [client.alias, String(visitCount)])} onConfirm={onDelete} />
    </article>
  );
}
