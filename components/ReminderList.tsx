import { t } from '../utils/i18n';
import type { DueReminder } from '../utils/reminders/cues';

export interface ReminderListProps {
  reminders: readonly DueReminder[];
  snoozeMinutes: number;
  onDismiss: (reminder: DueReminder) => void;
  onSnooze: (reminder: DueReminder) => void;
}

/** What a reminder says, in the clinician's language. */
export function reminderText(reminder: DueReminder): string {
  const { detail } = reminder;
  switch (detail.cue) {
    case 'halfway':
      return t('cueHalfway');
    case 'minutes-left':
      return t('cueMinutesLeft', String(detail.minutes));
    case 'time-up':
      return t('cueTimeUp');
    case 'agenda-overrun':
      return t('cueAgendaOverrun', [detail.itemText, String(detail.timeBoxMinutes)]);
    case 'goal-midpoint':
      return t('cueGoalMidpoint');
  }
}

/**
 * The reminders due now, quietly: no sound, no motion, nothing that takes focus. The panel's live region announces
 * each once when it appears; this list is for reading and acting on them.
 */
export function ReminderList({ reminders, snoozeMinutes, onDismiss, onSnooze }: ReminderListProps) {
  if (reminders.length === 0) return null;
  return (
    <section class="reminders" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading" class="visually-hidden">
        {t('remindersHeading')}
      </h2>
      <ul class="plain-list">
        {reminders.map((reminder) => {
          const text = reminderText(reminder);
          return (
            <li key={reminder.id} class={`reminder reminder--${reminder.kind}`} data-reminder-id={reminder.id}>
              <p>{text}</p>
              <div class="row-actions">
                <button type="button" class="small" aria-label={t('reminderSnoozeNamed', [String(snoozeMinutes), text])} onClick={() => onSnooze(reminder)}>
                  {t('reminderSnooze', String(snoozeMinutes))}
                </button>
                <button type="button" class="small" aria-label={t('reminderDismissNamed', text)} onClick={() => onDismiss(reminder)}>
                  {t('reminderDismiss')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
