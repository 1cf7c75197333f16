import type { Instrument } from '../utils/checkin/instrument';
import type { CheckIn, CheckInView } from '../utils/checkin/record';
import { wordingText } from '../utils/checkin/wording';
import { t, type MessageKey } from '../utils/i18n';
import { ItemRating } from './ItemRating';

export interface CheckInFormProps {
  instrument: Instrument;
  checkIn: CheckIn;
  onAnswer: (view: CheckInView, itemId: string, value: number | null) => void;
  onSkipView: (view: CheckInView, skipped: boolean) => void;
}

const VIEW_WORDS: Record<CheckInView, { title: MessageKey; hint: MessageKey; skip: MessageKey }> = {
  client: { title: 'checkInViewClient', hint: 'checkInViewClientHint', skip: 'checkInSkipClient' },
  clinician: { title: 'checkInViewClinician', hint: 'checkInViewClinicianHint', skip: 'checkInSkipClinician' },
};

/** Both views of the check-in: the client's rating (recorded by the clinician) and the clinician's own. */
export function CheckInForm({ instrument, checkIn, onAnswer, onSkipView }: CheckInFormProps) {
  return (
    <div class="stack checkin-form">
      <p class="hint checkin-notice">
        <strong>{wordingText(instrument.title)}.</strong> {wordingText(instrument.notice)}
      </p>
      {(['client', 'clinician'] as const).map((view) => {
        const words = VIEW_WORDS[view];
        const skipped = checkIn[view].skipped;
        return (
          <section key={view} class="stack checkin-view" aria-labelledby={`checkin-${view}-heading`} data-view={view}>
            <h4 id={`checkin-${view}-heading`}>{t(words.title)}</h4>
            <p class="hint">{t(words.hint)}</p>
            <label class="check">
              <input type="checkbox" checked={skipped} onChange={(event) => onSkipView(view, event.currentTarget.checked)} />
              {t(words.skip)}
            </label>
            {!skipped &&
              instrument.items.map((item) => (
                <ItemRating
                  key={item.id}
                  instrument={instrument}
                  item={item}
                  group={view}
                  value={checkIn[view].answers[item.id]}
                  disabled={false}
                  onAnswer={(value) => onAnswer(view, item.id, value)}
                />
              ))}
          </section>
        );
      })}
    </div>
  );
}
