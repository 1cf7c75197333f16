import { z } from 'zod';
import '../models';

const id = z.string().uuid();

export const NEXT_TIME_MAX_LENGTH = 2000;

/** What the clinician wants to see at the start of the next visit with this client: homework agreed and a note. */
export const nextTimeSchema = z.object({
  visitId: id,
  clientId: id,
  homework: z.string().max(NEXT_TIME_MAX_LENGTH),
  note: z.string().max(NEXT_TIME_MAX_LENGTH),
  updatedAt: z.number().int().nonnegative(),
});
export type NextTime = z.infer<typeof nextTimeSchema>;
