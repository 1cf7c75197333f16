/**
 * A check-in instrument is data: items, anchors, scale, the part of the alliance each item speaks to, and the rules
 * that raise flags. Attune ships its own brief check-in (in its own words, a conversation aid); a practice that holds a
 * licence for a validated measure can load that measure's definition instead.
 */
import { z } from 'zod';
import { describeIssues } from '../models';

/** Bordin's three parts of the working alliance, plus an overall item. */
export const ALLIANCE_PARTS = ['goal', 'task', 'bond', 'overall'] as const;
export const alliancePartSchema = z.enum(ALLIANCE_PARTS);
export type AlliancePart = z.infer<typeof alliancePartSchema>;

/** Wording is either a key into Attune's translations (shipped instruments) or the practice's own literal text. */
const wordingSchema = z.union([
  z.object({ key: z.string().regex(/^checkIn\w+$/, 'must be a key of Attune’s own check-in translations') }).strict(),
  z.object({ text: z.string().trim().min(1).max(300) }).strict(),
]);
export type Wording = z.infer<typeof wordingSchema>;

const anchorsSchema = z.object({ low: wordingSchema, high: wordingSchema }).strict();

const itemSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits or dashes, starting with a letter'),
    part: alliancePartSchema,
    text: wordingSchema,
    anchors: anchorsSchema.optional(),
  })
  .strict();
export type InstrumentItem = z.infer<typeof itemSchema>;

export const instrumentSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,59}$/, 'must be lower-case letters, digits or dashes, starting with a letter'),
    version: z.string().trim().min(1).max(20),
    title: wordingSchema,
    /** Shown with the instrument: what it is and is not (e.g. "a conversation aid, not a validated scale"). */
    notice: wordingSchema,
    scale: z.object({ min: z.number().int().min(-100), max: z.number().int().max(100) }).strict(),
    /** Anchors for every item that does not carry its own. */
    anchors: anchorsSchema,
    items: z.array(itemSchema).min(1).max(20),
    scoring: z.object({ method: z.literal('sum') }).strict(),
    rules: z
      .object({
        /** A view's total under this raises a flag. */
        totalBelow: z.number(),
        /** Any item under this raises a flag. */
        itemBelow: z.number(),
        /** A drop in the client's total of this much or more from their previous check-in raises a flag. */
        dropOf: z.number().positive(),
        /** The client's and clinician's totals differing by this much or more raises a flag. */
        viewGapOf: z.number().positive(),
      })
      .strict(),
  })
  .strict()
  .superRefine((instrument, context) => {
    const { min, max } = instrument.scale;
    if (min >= max) context.addIssue({ code: 'custom', path: ['scale', 'max'], message: 'must be greater than scale.min' });
    const seen = new Set<string>();
    instrument.items.forEach((item, index) => {
      if (seen.has(item.id)) context.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `"${item.id}" is used by two items` });
      seen.add(item.id);
    });
    const [lowest, highest] = [min * instrument.items.length, max * instrument.items.length];
    if (instrument.rules.totalBelow <= lowest || instrument.rules.totalBelow > highest) {
      context.addIssue({ code: 'custom', path: ['rules', 'totalBelow'], message: `must be above ${lowest} and at most ${highest}, the range of the total` });
    }
    if (instrument.rules.itemBelow <= min || instrument.rules.itemBelow > max) {
      context.addIssue({ code: 'custom', path: ['rules', 'itemBelow'], message: `must be above ${min} and at most ${max}, the range of an item` });
    }
    if (instrument.rules.dropOf > highest - lowest) {
      context.addIssue({ code: 'custom', path: ['rules', 'dropOf'], message: `must be at most ${highest - lowest}, the range of the total` });
    }
    if (instrument.rules.viewGapOf > highest - lowest) {
      context.addIssue({ code: 'custom', path: ['rules', 'viewGapOf'], message: `must be at most ${highest - lowest}, the range of the total` });
    }
  });
export type Instrument = z.infer<typeof instrumentSchema>;

/**
 * Attune's own brief check-in. The wording is Attune's, written for this product; it is not the Session Rating Scale,
 * the WAI or any other copyrighted measure, and the flag rules are conversational defaults, not validated cut-offs.
 */
export const ATTUNE_CHECK_IN: Instrument = instrumentSchema.parse({
  id: 'attune-brief-check-in',
  version: '1',
  title: { key: 'checkInInstrumentTitle' },
  notice: { key: 'checkInInstrumentNotice' },
  scale: { min: 0, max: 10 },
  anchors: { low: { key: 'checkInAnchorLow' }, high: { key: 'checkInAnchorHigh' } },
  items: [
    { id: 'goals', part: 'goal', text: { key: 'checkInItemGoals' } },
    { id: 'approach', part: 'task', text: { key: 'checkInItemApproach' } },
    { id: 'together', part: 'bond', text: { key: 'checkInItemTogether' } },
    { id: 'overall', part: 'overall', text: { key: 'checkInItemOverall' } },
  ],
  scoring: { method: 'sum' },
  rules: { totalBelow: 32, itemBelow: 6, dropOf: 4, viewGapOf: 5 },
});

/** The instruments that ship with Attune (a registry: add an instrument by adding an entry). */
export const SHIPPED_INSTRUMENTS: readonly Instrument[] = [ATTUNE_CHECK_IN];

/** An instrument definition a practice loaded, kept by id and version so past check-ins can still be scored. */
export const storedInstrumentSchema = z.object({
  /** `id@version`. */
  key: z.string().min(3),
  definition: instrumentSchema,
  loadedAt: z.number().int().nonnegative(),
});
export type StoredInstrument = z.infer<typeof storedInstrumentSchema>;

export function instrumentKey(id: string, version: string): string {
  return `${id}@${version}`;
}

export class InvalidInstrumentError extends Error {
  override name = 'InvalidInstrumentError';
}

/**
 * Checks a definition a practice wants to load. A loaded definition carries its own wording (literal text); anything
 * wrong is rejected with a message that names the place and the problem.
 */
export function parseInstrumentDefinition(definition: unknown): Instrument {
  const result = instrumentSchema.safeParse(definition);
  if (!result.success) throw new InvalidInstrumentError(`The check-in definition was not loaded: ${describeIssues(result.error)}.`);
  const keyed = wordingPaths(result.data).filter(([, wording]) => 'key' in wording);
  if (keyed.length > 0) {
    throw new InvalidInstrumentError(
      `The check-in definition was not loaded: ${keyed.map(([path]) => `${path}: must be the practice’s own text ({"text": "…"}), not a translation key`).join('; ')}.`,
    );
  }
  if (SHIPPED_INSTRUMENTS.some((shipped) => shipped.id === result.data.id)) {
    throw new InvalidInstrumentError(`The check-in definition was not loaded: id: "${result.data.id}" belongs to a check-in that ships with Attune.`);
  }
  return result.data;
}

function wordingPaths(instrument: Instrument): [string, Wording][] {
  return [
    ['title', instrument.title],
    ['notice', instrument.notice],
    ['anchors.low', instrument.anchors.low],
    ['anchors.high', instrument.anchors.high],
    ...instrument.items.flatMap((item, index): [string, Wording][] => [
      [`items.${index}.text`, item.text],
      ...(item.anchors === undefined
        ? []
        : ([
            [`items.${index}.anchors.low`, item.anchors.low],
            [`items.${index}.anchors.high`, item.anchors.high],
          ] as [string, Wording][])),
    ]),
  ];
}

/** The anchors that apply to an item. */
export function anchorsOf(instrument: Instrument, item: InstrumentItem): { low: Wording; high: Wording } {
  return item.anchors ?? instrument.anchors;
}

/** Every value an item can take, lowest first. */
export function scaleValues(instrument: Instrument): number[] {
  return Array.from({ length: instrument.scale.max - instrument.scale.min + 1 }, (_, index) => instrument.scale.min + index);
}
