import { useEffect, useState } from 'preact/hooks';
import { CheckInSection } from '../../components/CheckInSection';
import { CheckInsToComplete } from '../../components/CheckInsToComplete';
import { useSetAsideCount } from '../../components/hooks/useSetAsideNotice';
import { Notice } from '../../components/Notice';
import { RecentFlags, type RecentFlagsProps } from '../../components/RecentFlags';
import { ShowOnPageButton } from '../../components/ShowOnPageButton';
import { VisitSummaryList } from '../../components/VisitSummaryList';
import { checkInsToComplete, flaggedReviews, type CheckInToComplete } from '../../utils/db/checkins';
import { presenceSummaries } from '../../utils/db/presence';
import { recentVisits, type VisitSummary } from '../../utils/db/visits';
import { browser } from '../../utils/browser';
import { t } from '../../utils/i18n';
import type { PresenceSummary } from '../../utils/models';
import { summonPanel } from '../../utils/summon-panel';

const RECENT_VISITS = 20;
const FLAGGED_SHOWN = 5;
const errorText = (failure: unknown) => t('genericError', failure instanceof Error ? failure.message : String(failure));

export function App() {
  const [summaries, setSummaries] = useState<VisitSummary[]>();
  const [presence, setPresence] = useState<ReadonlyMap<string, PresenceSummary>>();
  const [pending, setPending] = useState<CheckInToComplete[]>([]);
  const [completing, setCompleting] = useState<CheckInToComplete>();
  const [flagged, setFlagged] = useState<RecentFlagsProps['flagged']>([]);
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState('');
  const setAside = useSetAsideCount();

  const load = () =>
    Promise.all([recentVisits(RECENT_VISITS), checkInsToComplete(RECENT_VISITS)])
      .then(async ([visits, toComplete]) => {
        setSummaries(visits);
        setPending(toComplete);
        const aliasOf = new Map(visits.map(({ visit, alias }) => [visit.id, alias]));
        const reviews = await flaggedReviews(visits.map(({ visit }) => visit));
        setFlagged(reviews.slice(0, FLAGGED_SHOWN).map((entry) => ({ ...entry, alias: aliasOf.get(entry.visit.id) ?? '?' })));
        const found = await presenceSummaries(visits.map(({ visit }) => visit.id));
        setPresence(new Map(found.map((summary) => [summary.visitId, summary])));
      })
      .catch((failure: unknown) => setError(errorText(failure)));
  useEffect(() => void load(), []);

  const showOnPage = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const result = tab?.id === undefined ? 'unsupported-page' : await summonPanel(tab.id);
    setShown(t(result === 'shown' ? 'showPanelShown' : 'showPanelUnsupported'));
  };


  return (
    <main class="popup">
      <h1>{t('popupHeading')}</h1>
      <ShowOnPageButton result={shown} onShow={() => void showOnPage().catch((failure: unknown) => setShown(errorText(failure)))} />
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      {setAside > 0 && <Notice tone="info">{t('recordsSetAside', String(setAside))}</Notice>}
      {completing !== undefined ? (
        <>
          <button type="button" onClick={() => {
              setCompleting(undefined);
              void load();
            }}>
            {t('popupCheckInBack')}
          </button>
          <p class="visit-alias">{t('visitWith', completing.alias)}</p>
          <CheckInSection visit={completing.visit} now={Date.now()} />
        </>
      ) : (
        <>
          <CheckInsToComplete pending={pending} onOpen={setCompleting} />
          <RecentFlags flagged={flagged} />
          {summaries === undefined && error === undefined && <p>{t('loading')}</p>}
          {summaries !== undefined && <VisitSummaryList summaries={summaries} now={Date.now()} presence={presence} />}
        </>
      )}
      <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('openOptions')}
      </button>
    </main>
  );
}
