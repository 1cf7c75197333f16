/**
 * Guards the map of protected fields: every text field of every store is either sealed by the lock or named here as
 * clear on purpose (an id, an index key, a platform). A new free-text field added to a schema fails this test until it
 * is put in utils/lock/protected-fields.ts (or, with a reason, in the list below).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agendaItemSchema, agendaTemplateSchema } from '../../utils/agenda/schema';
import { checkInSchema } from '../../utils/checkin/record';
import { goalSchema } from '../../utils/goals/schema';
import { protectedFieldsOf } from '../../utils/lock/protected-fields';
import { clientSchema, noteSchema, presenceSummarySchema, visitSchema } from '../../utils/models';
import { nextTimeSchema } from '../../utils/next-time/schema';
import { reminderLogEntrySchema } from '../../utils/reminders/schema';

const SCHEMAS = {
  clients: clientSchema,
  visits: visitSchema,
  notes: noteSchema,
  agendaItems: agendaItemSchema,
  agendaTemplates: agendaTemplateSchema,
  goals: goalSchema,
  reminderLog: reminderLogEntrySchema,
  nextTime: nextTimeSchema,
  checkIns: checkInSchema,
  presence: presenceSummarySchema,
};

/** Text fields that stay clear, each for a reason: ids and references, index keys, where a visit took place. */
const CLEAR_ON_PURPOSE: Record<keyof typeof SCHEMAS, readonly string[]> = {
  clients: ['id', 'aliasKey'],
  visits: ['id', 'clientId', 'platform', 'host'],
  notes: ['visitId'],
  agendaItems: ['id', 'visitId', 'clientId', 'goalId', 'carriedFromId'],
  agendaTemplates: ['id'],
  goals: ['id', 'clientId', 'ratings.*.visitId'],
  reminderLog: ['id', 'visitId', 'reminderId'],
  nextTime: ['visitId', 'clientId'],
  checkIns: ['id', 'visitId', 'clientId', 'instrumentId', 'instrumentVersion'],
  presence: ['visitId'],
};

/** Every path to a text field in a schema (`*` for array elements); enums and numbers are not text. */
function textPaths(schema: z.core.$ZodType, prefix = ''): string[] {
  if (schema instanceof z.ZodString) return [prefix];
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return textPaths(schema.unwrap(), prefix);
  if (schema instanceof z.ZodArray) return textPaths(schema.element, prefix === '' ? '*' : `${prefix}.*`);
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape).flatMap(([key, field]) => textPaths(field, prefix === '' ? key : `${prefix}.${key}`));
  }
  return [];
}

describe('the map of protected fields', () => {
  it.each(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[])('%s: every text field is sealed or clear on purpose', (store) => {
    expect([...textPaths(SCHEMAS[store])].sort()).toEqual([...protectedFieldsOf(store), ...CLEAR_ON_PURPOSE[store]].sort());
  });
});
