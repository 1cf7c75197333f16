import { t } from '../../utils/i18n';
import type { PracticeHosts } from '../hooks/usePracticeHosts';
import { ActionOutcome } from '../Notice';

/** The practice's own video-visit sites from its policy: each allowed, or waiting for the clinician's one click. */
export function PracticeHostsList({ hosts, busy, status, error, onAllow }: PracticeHosts) {
  if (hosts === undefined || hosts.length === 0) return null;
  const waiting = hosts.filter((entry) => !entry.allowed).length;
  return (
    <section class="stack" aria-labelledby="practice-hosts-heading">
      <h2 id="practice-hosts-heading">{t('practiceHostsHeading')}</h2>
      <p>{waiting > 0 ? t('practiceHostsWaiting', String(waiting)) : t('practiceHostsAllAllowed')}</p>
      <ul class="custom-hosts" aria-label={t('practiceHostsListLabel')}>
        {hosts.map(({ host, allowed }) => (
          <li key={host}>
            <span>{host}</span>
            {allowed ? (
              <span class="badge">{t('practiceHostAllowedBadge')}</span>
            ) : (
              <button type="button" class="primary" disabled={busy} onClick={() => onAllow(host)}>
                {t('practiceHostAllow', host)}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ActionOutcome error={error} status={status} />
    </section>
  );
}
