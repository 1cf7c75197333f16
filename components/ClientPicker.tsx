import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { ALIAS_MAX_LENGTH, PLANNED_MINUTES_PRESETS, type Client } from '../utils/models';

export interface ClientPickerProps {
  clients: readonly Client[];
  busy: boolean;
  /** The clinician's default planned length (their settings); one of the presets or any other valid length. */
  defaultPlannedMinutes: number;
  onStart: (alias: string, plannedMinutes: number) => void;
}

/** Choose or name the client and the planned length, then start the visit. */
export function ClientPicker({ clients, busy, defaultPlannedMinutes, onStart }: ClientPickerProps) {
  const [alias, setAlias] = useState('');
  // The default arrives with the settings, after the first render, and may change later: it is followed until the
  // clinician picks a length for this visit, and never after.
  const [picked, setPicked] = useState<number>();
  const plannedMinutes = picked ?? defaultPlannedMinutes;
  const lengths = [...new Set<number>([...PLANNED_MINUTES_PRESETS, defaultPlannedMinutes, plannedMinutes])].sort((a, b) => a - b);
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
          onChange={(event) => setPicked(Number(event.currentTarget.value))}
        >
          {lengths.map((minutes) => (
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
