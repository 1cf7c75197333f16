import { t } from '../utils/i18n';
import type { Visit } from '../utils/models';
import { visitClock, wholeMinutesDown, wholeMinutesUp } from '../utils/visit-timer';

export interface VisitTimerProps {
  visit: Visit;
  now: number;
}

/** Elapsed and remaining time against the planned length, from timestamps. Quiet: it is not announced as it changes. */
export function VisitTimer({ visit, now }: VisitTimerProps) {
  const clock = visitClock(visit.startedAt, visit.plannedMinutes, now);
  const elapsed = String(wholeMinutesDown(clock.elapsedMs));
  const text =
    clock.overMs > 0
      ? t('timerOver', [elapsed, String(wholeMinutesDown(clock.overMs))])
      : t('timerRemaining', [elapsed, String(wholeMinutesUp(clock.remainingMs))]);
  return (
    <div class="visit-timer" data-testid="visit-timer">
      <p>{text}</p>
      <div class="timer-track" aria-hidden="true">
        <div class={clock.overMs > 0 ? 'timer-fill timer-fill--over' : 'timer-fill'} style={{ width: `${clock.progress * 100}%` }} />
      </div>
    </div>
  );
}
