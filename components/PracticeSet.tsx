import { t } from '../utils/i18n';

/** Beside a setting's label: the practice's policy sets it, so its control is disabled. Part of the label, so read with it. */
export function PracticeSet() {
  return (
    <>
      {' '}
      <span class="practice-set">{t('practiceSetLabel')}</span>
    </>
  );
}
