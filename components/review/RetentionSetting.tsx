import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { RETENTION_MAX_DAYS } from '../../utils/settings';
import { PracticeSet } from '../PracticeSet';

export interface RetentionSettingProps {
  /** Days; 0 is off. */
  visitDays: number;
  locked: boolean;
  onSave: (visitDays: number) => void;
}

/** The optional retention rule: delete visits older than so many days (0 keeps everything). */
export function RetentionSetting({ visitDays, locked, onSave }: RetentionSettingProps) {
  const [text, setText] = useState(String(visitDays));
  const [error, setError] = useState('');
  useEffect(() => setText(String(visitDays)), [visitDays]);

  return (
    <section class="stack stack--tight" aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('retentionHeading')}</h2>
      <form
        class="stack stack--tight"
        // Attune names the fault itself, in the clinician's language and with the allowed range.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const days = Number(text.trim());
          if (text.trim() === '' || !Number.isInteger(days) || days < 0 || days > RETENTION_MAX_DAYS) {
            setError(t('retentionInvalid', [text.trim(), String(RETENTION_MAX_DAYS)]));
            return;
          }
          setError('');
          onSave(days);
        }}
      >
        <div class="field">
          <label for="retention-days">
            {t('retentionLabel')}
            {locked && <PracticeSet />}
          </label>
          <div class="inline-field">
            <input
              id="retention-days"
              type="number"
              inputMode="numeric"
              min={0}
              max={RETENTION_MAX_DAYS}
              step={1}
              value={text}
              disabled={locked}
              aria-describedby="retention-hint retention-error"
              aria-invalid={error !== ''}
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <button type="submit" disabled={locked}>{t('save')}</button>
          </div>
          <p id="retention-hint" class="hint">{visitDays === 0 ? t('retentionOff') : t('retentionOn', String(visitDays))}</p>
          <p id="retention-error" class="field-error" role="alert">{error}</p>
        </div>
      </form>
    </section>
  );
}
