import { browser } from '../../utils/browser';
import { t } from '../../utils/i18n';
import { Notice } from '../Notice';

/**
 * The practice requires the lock and no passphrase is set yet: Attune keeps no clinical text until there is one (see
 * utils/lock/records.ts), so instead of starting a visit the panel says so and opens the settings where it is set.
 */
export function LockRequiredNotice() {
  return (
    <div class="stack stack--tight">
      <Notice tone="info">{t('lockRequiredBeforeVisits')}</Notice>
      <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('lockRequiredOpenSettings')}
      </button>
    </div>
  );
}
