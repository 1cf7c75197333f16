/** Scores of one view of a check-in: pure arithmetic on the instrument's definition. */
import { type AlliancePart, type Instrument } from './instrument';
import type { ViewAnswers } from './record';

export interface ViewScores {
  /** Sum of every item, or null unless every item was answered: a total with gaps is not comparable with others. */
  total: number | null;
  /** Sum of the answered items of each part of the alliance; null when none of that part's items was answered. */
  parts: Record<AlliancePart, number | null>;
  answered: number;
  /** Items skipped or not answered. */
  missing: number;
  /** The lowest and highest total the instrument allows. */
  range: { min: number; max: number };
}

/** The value of an item if it holds a valid answer for this instrument, else undefined. */
export function answerOf(instrument: Instrument, view: ViewAnswers, itemId: string): number | undefined {
  const value = view.answers[itemId];
  if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
  return value >= instrument.scale.min && value <= instrument.scale.max ? value : undefined;
}

export function scoreView(instrument: Instrument, view: ViewAnswers): ViewScores | null {
  if (view.skipped) return null;
  const parts: Record<AlliancePart, number | null> = { goal: null, task: null, bond: null, overall: null };
  let sum = 0;
  let answered = 0;
  for (const item of instrument.items) {
    const value = answerOf(instrument, view, item.id);
    if (value === undefined) continue;
    answered += 1;
    sum += value;
    parts[item.part] = (parts[item.part] ?? 0) + value;
  }
  if (answered === 0) return null;
  const count = instrument.items.length;
  return {
    total: answered === count ? sum : null,
    parts,
    answered,
    missing: count - answered,
    range: { min: instrument.scale.min * count, max: instrument.scale.max * count },
  };
}
