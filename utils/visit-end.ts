import type { Visit } from './models';

/** Visits shorter than this were most likely a test call, a wrong room or a dropped connection. */
export const SHORT_VISIT_MS = 2 * 60_000;

/**
 * Whether an ended visit should get the end-of-visit prompt (check-in): not after a visit shorter than two minutes,
 * unless the clinician ended it themselves, which says they meant it as a visit.
 */
export function shouldPromptAtEnd(visit: Pick<Visit, 'startedAt' | 'endedAt' | 'endReason'>): boolean {
  if (visit.endedAt === null) return false;
  return visit.endReason === 'manual' || visit.endedAt - visit.startedAt >= SHORT_VISIT_MS;
}
