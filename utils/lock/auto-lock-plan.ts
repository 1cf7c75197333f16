/**
 * When the inactivity auto-lock warns and when it locks: pure, events and time in, one step out. The background applies
 * the step (utils/lock/auto-lock.ts). The browser's idle detection reports "idle" after `detectionSeconds` without input;
 * the warning then runs for `warningSeconds`, and Attune locks when it ends unless the clinician was active again or
 * chose "Stay unlocked". A screen that locks locks Attune at once, warning or not.
 */
import { z } from 'zod';

/** Chrome's shortest idle detection interval. */
export const MIN_IDLE_DETECTION_SECONDS = 15;

export const autoLockWarningSchema = z.object({ locksAt: z.number().int().nonnegative() });
/** The warning every open Attune page shows, kept in storage.session while it runs. */
export type AutoLockWarning = z.infer<typeof autoLockWarningSchema>;

export interface AutoLockTiming {
  /** Seconds without input before the browser reports "idle" (and the warning starts). */
  detectionSeconds: number;
  /** Seconds the warning runs before Attune locks; 0 locks at once. */
  warningSeconds: number;
}

/** Splits the auto-lock period into idle detection and warning; the warning shrinks if the period is too short for it. */
export function autoLockTiming(autoLockMinutes: number, warningSeconds: number): AutoLockTiming {
  const total = Math.max(autoLockMinutes * 60, MIN_IDLE_DETECTION_SECONDS);
  const warning = Math.min(Math.max(warningSeconds, 0), total - MIN_IDLE_DETECTION_SECONDS);
  return { detectionSeconds: total - warning, warningSeconds: warning };
}

export type AutoLockEvent =
  /** The browser's idle state changed (or, for a re-check after "Stay unlocked", was queried). */
  | { kind: 'idle-state'; state: 'active' | 'idle' | 'locked' }
  /** The warning's alarm rang. */
  | { kind: 'warning-ended' }
  /** The clinician chose "Stay unlocked". */
  | { kind: 'stay-unlocked' };

export interface AutoLockSituation {
  now: number;
  /** The lock is on and Attune is unlocked: there is something to lock. */
  unlocked: boolean;
  warning: AutoLockWarning | undefined;
  timing: AutoLockTiming;
}

export interface AutoLockStep {
  lock: boolean;
  /** The warning to show from now on (undefined: none). */
  warning: AutoLockWarning | undefined;
  /** When to check the idle state again (after "Stay unlocked", the browser may report no change); undefined: no check. */
  recheckAt: number | undefined;
}

const quiet: AutoLockStep = { lock: false, warning: undefined, recheckAt: undefined };

export function nextAutoLockStep(event: AutoLockEvent, situation: AutoLockSituation): AutoLockStep {
  const { now, unlocked, warning, timing } = situation;
  if (!unlocked) return quiet;
  switch (event.kind) {
    case 'idle-state':
      if (event.state === 'locked') return { ...quiet, lock: true };
      if (event.state === 'active') return quiet;
      if (warning !== undefined) return { ...quiet, warning };
      if (timing.warningSeconds === 0) return { ...quiet, lock: true };
      return { ...quiet, warning: { locksAt: now + timing.warningSeconds * 1000 } };
    case 'warning-ended':
      // No warning left means activity or "Stay unlocked" cancelled it; an alarm that rang early waits for its time.
      if (warning === undefined) return quiet;
      return now >= warning.locksAt ? { ...quiet, lock: true } : { ...quiet, warning };
    case 'stay-unlocked':
      return { ...quiet, recheckAt: now + timing.detectionSeconds * 1000 };
  }
}
