import { useState } from 'preact/hooks';
import { useSetAsideCount } from '../../components/hooks/useSetAsideNotice';
import { AutoLockWarning } from '../../components/lock/AutoLockWarning';
import { LockGate } from '../../components/lock/LockGate';
import { Notice } from '../../components/Notice';
import { BackupSection } from '../../components/review/BackupSection';
import { DeleteEverything } from '../../components/review/DeleteEverything';
import { ReviewBrowser } from '../../components/review/ReviewBrowser';
import { t } from '../../utils/i18n';

const PAGE_SIZE = 50;

/** The history page: the popup's review on a large screen, with backup, restore, exports and deleting everything. */
export function App() {
  // A restore or a deletion changes what the review shows: mount it afresh.
  const [generation, setGeneration] = useState(0);
  const setAside = useSetAsideCount();
  const refresh = () => setGeneration((value) => value + 1);
  return (
    <main class="history">
      <h1>{t('historyPageTitle')}</h1>
      <AutoLockWarning />
      {setAside > 0 && <Notice tone="info">{t('recordsSetAside', String(setAside))}</Notice>}
      <LockGate id="history-unlock">
      <div class="history-columns">
        <ReviewBrowser key={generation} id="history" pageSize={PAGE_SIZE} />
        <aside class="stack history-tools" aria-label={t('historyToolsLabel')}>
          <BackupSection onRestored={refresh} />
          <DeleteEverything onDeleted={refresh} />
        </aside>
      </div>
      </LockGate>
    </main>
  );
}
