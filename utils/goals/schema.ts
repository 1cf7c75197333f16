import { z } from 'zod';
import '../models';

const id = z.string().uuid();
const epochMs = z.number().int().nonnegative();

export const GOAL_TITLE_MAX_LENGTH = 120;
export const GOAL_NOTE_MAX_LENGTH = 1000;
/** Goal attainment scaling: −2 much less than expected, 0 as expected, +2 much more than expected. */
export const ATTAINMENT_LEVELS = [-2, -1, 0, 1, 2] as const;

export const attainmentRatingSchema = z.object({
  value: z.number().int().min(-2).max(2),
  at: epochMs,
  /** The visit in which it was rated. */
  visitId: id,
});
export type AttainmentRating = z.infer<typeof attainmentRatingSchema>;

/** A treatment goal agreed with one client; carried across visits until it is met (then archived, never deleted). */
export const goalSchema = z.object({
  id,
  clientId: id,
  title: z.string().trim().min(1).max(GOAL_TITLE_MAX_LENGTH),
  note: z.string().trim().max(GOAL_NOTE_MAX_LENGTH),
  status: z.enum(['open', 'met']),
  createdAt: epochMs,
  metAt: epochMs.nullable(),
  /** Every rating over time, oldest first; the last one is the current attainment. */
  ratings: z.array(attainmentRatingSchema).max(1000),
});
export type Goal = z.infer<typeof goalSchema>;

export function currentAttainment(goal: Goal): number | undefined {
  return goal.ratings.at(-1)?.value;
}
