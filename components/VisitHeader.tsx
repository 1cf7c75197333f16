import { formatTime, t } from '../utils/i18n';
import { visitMinutes } from '../utils/db/visits';
import type { Visit } from '../utils/models';

export interface VisitHeaderProps {
  visit: Visit;
  alias: string;
  now: number;
}

export function VisitHeader({ visit, alias, now }: VisitHeaderProps) {
  return (
    <header class="visit-header">
      <h2>{t('visitWith', alias)}</h2>
      <p class="hint">
        {t('visitStartedAt', [formatTime(visit.startedAt), String(visitMinutes(visit, now)), String(visit.plannedMinutes)])}
      </p>
    </header>
  );
}
