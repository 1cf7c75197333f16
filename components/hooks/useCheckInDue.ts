import { useEffect, useState } from 'preact/hooks';
import { checkInPrompt } from '../../utils/checkin/timing';
import { checkInForVisit } from '../../utils/db/checkins';
import type { Visit } from '../../utils/models';
import { readSettings } from '../../utils/settings';
import { useNow } from './useNow';

/**
 * Whether the visit's check-in is due while the panel is collapsed to its handle, so the handle can show it gently.
 * Re-read each time the panel collapses (the check-in can only change while the panel is open).
 */
export function useCheckInDue(visit: Visit | undefined, collapsed: boolean): boolean {
  const now = useNow(15_000);
  const [state, setState] = useState<{ promptMinutes: number; completed: boolean }>();
  useEffect(() => {
    if (visit === undefined || !collapsed) return;
    let current = true;
    void Promise.all([readSettings(), checkInForVisit(visit.id)])
      .then(([settings, checkIn]) => {
        if (current) setState({ promptMinutes: settings['checkIn.promptMinutesBeforeEnd'], completed: checkIn?.completedAt != null });
      })
      .catch(() => undefined); // Only a cue: the panel itself reports storage errors when opened.
    return () => {
      current = false;
    };
  }, [visit?.id, collapsed]);
  if (visit === undefined || state === undefined) return false;
  return checkInPrompt({ visit, now, promptMinutesBeforeEnd: state.promptMinutes, completed: state.completed, postponedUntil: null }).kind !== 'none';
}
