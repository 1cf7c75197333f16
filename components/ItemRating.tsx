import { anchorsOf, scaleValues, type Instrument, type InstrumentItem } from '../utils/checkin/instrument';
import { wordingText } from '../utils/checkin/wording';
import { t } from '../utils/i18n';

export interface ItemRatingProps {
  instrument: Instrument;
  item: InstrumentItem;
  /** Unique per view, e.g. "client". */
  group: string;
  /** A number, null when skipped, undefined when not answered yet. */
  value: number | null | undefined;
  disabled: boolean;
  onAnswer: (value: number | null) => void;
}

/** One item as a radio group: Tab reaches it, arrow keys choose a value, so it is quick by keyboard as by mouse. */
export function ItemRating({ instrument, item, group, value, disabled, onAnswer }: ItemRatingProps) {
  const name = `${group}-${item.id}`;
  const anchors = anchorsOf(instrument, item);
  return (
    <fieldset class="item-rating" disabled={disabled} aria-describedby={`${name}-anchors`}>
      <legend>{wordingText(item.text)}</legend>
      <p id={`${name}-anchors`} class="hint">
        {t('checkInAnchors', [String(instrument.scale.min), wordingText(anchors.low), String(instrument.scale.max), wordingText(anchors.high)])}
      </p>
      <div class="scale">
        {scaleValues(instrument).map((option) => (
          <label key={option} class="scale-option">
            <input type="radio" name={name} value={option} checked={value === option} onChange={() => onAnswer(option)} />
            <span>{option}</span>
          </label>
        ))}
      </div>
      {/* Same radio group as the scale, so arrow keys reach it too. */}
      <label class="scale-option scale-option--skip">
        <input type="radio" name={name} value="skip" checked={value === null} onChange={() => onAnswer(null)} />
        <span>{t('checkInSkipItem')}</span>
      </label>
    </fieldset>
  );
}
