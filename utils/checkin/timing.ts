/** When to offer the check-in: pure, with the clock and settings passed in. */
import type { Visit } from '../models';

const MINUTE = 60_000;

/** Visits this short that end on their own (not by the clinician) get no end-of-visit prompt: likely a false start. */
export const SHORT_VISIT_MS = 2 * MINUTE;

/**
 * Whether the end of this visit should prompt for a check-in. A visit shorter than two minutes prompts only if the
 * clinician ended it themselves. (The call-awareness work carries the same rule; one can replace the other.)
 */
export function promptsAtVisitEnd(visit: Pick<Visit, 'startedAt' | 'endedAt' | 'endReason'>): boolean {
  if (visit.endedAt === null) return false;
  return visit.endReason === 'manual' || visit.endedAt - visit.startedAt >= SHORT_VISIT_MS;
}

/** The moment the in-visit prompt becomes due: the planned end less the configured minutes (never before the start). */
export function checkInDueAt(visit: Pick<Visit, 'startedAt' | 'plannedMinutes'>, promptMinutesBeforeEnd: number): number {
  return visit.startedAt + Math.max(0, visit.plannedMinutes - promptMinutesBeforeEnd) * MINUTE;
}

export type CheckInPrompt =
  | { kind: 'none' }
  /** Near the planned end, while the client is still there. */
  | { kind: 'before-end'; minutesLeft: number }
  /** The visit ended without a completed check-in. */
  | { kind: 'after-end' };

export interface PromptInputs {
  visit: Pick<Visit, 'startedAt' | 'endedAt' | 'endReason' | 'plannedMinutes'>;
  now: number;
  promptMinutesBeforeEnd: number;
  completed: boolean;
  /** The clinician asked to be reminded later; no prompt before this time. */
  postponedUntil: number | null;
}

export function checkInPrompt({ visit, now, promptMinutesBeforeEnd, completed, postponedUntil }: PromptInputs): CheckInPrompt {
  if (completed || (postponedUntil !== null && now < postponedUntil)) return { kind: 'none' };
  if (visit.endedAt !== null) return promptsAtVisitEnd(visit) ? { kind: 'after-end' } : { kind: 'none' };
  if (now < checkInDueAt(visit, promptMinutesBeforeEnd)) return { kind: 'none' };
  const plannedEnd = visit.startedAt + visit.plannedMinutes * MINUTE;
  return { kind: 'before-end', minutesLeft: Math.max(0, Math.ceil((plannedEnd - now) / MINUTE)) };
}

/** How long "Remind me later" waits. */
export const POSTPONE_MS = 2 * MINUTE;
