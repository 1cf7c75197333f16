import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { stayUnlocked } from '../../utils/lock/auto-lock';
import { useNow } from '../hooks/useNow';
import { Notice } from '../Notice';
import { lockFailureText } from './failure';
import { useAutoLockWarning } from './useAutoLockWarning';

/**
 * The warning before an inactivity auto-lock, with "Stay unlocked". The assertive live region exists from the first
 * render and is said once when the warning starts; the countdown beside it is not announced every second. Focus is
 * never moved: the button is reached with Tab like any other. A page that shows the controls where the announcer cannot
 * stay (the panel, collapsed to its handle) renders the two parts separately.
 */
export function AutoLockWarning({ announce = true, showControls = true }: { announce?: boolean; showControls?: boolean }) {
  const warning = useAutoLockWarning();
  const now = useNow(1000);
  const [problem, setProblem] = useState<string>();
  const seconds = warning === undefined ? 0 : Math.max(0, Math.ceil((warning.locksAt - now) / 1000));
  return (
    <>
      {announce && (
        <div class="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="auto-lock-announcer">
          {warning !== undefined ? t('autoLockWarningAnnounced') : ''}
        </div>
      )}
      {warning !== undefined && showControls && (
        <section class="notice auto-lock-warning stack stack--tight" aria-labelledby="auto-lock-warning-text">
          <p id="auto-lock-warning-text">{t('autoLockWarning', String(seconds))}</p>
          <button
            type="button"
            class="primary"
            onClick={() => {
              setProblem(undefined);
              void stayUnlocked().catch((failure: unknown) => setProblem(lockFailureText(failure)));
            }}
          >
            {t('autoLockStayUnlocked')}
          </button>
        </section>
      )}
      {problem !== undefined && <Notice tone="error">{problem}</Notice>}
    </>
  );
}
