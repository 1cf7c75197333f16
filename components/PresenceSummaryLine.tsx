import { formatDuration, t } from '../utils/i18n';
import type { PresenceSummary } from '../utils/models';

export interface PresenceSummaryLineProps {
  /** Nothing is shown for a visit without a summary (the nudge was off, or nothing happened). */
  summary: PresenceSummary | undefined;
}

/** One line about presence during a visit, for the clinician's own reflection: figures, never a score or a verdict. */
export function PresenceSummaryLine({ summary }: PresenceSummaryLineProps) {
  if (summary === undefined) return null;
  return (
    <p class="presence-summary" data-presence-summary="">
      {t('presenceSummaryLine', [
        formatDuration(summary.awayMs),
        String(summary.awayEpisodes),
        String(summary.cuesShown),
        String(summary.cuesAcknowledged),
      ])}
    </p>
  );
}
