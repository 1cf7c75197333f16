import { useEffect, useState } from 'preact/hooks';
import { useSetAsideCount } from '../../components/hooks/useSetAsideNotice';
import { Notice } from '../../components/Notice';
import { VisitSummaryList } from '../../components/VisitSummaryList';
import { recentVisits, type VisitSummary } from '../../utils/db/visits';
import { t } from '../../utils/i18n';

const RECENT_VISITS = 20;

export function App() {
  const [summaries, setSummaries] = useState<VisitSummary[]>();
  const [error, setError] = useState<string>();
  const setAside = useSetAsideCount();

  useEffect(() => {
    recentVisits(RECENT_VISITS)
      .then(setSummaries)
      .catch((failure: unknown) => setError(t('genericError', failure instanceof Error ? failure.message : String(failure))));
  }, []);

  return (
    <main class="popup">
      <h1>{t('popupHeading')}</h1>
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      {setAside > 0 && <Notice tone="info">{t('recordsSetAside', String(setAside))}</Notice>}
      {summaries === undefined && error === undefined && <p>{t('loading')}</p>}
      {summaries !== undefined && <VisitSummaryList summaries={summaries} now={Date.now()} />}
    </main>
  );
}
