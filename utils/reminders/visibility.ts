/** Which due reminders the panel shows, given what the clinician already did with them (the visit's reminder log). */
import type { DueReminder } from './cues';
import type { ReminderLogEntry } from './schema';

export interface ReminderView {
  /** Due, not dismissed, not snoozed: shown in the panel. */
  visible: DueReminder[];
  /** Visible reminders appearing now (never shown, or back after a snooze): log them as shown and announce them once. */
  appearing: DueReminder[];
}

export function reminderView(due: readonly DueReminder[], log: readonly ReminderLogEntry[], now: number): ReminderView {
  const visible: DueReminder[] = [];
  const appearing: DueReminder[] = [];
  for (const reminder of due) {
    const entries = log.filter((entry) => entry.reminderId === reminder.id).sort((a, b) => a.at - b.at);
    const last = entries.at(-1);
    if (last?.action === 'dismissed') continue;
    if (last?.action === 'snoozed' && (last.snoozeUntil ?? 0) > now) continue;
    visible.push(reminder);
    if (last === undefined || last.action === 'snoozed') appearing.push(reminder);
  }
  return { visible, appearing };
}
