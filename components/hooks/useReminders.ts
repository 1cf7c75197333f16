import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Visit } from '../../utils/models';
import { dueReminders, type DueReminder } from '../../utils/reminders/cues';
import { reminderView } from '../../utils/reminders/visibility';
import type { Settings } from '../../utils/settings';
import { MINUTE_MS } from '../../utils/visit-timer';
import type { VisitSession } from './useVisitSession';

export interface Reminders {
  visible: DueReminder[];
  dismiss(reminder: DueReminder): void;
  snooze(reminder: DueReminder): void;
}

/**
 * The quiet reminders of the visit in progress. A reminder that appears is logged as shown and handed to `announce`
 * once (the panel's polite live region); dismissing and snoozing are logged too. No sound, no notification.
 */
export function useReminders(
  visit: Visit | undefined,
  session: VisitSession,
  settings: Settings,
  now: number,
  announce: (reminders: DueReminder[]) => void,
): Reminders {
  const view = useMemo(() => {
    if (visit === undefined || !session.loaded || visit.endedAt !== null) return { visible: [], appearing: [] };
    const due = dueReminders({ visit, items: session.items, goals: session.goals, settings, now });
    return reminderView(due, session.log, now);
  }, [visit, session.loaded, session.items, session.goals, session.log, settings, now]);

  // Reminders being logged right now, so a re-render before the write lands does not log them twice.
  const logging = useRef(new Set<string>());
  useEffect(() => {
    const fresh = view.appearing.filter((reminder) => !logging.current.has(reminder.id));
    if (fresh.length === 0) return;
    for (const reminder of fresh) logging.current.add(reminder.id);
    announce(fresh);
    const at = Date.now();
    void session
      .logReminders(fresh.map((reminder) => ({ reminderId: reminder.id, kind: reminder.kind, action: 'shown', at, snoozeUntil: null })))
      .finally(() => {
        for (const reminder of fresh) logging.current.delete(reminder.id);
      });
  }, [view]);

  return {
    visible: view.visible,
    dismiss: (reminder) =>
      void session.logReminders([{ reminderId: reminder.id, kind: reminder.kind, action: 'dismissed', at: Date.now(), snoozeUntil: null }]),
    snooze: (reminder) => {
      const at = Date.now();
      void session.logReminders([
        { reminderId: reminder.id, kind: reminder.kind, action: 'snoozed', at, snoozeUntil: at + settings['cues.snoozeMinutes'] * MINUTE_MS },
      ]);
    },
  };
}
