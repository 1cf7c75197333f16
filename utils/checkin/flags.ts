/**
 * The clinical rules that make a check-in's meaning hard to miss. Pure: the instrument, both views and the client's
 * previous total in, flags out. Each flag kind has plain words and a suggested next step (FLAG_WORDING).
 */
import type { MessageKey } from '../i18n';
import type { Instrument } from './instrument';
import type { CheckIn, CheckInView } from './record';
import { answerOf, scoreView } from './scoring';

export type CheckInFlag =
  | { kind: 'total-low'; view: CheckInView; total: number; threshold: number }
  | { kind: 'item-low'; view: CheckInView; itemId: string; value: number; threshold: number }
  | { kind: 'drop'; previous: number; total: number }
  | { kind: 'view-gap'; client: number; clinician: number };
export type CheckInFlagKind = CheckInFlag['kind'];

export interface FlagInputs {
  instrument: Instrument;
  checkIn: Pick<CheckIn, 'client' | 'clinician'>;
  /** The client's total at their previous completed check-in on the same instrument; null for a first check-in. */
  previousClientTotal: number | null;
}

export function checkInFlags({ instrument, checkIn, previousClientTotal }: FlagInputs): CheckInFlag[] {
  const flags: CheckInFlag[] = [];
  const { totalBelow, itemBelow, dropOf, viewGapOf } = instrument.rules;
  const totals: Record<CheckInView, number | null> = { client: null, clinician: null };
  for (const view of ['client', 'clinician'] as const) {
    const answers = checkIn[view];
    const scores = scoreView(instrument, answers);
    if (scores === null) continue;
    totals[view] = scores.total;
    if (scores.total !== null && scores.total < totalBelow) {
      flags.push({ kind: 'total-low', view, total: scores.total, threshold: totalBelow });
    }
    for (const item of instrument.items) {
      const value = answerOf(instrument, answers, item.id);
      if (value !== undefined && value < itemBelow) flags.push({ kind: 'item-low', view, itemId: item.id, value, threshold: itemBelow });
    }
  }
  if (totals.client !== null && previousClientTotal !== null && previousClientTotal - totals.client >= dropOf) {
    flags.push({ kind: 'drop', previous: previousClientTotal, total: totals.client });
  }
  if (totals.client !== null && totals.clinician !== null && Math.abs(totals.client - totals.clinician) >= viewGapOf) {
    flags.push({ kind: 'view-gap', client: totals.client, clinician: totals.clinician });
  }
  return flags;
}

/** What a flag means, in plain words, and a next step to suggest: keys of public/_locales/en/messages.json. */
export function flagWording(flag: CheckInFlag): { meaning: MessageKey; nextStep: MessageKey } {
  switch (flag.kind) {
    case 'total-low':
      return flag.view === 'client'
        ? { meaning: 'flagTotalLowClient', nextStep: 'flagTotalLowClientNext' }
        : { meaning: 'flagTotalLowClinician', nextStep: 'flagTotalLowClinicianNext' };
    case 'item-low':
      return flag.view === 'client'
        ? { meaning: 'flagItemLowClient', nextStep: 'flagItemLowClientNext' }
        : { meaning: 'flagItemLowClinician', nextStep: 'flagItemLowClinicianNext' };
    case 'drop':
      return { meaning: 'flagDrop', nextStep: 'flagDropNext' };
    case 'view-gap':
      return { meaning: 'flagViewGap', nextStep: 'flagViewGapNext' };
  }
}
