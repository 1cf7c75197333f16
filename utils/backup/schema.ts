/**
 * Attune's JSON backup: every store's records, versioned so a later Attune knows what it is reading. A backup is
 * checked as a whole before anything is written: every record against the same zod schema the database uses, with no
 * field the schema does not know (so `__proto__` and friends are refused), references between records intact, and
 * names (aliases, platforms, hosts, instrument ids) free of markup, spreadsheet formulas and control characters.
 * Free text (notes, homework) may hold any characters: it is shown as text and neutralised in CSV.
 */
import { z } from 'zod';
import { agendaItemSchema, agendaTemplateSchema } from '../agenda/schema';
import { instrumentKey, storedInstrumentSchema } from '../checkin/instrument';
import { checkInSchema } from '../checkin/record';
import { goalSchema } from '../goals/schema';
import { clientSchema, noteSchema, presenceSummarySchema, visitSchema } from '../models';
import { nextTimeSchema } from '../next-time/schema';
import { reminderLogEntrySchema } from '../reminders/schema';

export const BACKUP_FORMAT = 'attune-backup';
/** The backup format's own version (not the database's); bump it when the shape of a backup changes. */
export const BACKUP_VERSION = 1;
/** Refused before parsing: far larger than years of notes, and a sign the file is not an Attune backup. */
export const BACKUP_MAX_BYTES = 512 * 1024 * 1024;

/** Control characters other than tab and line breaks: never part of a name. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** What a short identifier (alias, platform, host, id) may not hold: markup, or a spreadsheet formula's first character. */
const MARKUP = /[<>]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** An identifier-like text: no markup, no formula, no control characters. */
function plainName<S extends z.ZodType<string>>(schema: S) {
  return schema
    .refine((text) => !MARKUP.test(text), 'must not contain < or > (markup)')
    .refine((text) => !FORMULA_START.test(text), 'must not start with =, +, -, @ (a spreadsheet formula)')
    .refine((text) => !CONTROL.test(text), 'must not contain control characters');
}

const backupClient = clientSchema.extend({ alias: plainName(clientSchema.shape.alias), aliasKey: plainName(clientSchema.shape.aliasKey) }).strict();
const backupVisit = visitSchema.extend({ platform: plainName(visitSchema.shape.platform), host: plainName(visitSchema.shape.host) }).strict();
const backupCheckIn = checkInSchema
  .extend({ instrumentId: plainName(checkInSchema.shape.instrumentId), instrumentVersion: plainName(checkInSchema.shape.instrumentVersion) })
  .strict();

/** A loaded instrument is stored under `id@version`; a key that says otherwise would hide it from its check-ins. */
const backupInstrument = storedInstrumentSchema
  .strict()
  .refine((stored) => stored.key === instrumentKey(stored.definition.id, stored.definition.version), {
    path: ['key'],
    message: 'must be the definition\'s id@version',
  });

/** Each store of a backup and the schema of its records; `.strict()`: a field the schema does not know (`__proto__`…) is refused. `setAside` is left out: it holds records that failed validation. */
export const backupStoresSchema = z
  .object({
    clients: z.array(backupClient),
    visits: z.array(backupVisit),
    notes: z.array(noteSchema.strict()),
    agendaItems: z.array(agendaItemSchema.strict()),
    agendaTemplates: z.array(agendaTemplateSchema.strict()),
    goals: z.array(goalSchema.strict()),
    reminderLog: z.array(reminderLogEntrySchema.strict()),
    nextTime: z.array(nextTimeSchema.strict()),
    checkIns: z.array(backupCheckIn),
    instruments: z.array(backupInstrument),
    presence: z.array(presenceSummarySchema.strict()),
  })
  .strict()
  .superRefine((stores, context) => {
    const clients = new Set(stores.clients.map((client) => client.id));
    const visits = new Set(stores.visits.map((visit) => visit.id));
    const refer = (store: keyof typeof stores, index: number, field: string, target: Set<string>, what: string, id: string) => {
      if (!target.has(id)) context.addIssue({ code: 'custom', path: [store, index, field], message: `refers to a ${what} that is not in the backup` });
    };
    stores.visits.forEach((visit, index) => refer('visits', index, 'clientId', clients, 'client', visit.clientId));
    for (const store of ['notes', 'presence'] as const) stores[store].forEach((record, index) => refer(store, index, 'visitId', visits, 'visit', record.visitId));
    for (const store of ['agendaItems', 'nextTime', 'checkIns'] as const) {
      stores[store].forEach((record, index) => {
        refer(store, index, 'visitId', visits, 'visit', record.visitId);
        refer(store, index, 'clientId', clients, 'client', record.clientId);
      });
    }
    stores.reminderLog.forEach((record, index) => refer('reminderLog', index, 'visitId', visits, 'visit', record.visitId));
    stores.goals.forEach((goal, index) => refer('goals', index, 'clientId', clients, 'client', goal.clientId));
    unique(stores.clients.map((client) => client.aliasKey), (index) => context.addIssue({ code: 'custom', path: ['clients', index, 'aliasKey'], message: 'is used by two clients' }));
    unique(stores.checkIns.map((checkIn) => checkIn.visitId), (index) => context.addIssue({ code: 'custom', path: ['checkIns', index, 'visitId'], message: 'has two check-ins' }));
  });
export type BackupStores = z.infer<typeof backupStoresSchema>;
export type BackupStore = keyof BackupStores;
export const BACKUP_STORES = Object.keys(backupStoresSchema.shape) as BackupStore[];

function unique(values: readonly string[], duplicate: (index: number) => void): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) duplicate(index);
    seen.add(value);
  });
}

export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.iso.datetime(),
    stores: backupStoresSchema,
  })
  .strict();
export type Backup = z.infer<typeof backupSchema>;
