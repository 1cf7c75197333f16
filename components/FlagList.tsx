import { flagWording, type CheckInFlag } from '../utils/checkin/flags';
import type { AlliancePart, Instrument } from '../utils/checkin/instrument';
import { t, type MessageKey } from '../utils/i18n';

export interface FlagListProps {
  flags: readonly CheckInFlag[];
  instrument: Instrument;
}

export const PART_WORDS: Record<AlliancePart, MessageKey> = {
  goal: 'checkInPartGoal',
  task: 'checkInPartTask',
  bond: 'checkInPartBond',
  overall: 'checkInPartOverall',
};

function meaningOf(flag: CheckInFlag, instrument: Instrument): string {
  const { meaning } = flagWording(flag);
  switch (flag.kind) {
    case 'total-low':
      return t(meaning, [String(flag.total), String(flag.threshold)]);
    case 'item-low': {
      const part = instrument.items.find((item) => item.id === flag.itemId)?.part ?? 'overall';
      return t(meaning, [t(PART_WORDS[part]), String(flag.value), String(flag.threshold)]);
    }
    case 'drop':
      return t(meaning, [String(flag.previous), String(flag.total)]);
    case 'view-gap':
      return t(meaning, [String(flag.client), String(flag.clinician), String(Math.abs(flag.client - flag.clinician))]);
  }
}

/** Each flag in plain words with a suggested next step. */
export function FlagList({ flags, instrument }: FlagListProps) {
  if (flags.length === 0) return <p class="hint">{t('checkInNoFlags')}</p>;
  return (
    <ul class="flag-list" aria-label={t('checkInFlagsLabel')}>
      {flags.map((flag, index) => (
        <li key={index} class="flag" data-flag={flag.kind}>
          <span class="flag-meaning">{meaningOf(flag, instrument)}</span>
          <span class="flag-next">{t('checkInNextStep', t(flagWording(flag).nextStep))}</span>
        </li>
      ))}
    </ul>
  );
}
