import { z } from 'zod';
import '../models';

const id = z.string().uuid();
const epochMs = z.number().int().nonnegative();

export const reminderKindSchema = z.enum(['time', 'agenda-overrun', 'goal-midpoint']);
export type ReminderKind = z.infer<typeof reminderKindSchema>;

/** What happened to a reminder during a visit, kept on the visit's record. */
export const reminderActionSchema = z.enum(['shown', 'dismissed', 'snoozed']);
export type ReminderAction = z.infer<typeof reminderActionSchema>;

export const reminderLogEntrySchema = z.object({
  id,
  visitId: id,
  /** Stable within a visit, e.g. `time:halfway`, `agenda:<item id>`, `goal-midpoint`. */
  reminderId: z.string().min(1).max(80),
  kind: reminderKindSchema,
  action: reminderActionSchema,
  at: epochMs,
  /** For `snoozed`: when it may show again. */
  snoozeUntil: epochMs.nullable(),
});
export type ReminderLogEntry = z.infer<typeof reminderLogEntrySchema>;
