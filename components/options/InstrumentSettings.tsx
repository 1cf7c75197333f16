import type { Instrument } from '../../utils/checkin/instrument';
import { wordingText } from '../../utils/checkin/wording';
import { t } from '../../utils/i18n';
import type { Instruments } from '../hooks/useInstruments';
import { ActionOutcome } from '../Notice';
import { PracticeSet } from '../PracticeSet';

export interface InstrumentSettingsProps extends Instruments {
  /** The chosen instrument, as `id@version`. */
  chosen: string;
  /** The practice sets the check-in (by name, or with its own definition). */
  locked: boolean;
  practiceInstrument: Instrument | undefined;
  onChoose: (key: string) => void;
}

const keyOf = (instrument: Instrument) => `${instrument.id}@${instrument.version}`;
const labelOf = (instrument: Instrument) => t('instrumentOption', [wordingText(instrument.title), instrument.version]);

/** Which end-of-visit check-in new visits use, and loading a practice's own definition from a file. */
export function InstrumentSettings(props: InstrumentSettingsProps) {
  const { available, busy, status, error, onLoadFile, chosen, locked, practiceInstrument, onChoose } = props;
  const choices = [...(available ?? [])];
  if (practiceInstrument !== undefined && !choices.some((instrument) => keyOf(instrument) === keyOf(practiceInstrument))) {
    choices.push(practiceInstrument);
  }
  const known = choices.some((instrument) => keyOf(instrument) === chosen);
  return (
    <section class="stack" aria-labelledby="instrument-heading">
      <h2 id="instrument-heading">{t('instrumentHeading')}</h2>
      <div class="field">
        <label for="instrument-choice">
          {t('instrumentChoiceLabel')}
          {locked && <PracticeSet />}
        </label>
        <select id="instrument-choice" value={chosen} disabled={locked || available === undefined} onChange={(event) => onChoose(event.currentTarget.value)}>
          {choices.map((instrument) => (
            <option key={keyOf(instrument)} value={keyOf(instrument)}>
              {labelOf(instrument)}
            </option>
          ))}
          {!known && available !== undefined && <option value={chosen}>{t('instrumentMissingOption', chosen)}</option>}
        </select>
      </div>
      <div class="field">
        <label for="instrument-file">{t('instrumentFileLabel')}</label>
        <input
          id="instrument-file"
          type="file"
          accept="application/json,.json"
          aria-describedby="instrument-file-hint"
          disabled={busy}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file !== undefined) onLoadFile(file);
          }}
        />
        <p id="instrument-file-hint" class="hint">
          {t('instrumentFileHint')}
        </p>
      </div>
      <ActionOutcome error={error} status={status} />
    </section>
  );
}
