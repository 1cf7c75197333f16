import { FOR_NEXT_TIME_MAX_LENGTH, REPAIR_STATES, RUPTURE_MARKERS, STRAINED_PARTS, type RepairState, type RuptureMarker, type RuptureNote, type StrainedPart } from '../utils/checkin/record';
import { t, type MessageKey } from '../utils/i18n';

export interface RuptureCaptureProps {
  rupture: RuptureNote;
  /** The "for next time" text as typed (it is saved by the caller's autosave). */
  forNextTime: string;
  onChange: (rupture: Omit<RuptureNote, 'forNextTime'>) => void;
  onForNextTime: (text: string) => void;
  /** The clinician left the note field: save what is pending now. */
  onForNextTimeDone: () => void;
}

const MARKER_WORDS: Record<RuptureMarker, { label: MessageKey; hint: MessageKey }> = {
  withdrawal: { label: 'ruptureWithdrawal', hint: 'ruptureWithdrawalHint' },
  confrontation: { label: 'ruptureConfrontation', hint: 'ruptureConfrontationHint' },
};
const STRAINED_WORDS: Record<StrainedPart, MessageKey> = { goal: 'ruptureStrainedGoal', task: 'ruptureStrainedTask', bond: 'ruptureStrainedBond' };
const REPAIR_WORDS: Record<RepairState, MessageKey> = { 'not-yet': 'ruptureRepairNotYet', addressed: 'ruptureRepairAddressed', repaired: 'ruptureRepairRepaired' };

function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((entry) => entry !== value), value] : list.filter((entry) => entry !== value);
}

/** Quick capture of rupture markers, the strained part, whether it was repaired, and a note for next time. */
export function RuptureCapture({ rupture, forNextTime, onChange, onForNextTime, onForNextTimeDone }: RuptureCaptureProps) {
  const { markers, strained, repair } = rupture;
  return (
    <section class="stack rupture" aria-labelledby="rupture-heading">
      <h4 id="rupture-heading">{t('ruptureHeading')}</h4>
      <fieldset class="choices">
        <legend>{t('ruptureMarkersLegend')}</legend>
        {RUPTURE_MARKERS.map((marker) => (
          <label key={marker} class="check">
            <input
              type="checkbox"
              checked={markers.includes(marker)}
              aria-describedby={`marker-${marker}-hint`}
              onChange={(event) => onChange({ markers: toggled(markers, marker, event.currentTarget.checked), strained, repair })}
            />
            <span>
              {t(MARKER_WORDS[marker].label)}
              <span id={`marker-${marker}-hint`} class="hint definition">
                {t(MARKER_WORDS[marker].hint)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset class="choices choices--row">
        <legend>{t('ruptureStrainedLegend')}</legend>
        {STRAINED_PARTS.map((part) => (
          <label key={part} class="check">
            <input
              type="checkbox"
              checked={strained.includes(part)}
              onChange={(event) => onChange({ markers, strained: toggled(strained, part, event.currentTarget.checked), repair })}
            />
            {t(STRAINED_WORDS[part])}
          </label>
        ))}
      </fieldset>
      <fieldset class="choices choices--row">
        <legend>{t('ruptureRepairLegend')}</legend>
        {REPAIR_STATES.map((state) => (
          <label key={state} class="check">
            <input type="radio" name="rupture-repair" checked={repair === state} onChange={() => onChange({ markers, strained, repair: state })} />
            {t(REPAIR_WORDS[state])}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="for-next-time">{t('forNextTimeLabel')}</label>
        <textarea
          id="for-next-time"
          class="short"
          rows={2}
          maxLength={FOR_NEXT_TIME_MAX_LENGTH}
          aria-describedby="for-next-time-hint"
          value={forNextTime}
          onInput={(event) => onForNextTime(event.currentTarget.value)}
          onBlur={onForNextTimeDone}
        />
        <p id="for-next-time-hint" class="hint">
          {t('forNextTimeHint')}
        </p>
      </div>
    </section>
  );
}
