/** The stored check-in of one visit: both views' answers, rupture notes, and whether it is complete. */
import { z } from 'zod';
import '../models';

const id = z.string().uuid();
const epochMs = z.number().int().nonnegative();

export const CHECK_IN_VIEWS = ['client', 'clinician'] as const;
export const checkInViewSchema = z.enum(CHECK_IN_VIEWS);
export type CheckInView = z.infer<typeof checkInViewSchema>;

/** One view's answers by item id. A number is an answer; null means the item was skipped; a missing id is unanswered. */
export const viewAnswersSchema = z.object({
  answers: z.record(z.string().min(1).max(40), z.number().int().min(-100).max(100).nullable()),
  /** The whole view was skipped (e.g. the client did not want to rate today). */
  skipped: z.boolean(),
});
export type ViewAnswers = z.infer<typeof viewAnswersSchema>;

/** Rupture markers (Safran, Muran & Eubanks). */
export const RUPTURE_MARKERS = ['withdrawal', 'confrontation'] as const;
export const ruptureMarkerSchema = z.enum(RUPTURE_MARKERS);
export type RuptureMarker = z.infer<typeof ruptureMarkerSchema>;

export const STRAINED_PARTS = ['goal', 'task', 'bond'] as const;
export const REPAIR_STATES = ['not-yet', 'addressed', 'repaired'] as const;

export const FOR_NEXT_TIME_MAX_LENGTH = 500;

export const ruptureNoteSchema = z.object({
  markers: z.array(ruptureMarkerSchema).max(RUPTURE_MARKERS.length),
  strained: z.array(z.enum(STRAINED_PARTS)).max(STRAINED_PARTS.length),
  repair: z.enum(REPAIR_STATES).nullable(),
  forNextTime: z.string().max(FOR_NEXT_TIME_MAX_LENGTH),
});
export type RuptureNote = z.infer<typeof ruptureNoteSchema>;
export type RepairState = (typeof REPAIR_STATES)[number];
export type StrainedPart = (typeof STRAINED_PARTS)[number];

export const checkInSchema = z.object({
  id,
  visitId: id,
  clientId: id,
  instrumentId: z.string().min(1).max(60),
  instrumentVersion: z.string().min(1).max(20),
  createdAt: epochMs,
  updatedAt: epochMs,
  completedAt: epochMs.nullable(),
  client: viewAnswersSchema,
  clinician: viewAnswersSchema,
  rupture: ruptureNoteSchema,
});
export type CheckIn = z.infer<typeof checkInSchema>;

/** A fresh, unanswered check-in for a visit. */
export function newCheckIn(
  visit: { id: string; clientId: string },
  instrument: { id: string; version: string },
  now: number,
): CheckIn {
  return {
    id: crypto.randomUUID(),
    visitId: visit.id,
    clientId: visit.clientId,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    client: emptyView(),
    clinician: emptyView(),
    rupture: emptyRupture(),
  };
}

export function emptyView(): ViewAnswers {
  return { answers: {}, skipped: false };
}

export function emptyRupture(): RuptureNote {
  return { markers: [], strained: [], repair: null, forNextTime: '' };
}
