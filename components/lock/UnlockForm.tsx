import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ensureDraftKey } from '../../utils/lock/drafts';
import { unlock } from '../../utils/lock/state';
import { lockFailureText } from './failure';
import { Notice } from '../Notice';

/** The unlock screen: the passphrase, and an honest word about forgetting it. */
export function UnlockForm({ id }: { id: string }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <section class="stack stack--tight" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('lockUnlockHeading')}</h2>
      <p>{t('lockUnlockIntro')}</p>
      <form
        class="stack stack--tight"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setError('');
          unlock(passphrase)
            // A keyring made before draft keys gains its pair now, so the next lock can keep a panel's draft sealed.
            .then(() => ensureDraftKey())
            .then(() => setPassphrase(''))
            .catch((failure: unknown) => setError(lockFailureText(failure)))
            .finally(() => setBusy(false));
        }}
      >
        <div class="field">
          <label for={`${id}-passphrase`}>{t('lockPassphraseLabel')}</label>
          <input
            id={`${id}-passphrase`}
            type="password"
            autocomplete="current-password"
            value={passphrase}
            aria-invalid={error !== ''}
            onInput={(event) => setPassphrase(event.currentTarget.value)}
          />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('lockUnlocking') : t('lockUnlockButton')}
        </button>
      </form>
      {error !== '' && <Notice tone="error">{error}</Notice>}
      <p class="hint">{t('lockForgotten')}</p>
    </section>
  );
}
