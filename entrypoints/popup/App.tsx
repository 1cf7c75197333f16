import { useEffect, useState } from 'preact/hooks';
import { CheckInSection } from '../../components/CheckInSection';
import { CheckInsToComplete } from '../../components/CheckInsToComplete';
import { useSetAsideCount } from '../../components/hooks/useSetAsideNotice';
import { errorText } from '../../components/hooks/useReview';
import { AutoLockWarning } from '../../components/lock/AutoLockWarning';
import { LockGate } from '../../components/lock/LockGate';
import { Notice } from '../../components/Notice';
import { ReviewBrowser } from '../../components/review/ReviewBrowser';
import { ShowOnPageButton } from '../../components/ShowOnPageButton';
import { checkInsToComplete, type CheckInToComplete } from '../../utils/db/checkins';
import { browser } from '../../utils/browser';
import { t } from '../../utils/i18n';
import { summonPanel } from '../../utils/summon-panel';

const RECENT_VISITS = 20;
const PAGE_SIZE = 20;

export function App() {
  const [pending, setPending] = useState<CheckInToComplete[]>([]);
  const [completing, setCompleting] = useState<CheckInToComplete>();
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState('');
  const setAside = useSetAsideCount();

  const load = () => checkInsToComplete(RECENT_VISITS).then(setPending, (failure: unknown) => setError(errorText(failure)));
  useEffect(() => void load(), []);

  const showOnPage = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const result = tab?.id === undefined ? 'unsupported-page' : await summonPanel(tab.id);
    setShown(t(result === 'shown' ? 'showPanelShown' : 'showPanelUnsupported'));
  };

  return (
    <main class="popup">
      <h1>{t('popupHeading')}</h1>
      <AutoLockWarning />
      <ShowOnPageButton result={shown} onShow={() => void showOnPage().catch((failure: unknown) => setShown(errorText(failure)))} />
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      {setAside > 0 && <Notice tone="info">{t('recordsSetAside', String(setAside))}</Notice>}
      <LockGate id="popup-unlock">
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
          <ReviewBrowser id="popup" pageSize={PAGE_SIZE} />
        </>
      )}
      </LockGate>
      <div class="row">
        <button type="button" class="link-button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/history.html') })}>
          {t('openHistory')}
        </button>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </div>
    </main>
  );
}
