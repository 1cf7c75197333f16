import { z } from 'zod';

// zod 4 probes `new Function` to decide whether it may compile validators; extension pages forbid eval, so skip the probe.
z.config({ jitless: true });

const id = z.string().uuid();
const epochMs = z.number().int().nonnegative();

export const ALIAS_MAX_LENGTH = 40;
export const PLANNED_MINUTES_PRESETS = [30, 45, 53, 60] as const;
export const DEFAULT_PLANNED_MINUTES = 45;

/** A client, known to Attune only by the alias or initials the clinician chose (never a full name). */
export const clientSchema = z.object({
  id,
  alias: z.string().trim().min(1).max(ALIAS_MAX_LENGTH),
  /** Lower-cased alias, unique, so "JD" and "jd" are the same client. */
  aliasKey: z.string().min(1).max(ALIAS_MAX_LENGTH),
  createdAt: epochMs,
});
export type Client = z.infer<typeof clientSchema>;

export const visitEndReasonSchema = z.enum(['manual', 'tab-closed', 'left-call', 'media-stopped']);
export type VisitEndReason = z.infer<typeof visitEndReasonSchema>;

/** One video visit with one client on one platform. */
export const visitSchema = z.object({
  id,
  clientId: id,
  platform: z.string().min(1).max(40),
  host: z.string().min(1).max(253),
  startedAt: epochMs,
  endedAt: epochMs.nullable(),
  endReason: visitEndReasonSchema.nullable(),
  plannedMinutes: z.number().int().min(5).max(240),
});
export type Visit = z.infer<typeof visitSchema>;

export const NOTE_MAX_LENGTH = 100_000;

/** The clinician's free-text note for a visit, autosaved while they type. One per visit. */
export const noteSchema = z.object({
  visitId: id,
  text: z.string().max(NOTE_MAX_LENGTH),
  updatedAt: epochMs,
});
export type Note = z.infer<typeof noteSchema>;

/** Locale-independent on purpose: the same alias must match whatever language the browser runs in. */
export function aliasKeyOf(alias: string): string {
  return alias.trim().toLowerCase();
}

/** A short, readable description of why data failed validation, naming the fields at fault. */
export function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(value)'}: ${issue.message}`)
    .join('; ');
}
