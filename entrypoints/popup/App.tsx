import { useEffect, useState } from 'preact/hooks';
import { useSetAsideCount } from '../../components/hooks/useSetAsideNotice';
import { Notice } from '../../components/Notice';
import { VisitSummaryList } from '../../components/VisitSummaryList';
import { presenceSummaries } from '../../utils/db/presence';
import { recentVisits, type VisitSummary } from '../../utils/db/visits';
import { t } from '../../utils/i18n';
import type { PresenceSummary } from '../../utils/models';

const RECENT_VISITS = 20;

export function App() {
  const [summaries, setSummaries] = useState<VisitSummary[]>();
  const [presence, setPresence] = useState<ReadonlyMap<string, PresenceSummary>>();
  const [error, setError] = useState<string>();
  const setAside = useSetAsideCount();

  useEffect(() => {
    recentVisits(RECENT_VISITS)
      .then(async (recent) => {
        setSummaries(recent);
        const found = await presenceSummaries(recent.map(({ visit }) => visit.id));
        setPresence(new Map(found.map((summary) => [summary.visitId, summary])));
      })
      .catch((failure: unknown) => setError(t('genericError', failure instanceof Error ? failure.message : String(failure))));
  }, []);

  return (
    <main class="popup">
      <h1>{t('popupHeading')}</h1>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      {setAside > 0 && <Notice tone="info">{t('recordsSetAside', String(setAside))}</Notice>}
      {summaries === undefined && error === undefined && <p>{t('loading')}</p>}
      {summaries !== undefined && <VisitSummaryList summaries={summaries} now={Date.now()} presence={presence} />}
    </main>
  );
}
