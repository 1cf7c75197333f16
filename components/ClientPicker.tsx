import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { ALIAS_MAX_LENGTH, DEFAULT_PLANNED_MINUTES, PLANNED_MINUTES_PRESETS, type Client } from '../utils/models';

export interface ClientPickerProps {
  clients: readonly Client[];
  busy: boolean;
  onStart: (alias: string, plannedMinutes: number) => void;
}

/** Choose or name the client and the planned length, then start the visit. */
export function ClientPicker({ clients, busy, onStart }: ClientPickerProps) {
  const [alias, setAlias] = useState('');
  const [plannedMinutes, setPlannedMinutes] = useState<number>(DEFAULT_PLANNED_MINUTES);
  const [missingAlias, setMissingAlias] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    if (alias.trim() === '') {
      setMissingAlias(true);
      return;
    }
    onStart(alias, plannedMinutes);
  };

  return (
    <form class="stack" onSubmit={submit} aria-labelledby="pick-heading">
      <h2 id="pick-heading">{t('pickHeading')}</h2>
      <div class="field">
        <label for="client-alias">{t('aliasLabel')}</label>
        <input
          id="client-alias"
          type="text"
          list="known-clients"
          autoComplete="off"
          maxLength={ALIAS_MAX_LENGTH}
          aria-describedby="client-alias-hint client-alias-error"
          aria-invalid={missingAlias}
          value={alias}
          onInput={(event) => {
            setAlias(event.currentTarget.value);
            setMissingAlias(false);
          }}
        />
        <datalist id="known-clients">
          {clients.map((client) => (
            <option key={client.id} value={client.alias} />
          ))}
        </datalist>
        <p id="client-alias-hint" class="hint">
          {t('aliasHint')}
        </p>
        <p id="client-alias-error" class="field-error" role="alert">
          {missingAlias ? t('aliasRequired') : ''}
        </p>
      </div>
      {clients.length > 0 && (
        <fieldset class="known-clients">
          <legend>{t('knownClientsLabel')}</legend>
          {clients.slice(0, 8).map((client) => (
            <button key={client.id} type="button" class="chip" onClick={() => setAlias(client.alias)}>
              {client.alias}
            </button>
          ))}
        </fieldset>
      )}
      <div class="field">
        <label for="planned-length">{t('plannedLengthLabel')}</label>
        <select
          id="planned-length"
          value={plannedMinutes}
          onChange={(event) => setPlannedMinutes(Number(event.currentTarget.value))}
        >
          {PLANNED_MINUTES_PRESETS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t('minutesOption', String(minutes))}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="primary" disabled={busy}>
        {t('startVisit')}
      </button>
    </form>
  );
}
