/**
 * The presence nudge's state that must outlive a stopped service worker or a reloaded panel, in `storage.session`
 * (which content scripts cannot read). Ids, timestamps and counts only, never clinical text. One key per visit, so
 * visits never overwrite each other. Everything read back is validated; a damaged entry reads as absent.
 */
import { z } from 'zod';
import { browser } from '../browser';
import type { AwayState } from './away-policy';

const epochMs = z.number().int().nonnegative();

const AWAY_PREFIX = 'presence:away:';
const RETURNED_PREFIX = 'presence:returned:';
const CUES_PREFIX = 'presence:cues:';

const awayStateSchema = z.object({
  visitId: z.string().uuid(),
  tabId: z.number().int(),
  awaySince: epochMs.nullable(),
  notified: z.boolean(),
}) satisfies z.ZodType<AwayState>;

/** The latest away episode of a visit that earned a return cue; the panel shows the cue when this changes. */
export const awayReturnSchema = z.object({ from: epochMs, to: epochMs, awayMs: epochMs });
export type AwayReturn = z.infer<typeof awayReturnSchema>;

/** The panel's cue rhythm for a visit, kept across panel reloads; `snoozed` also silences the notification. */
export const cueMemorySchema = z.object({
  periodicFrom: epochMs,
  lastPromptIds: z.object({ return: z.string().nullable(), periodic: z.string().nullable() }),
  snoozed: z.boolean(),
});
export type CueMemory = z.infer<typeof cueMemorySchema>;

export const awayKey = (visitId: string) => `${AWAY_PREFIX}${visitId}`;
export const returnedKey = (visitId: string) => `${RETURNED_PREFIX}${visitId}`;
export const cuesKey = (visitId: string) => `${CUES_PREFIX}${visitId}`;

async function readValid<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const parsed = schema.safeParse((await browser.storage.session.get(key))[key]);
  return parsed.success ? parsed.data : undefined;
}

/** Every visit the background is tracking. */
export async function readAwayStates(): Promise<AwayState[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key]) => key.startsWith(AWAY_PREFIX))
    .flatMap(([, value]) => {
      const parsed = awayStateSchema.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    });
}

export async function writeAwayState(state: AwayState): Promise<void> {
  await browser.storage.session.set({ [awayKey(state.visitId)]: state });
}

export async function forgetVisitPresence(visitId: string): Promise<void> {
  await browser.storage.session.remove([awayKey(visitId), returnedKey(visitId), cuesKey(visitId)]);
}

export async function announceReturn(visitId: string, away: AwayReturn): Promise<void> {
  await browser.storage.session.set({ [returnedKey(visitId)]: away });
}

export function readCueMemory(visitId: string): Promise<CueMemory | undefined> {
  return readValid(cuesKey(visitId), cueMemorySchema);
}

export async function writeCueMemory(visitId: string, memory: CueMemory): Promise<void> {
  await browser.storage.session.set({ [cuesKey(visitId)]: memory });
}

export async function isSnoozed(visitId: string): Promise<boolean> {
  return (await readCueMemory(visitId))?.snoozed === true;
}
