/** When to offer the check-in: pure, with the clock and settings passed in. */
import type { Visit } from '../models';
import { shouldPromptAtEnd } from '../visit-end';

const MINUTE = 60_000;

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
  if (visit.endedAt !== null) return shouldPromptAtEnd(visit) ? { kind: 'after-end' } : { kind: 'none' };
  if (now < checkInDueAt(visit, promptMinutesBeforeEnd)) return { kind: 'none' };
  const plannedEnd = visit.startedAt + visit.plannedMinutes * MINUTE;
  return { kind: 'before-end', minutesLeft: Math.max(0, Math.ceil((plannedEnd - now) / MINUTE)) };
}

/** How long "Remind me later" waits. */
export const POSTPONE_MS = 2 * MINUTE;
