import { useState } from 'preact/hooks';
import { PASSPHRASE_MIN_LENGTH } from '../../utils/crypto/keyring';
import { t, type MessageKey } from '../../utils/i18n';
import { changeLockPassphrase, turnLockOff, turnLockOn } from '../../utils/lock/conversion';
import { lockNow } from '../../utils/lock/state';
import { Notice } from '../Notice';
import { lockFailureText } from './failure';
import { PassphraseField } from './PassphraseField';
import { UnlockForm } from './UnlockForm';
import { useLockStatus } from './useLockStatus';

type Outcome = { tone: 'info' | 'error'; text: string };

/** The options page's lock section: turn it on or off, change the passphrase, lock now. `required`: the practice says so. */
export function LockSettings({ required }: { required: boolean }) {
  const { status, problem } = useLockStatus();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [offPassphrase, setOffPassphrase] = useState('');

  /** Runs one lock action; the passphrase fields are cleared whatever happens. */
  const act = (work: () => Promise<void>, done: MessageKey) => {
    setBusy(true);
    setOutcome(undefined);
    work()
      .then(
        () => setOutcome({ tone: 'info', text: t(done) }),
        (failure: unknown) => setOutcome({ tone: 'error', text: lockFailureText(failure) }),
      )
      .finally(() => {
        setBusy(false);
        setCurrent('');
        setNext('');
        setConfirm('');
        setOffPassphrase('');
      });
  };
  /** A new passphrase must be long enough and typed twice alike; the message names which is wrong. */
  const newPassphraseProblem = (): string | undefined => {
    if (next.length < PASSPHRASE_MIN_LENGTH) return t('lockPassphraseTooShort', String(PASSPHRASE_MIN_LENGTH));
    if (next !== confirm) return t('lockPassphraseMismatch');
    return undefined;
  };
  const submitNew = (event: Event, work: () => Promise<void>, done: MessageKey) => {
    event.preventDefault();
    const fault = newPassphraseProblem();
    if (fault !== undefined) setOutcome({ tone: 'error', text: fault });
    else act(work, done);
  };

  return (
    <section class="stack stack--tight" aria-labelledby="lock-heading">
      <h2 id="lock-heading">{t('lockHeading')}</h2>
      <p>{t('lockIntro')}</p>
      <p class="hint">{t('lockForgotten')}</p>
      <p class="hint">{t('lockBackupNotEncrypted')}</p>
      {status === 'off' && <p class="hint">{t('lockEarlierCopies')}</p>}
      {problem !== undefined && <Notice tone="error">{problem}</Notice>}
      {required && status === 'off' && <Notice tone="error">{t('lockRequiredSetPassphrase')}</Notice>}
      {required && status !== 'off' && <p>{t('lockRequired')}</p>}
      {status === 'off' && (
        <form class="stack stack--tight" noValidate onSubmit={(event) => submitNew(event, () => turnLockOn(next), 'lockTurnedOn')}>
          <PassphraseField id="lock-new" label={t('lockNewPassphraseLabel')} value={next} autocomplete="new-password" onInput={setNext} />
          <PassphraseField id="lock-confirm" label={t('lockConfirmPassphraseLabel')} value={confirm} autocomplete="new-password" onInput={setConfirm} />
          <button type="submit" disabled={busy}>{busy ? t('lockWorking') : t('lockTurnOn')}</button>
        </form>
      )}
      {status === 'locked' && <UnlockForm id="lock-options" />}
      {status === 'unlocked' && (
        <>
          <p>{t('lockIsOn')}</p>
          <button type="button" onClick={() => void lockNow()}>{t('lockNowButton')}</button>
          <form class="stack stack--tight" noValidate onSubmit={(event) => submitNew(event, () => changeLockPassphrase(current, next), 'lockPassphraseChanged')}>
            <h3>{t('lockChangeHeading')}</h3>
            <PassphraseField id="lock-change-current" label={t('lockCurrentPassphraseLabel')} value={current} autocomplete="current-password" onInput={setCurrent} />
            <PassphraseField id="lock-change-new" label={t('lockNewPassphraseLabel')} value={next} autocomplete="new-password" onInput={setNext} />
            <PassphraseField id="lock-change-confirm" label={t('lockConfirmPassphraseLabel')} value={confirm} autocomplete="new-password" onInput={setConfirm} />
            <button type="submit" disabled={busy}>{t('lockChangeButton')}</button>
          </form>
          {!required && (<form
            class="stack stack--tight"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              act(() => turnLockOff(offPassphrase), 'lockTurnedOff');
            }}
          >
            <h3>{t('lockTurnOffHeading')}</h3>
            <PassphraseField id="lock-off-current" label={t('lockCurrentPassphraseLabel')} value={offPassphrase} autocomplete="current-password" onInput={setOffPassphrase} />
            <button type="submit" disabled={busy}>{busy ? t('lockWorking') : t('lockTurnOff')}</button>
          </form>)}
        </>
      )}
      {outcome !== undefined && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
    </section>
  );
}
