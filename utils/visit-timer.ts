/** Elapsed and remaining time of a visit, always from timestamps (hidden tabs throttle timers, so ticks are never counted). */
export const MINUTE_MS = 60_000;

export interface VisitClock {
  elapsedMs: number;
  /** Time left of the planned length; 0 once it has run out. */
  remainingMs: number;
  /** Time past the planned length; 0 until then. */
  overMs: number;
  /** Share of the planned length used, 0…1. */
  progress: number;
}

export function visitClock(startedAt: number, plannedMinutes: number, now: number): VisitClock {
  const plannedMs = plannedMinutes * MINUTE_MS;
  const elapsedMs = Math.max(0, now - startedAt);
  return {
    elapsedMs,
    remainingMs: Math.max(0, plannedMs - elapsedMs),
    overMs: Math.max(0, elapsedMs - plannedMs),
    progress: plannedMs === 0 ? 1 : Math.min(1, elapsedMs / plannedMs),
  };
}

/** Whole minutes for display: elapsed rounds down, remaining rounds up (so "1 min left" until it is really up). */
export const wholeMinutesDown = (ms: number) => Math.floor(ms / MINUTE_MS);
export const wholeMinutesUp = (ms: number) => Math.ceil(ms / MINUTE_MS);
