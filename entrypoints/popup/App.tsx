import { useEffect, useState } from 'preact/hooks';
import { useSetAsideCount } from '../../components/hooks/useSetAsideNotice';
import { Notice } from '../../components/Notice';
import { ShowOnPageButton } from '../../components/ShowOnPageButton';
import { VisitSummaryList } from '../../components/VisitSummaryList';
import { recentVisits, type VisitSummary } from '../../utils/db/visits';
import { browser } from '../../utils/browser';
import { t } from '../../utils/i18n';
import { summonPanel } from '../../utils/summon-panel';

const RECENT_VISITS = 20;
const errorText = (failure: unknown) => t('genericError', failure instanceof Error ? failure.message : String(failure));

export function App() {
  const [summaries, setSummaries] = useState<VisitSummary[]>();
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState('');
  const setAside = useSetAsideCount();

  const showOnPage = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const result = tab?.id === undefined ? 'unsupported-page' : await summonPanel(tab.id);
    setShown(t(result === 'shown' ? 'showPanelShown' : 'showPanelUnsupported'));
  };

  useEffect(() => {
    recentVisits(RECENT_VISITS)
      .then(setSummaries)
      .catch((failure: unknown) => setError(errorText(failure)));
  }, []);

  return (
    <main class="popup">
      <h1>{t('popupHeading')}</h1>
      <ShowOnPageButton result={shown} onShow={() => void showOnPage().catch((failure: unknown) => setShown(errorText(failure)))} />
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      {setAside > 0 && <Notice tone="info">{t('recordsSetAside', String(setAside))}</Notice>}
      {summaries === undefined && error === undefined && <p>{t('loading')}</p>}
      {summaries !== undefined && <VisitSummaryList summaries={summaries} now={Date.now()} />}
    </main>
  );
}
