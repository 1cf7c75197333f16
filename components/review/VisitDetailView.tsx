import type { VisitDetail } from '../../utils/db/review-detail';
import { visitMinutes } from '../../utils/db/visits';
import { formatDateTime, t } from '../../utils/i18n';
import { CheckInScores } from '../CheckInScores';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { PresenceSummaryLine } from '../PresenceSummaryLine';
import { ConfirmDelete } from './ConfirmDelete';
import { RuptureSummary } from './RuptureSummary';

export interface VisitDetailViewProps {
  detail: VisitDetail;
  now: number;
  onOpenClient: (clientId: string) => void;
  onDelete: () => Promise<void>;
  /** Move the keyboard to the heading when shown (after the clinician opened it). */
  focusHeading?: boolean;
}

/** Everything recorded in one visit: agenda, notes, check-in with rupture notes, what was agreed, presence. */
export function VisitDetailView({ detail, now, onOpenClient, onDelete, focusHeading = false }: VisitDetailViewProps) {
  const heading = useFocusOnMount<HTMLHeadingElement>(focusHeading);
  const { visit, client, agenda, note, nextTime, checkIn, presence } = detail;
  const alias = client?.alias ?? '?';
  const when = formatDateTime(visit.startedAt);
  return (
    <article class="stack review-detail" aria-labelledby="visit-detail-heading" data-visit-detail={visit.id}>
      <h2 id="visit-detail-heading" tabIndex={-1} ref={heading}>{t('reviewVisitHeading', [alias, when])}</h2>
      <p class="visit-when">
        {visit.endedAt === null ? t('visitInProgress') : t('visitDuration', String(visitMinutes(visit, now)))}
        {' · '}
        {visit.host}
      </p>
      {client !== undefined && (
        <button type="button" class="link-button" onClick={() => onOpenClient(client.id)}>
          {t('reviewOpenClientLabel', alias)}
        </button>
      )}
      <section class="stack stack--tight" aria-labelledby="visit-agenda">
        <h3 id="visit-agenda">{t('agendaHeading')}</h3>
        {agenda.length === 0 ? (
          <p class="hint">{t('reviewNoAgenda')}</p>
        ) : (
          <ol class="compact-list">
            {agenda.map((item) => (
              <li key={item.id}>{item.done ? t('reviewAgendaDone', item.text) : t('reviewAgendaNotDone', item.text)}</li>
            ))}
          </ol>
        )}
      </section>
      <section class="stack stack--tight" aria-labelledby="visit-notes">
        <h3 id="visit-notes">{t('notesLabel')}</h3>
        {note.trim() === '' ? <p class="hint">{t('noNote')}</p> : <p class="pre-line review-note">{note}</p>}
      </section>
      {nextTime !== undefined && (nextTime.homework.trim() !== '' || nextTime.note.trim() !== '') && (
        <section class="stack stack--tight" aria-labelledby="visit-next-time">
          <h3 id="visit-next-time">{t('nextTimeHeading')}</h3>
          <dl class="scores">
            {nextTime.homework.trim() !== '' && (
              <div>
                <dt>{t('nextTimeHomeworkLabel')}</dt>
                <dd class="pre-line">{nextTime.homework}</dd>
              </div>
            )}
            {nextTime.note.trim() !== '' && (
              <div>
                <dt>{t('nextTimeNoteLabel')}</dt>
                <dd class="pre-line">{nextTime.note}</dd>
              </div>
            )}
          </dl>
        </section>
      )}
      <section class="stack stack--tight" aria-labelledby="visit-check-in">
        <h3 id="visit-check-in">{t('checkInHeading')}</h3>
        {checkIn === undefined ? (
          <p class="hint">{t('reviewNoCheckIn')}</p>
        ) : (
          <>
            {checkIn.checkIn.completedAt === null && <p class="hint">{t('reviewCheckInUnfinished')}</p>}
            <CheckInScores review={checkIn} />
            <h4>{t('ruptureHeading')}</h4>
            <RuptureSummary rupture={checkIn.checkIn.rupture} />
          </>
        )}
      </section>
      <section class="stack stack--tight" aria-labelledby="visit-presence">
        <h3 id="visit-presence">{t('reviewPresenceHeading')}</h3>
        {presence === undefined ? <p class="hint">{t('reviewNoPresence')}</p> : <PresenceSummaryLine summary={presence} />}
      </section>
      <ConfirmDelete label={t('deleteVisit')} confirmLabel={t('deleteVisitConfirm', [alias, when])} onConfirm={onDelete} />
    </article>
  );
}
