import { z } from 'zod';
import '../models';

const id = z.string().uuid();
const epochMs = z.number().int().nonnegative();

export const AGENDA_TEXT_MAX_LENGTH = 200;
export const TIME_BOX_MAX_MINUTES = 120;
/** Time boxes offered in the panel; any whole number of minutes up to the maximum is valid data. */
export const TIME_BOX_PRESETS = [5, 10, 15, 20, 30] as const;

const agendaText = z.string().trim().min(1).max(AGENDA_TEXT_MAX_LENGTH);
const timeBoxMinutes = z.number().int().min(1).max(TIME_BOX_MAX_MINUTES).nullable();

/** One item on a visit's agenda, in the order the clinician set (`position`), optionally time-boxed and linked to a goal. */
export const agendaItemSchema = z.object({
  id,
  visitId: id,
  clientId: id,
  position: z.number().int().nonnegative(),
  text: agendaText,
  done: z.boolean(),
  /** When it was checked off; the next item's time box runs from here. */
  doneAt: epochMs.nullable(),
  timeBoxMinutes,
  goalId: id.nullable(),
  /** The unfinished item of an earlier visit this one carries forward, so it is not offered twice. */
  carriedFromId: id.nullable(),
  createdAt: epochMs,
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const agendaTemplateItemSchema = z.object({ text: agendaText, timeBoxMinutes });
export type AgendaTemplateItem = z.infer<typeof agendaTemplateItemSchema>;

export const TEMPLATE_NAME_MAX_LENGTH = 60;
export const TEMPLATE_MAX_ITEMS = 30;

/** An agenda the clinician saved to reuse. */
export const agendaTemplateSchema = z.object({
  id,
  name: z.string().trim().min(1).max(TEMPLATE_NAME_MAX_LENGTH),
  items: z.array(agendaTemplateItemSchema).min(1).max(TEMPLATE_MAX_ITEMS),
  createdAt: epochMs,
});
export type AgendaTemplate = z.infer<typeof agendaTemplateSchema>;
