import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { CustomHosts } from './hooks/useCustomHosts';
import { ActionOutcome } from './Notice';

/** The hook's state and actions; `onAdd` returns whether the address was accepted, so the field can be cleared. */
export type CustomHostsEditorProps = CustomHosts;

/** The options section where a clinician adds or removes their practice's own video-visit sites. */
export function CustomHostsEditor({ hosts, busy, status, error, onAdd, onRemove }: CustomHostsEditorProps) {
  const [input, setInput] = useState('');
  return (
    <section class="stack" aria-labelledby="custom-hosts-heading">
      <h2 id="custom-hosts-heading">{t('customHostsHeading')}</h2>
      <p>{t('customHostsIntro')}</p>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (onAdd(input)) setInput('');
        }}
      >
        <label for="custom-host">{t('customHostLabel')}</label>
        <input
          id="custom-host"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          aria-describedby="custom-host-hint"
          value={input}
          onInput={(event) => setInput(event.currentTarget.value)}
        />
        <p id="custom-host-hint" class="hint">
          {t('customHostHint')}
        </p>
        <button type="submit" class="primary" disabled={busy}>
          {t('customHostAdd')}
        </button>
      </form>
      <ActionOutcome error={error} status={status} />
      {hosts !== undefined && hosts.length === 0 && <p>{t('customHostsEmpty')}</p>}
      {hosts !== undefined && hosts.length > 0 && (
        <ul class="custom-hosts" aria-label={t('customHostsListLabel')}>
          {hosts.map((host) => (
            <li key={host}>
              <span>{host}</span>{' '}
              <button type="button" class="secondary" disabled={busy} onClick={() => onRemove(host)}>
                {t('customHostRemove', host)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
