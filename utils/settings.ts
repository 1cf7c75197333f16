/**
 * Attune's settings: each one a zod-validated value under a namespaced key (`presence.*`, …) in `storage.local`.
 * What a page sees is resolved in layers — shipped defaults ← the clinician's own choices ← the practice's
 * managed policy (`storage.managed`), where a later layer wins. A stored or policy value that fails validation is
 * ignored (the layer below shows through) and reported; a write that fails validation, or touches a setting the practice
 * sets, throws an error naming the setting and changes nothing.
 */
import { z } from 'zod';
import { browser } from './browser';
import { DEFAULT_PLANNED_MINUTES, describeIssues } from './models';
import { platformById } from './platforms';
import { PRACTICE_POLICY_KEYS, practiceExtras, type PracticeExtras } from './practice-extras';
import { changedPolicy, readPolicyFor } from './policy-copy';

interface SettingDefinition<S extends z.ZodType> {
  schema: S;
  default: z.infer<S>;
}

const setting = <S extends z.ZodType>(schema: S, defaultValue: z.infer<S>): SettingDefinition<S> => ({
  schema,
  default: defaultValue,
});

// ── presence nudge (issue #6) ────────────────────────────────────────────────────────────────────────────────────
/** Choices offered for the periodic presence prompt; 0 means off. */
export const PRESENCE_PERIODIC_MINUTES = [0, 10, 15, 20] as const;

/** A site as the clinician types it: a host name (`ehr.example.org`), or `*.example.org` for it and its subdomains. */
export const allowedHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(255)
  .regex(/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'not a site name like ehr.example.org');

/** The permission pattern that lets Attune see that a tab is on an allow-listed site (and nothing more). */
export function allowedHostPattern(host: string): string {
  return `https://${host}/*`;
}

const presenceSettings = {
  /** The whole presence nudge; off means no cues, no notification and no presence summary. */
  'presence.enabled': setting(z.boolean(), true),
  /** The in-panel cue on return after being away. */
  'presence.awayCue': setting(z.boolean(), true),
  /** How long attention must be elsewhere before it counts as away. */
  'presence.awayThresholdSeconds': setting(z.number().int().min(1).max(600), 20),
  /** The optional system notification while away (needs the optional `notifications` permission). */
  'presence.notifyWhenAway': setting(z.boolean(), false),
  'presence.notifyAfterSeconds': setting(z.number().int().min(30).max(3600), 120),
  /** The periodic presence prompt's interval in minutes; 0 is off. */
  'presence.periodicMinutes': setting(z.literal(PRESENCE_PERIODIC_MINUTES), 0),
  /** Hosts expected during visits (the clinician's EHR…): a tab there does not count as away. */
  'presence.allowedHosts': setting(z.array(allowedHostSchema).max(50), []),
};
// ── end presence nudge ───────────────────────────────────────────────────────────────────────────────────────────

// ── end-of-visit check-in (issue #5) ──────────────────────────────────────────────────────────────────────────────
const checkInSettings = {
  /** Minutes before the planned end of a visit at which the panel offers the check-in. */
  'checkIn.promptMinutesBeforeEnd': setting(z.number().int().min(1).max(60), 5),
  /** The instrument new check-ins use, as `id@version`: Attune's own, or one the practice loaded. */
  'checkIn.instrument': setting(
    z.string().regex(/^[a-z][a-z0-9-]{1,59}@[^@\s]{1,20}$/, 'must be an instrument id and version, as id@version'),
    'attune-brief-check-in@1',
  ),
};
// ── end check-in ─────────────────────────────────────────────────────────────────────────────────────────────────

// ── in-visit panel: planned length and quiet cues (issue #4) ─────────────────────────────────────────────────────
export const MINUTES_LEFT_CUE_OPTIONS = [15, 10, 5] as const;

export const timeCuesSchema = z.object({
  /** A quiet cue when half the planned time has gone. */
  halfway: z.boolean(),
  /** Cues when this many minutes of the planned time are left (e.g. 10 and 5). */
  minutesLeft: z.array(z.number().int().min(1).max(120)).max(6),
  /** A cue when the planned time is up. */
  atEnd: z.boolean(),
});
export type TimeCues = z.infer<typeof timeCuesSchema>;

const visitSettings = {
  /** The planned length offered when a visit starts. */
  'visit.defaultPlannedMinutes': setting(z.number().int().min(5).max(240), DEFAULT_PLANNED_MINUTES),
  'cues.time': setting(timeCuesSchema, { halfway: true, minutesLeft: [10, 5], atEnd: true }),
  /** A cue when the current agenda item runs past its time box. */
  'cues.agendaOverrun': setting(z.boolean(), true),
  /** A reminder at the midpoint when no agenda item has touched any of the client's goals. */
  'cues.goalReminder': setting(z.boolean(), true),
  'cues.snoozeMinutes': setting(z.number().int().min(1).max(30), 5),
};
// ── end in-visit panel ───────────────────────────────────────────────────────────────────────────────────────────

// ── practice deployment (issue #8) ───────────────────────────────────────────────────────────────────────────────
const deploymentSettings = {
  /** Built-in platforms Attune stays off on (by id): no panel there, and no call watching. */
  'platforms.disabled': setting(
    z.array(z.string().refine((id) => platformById(id) !== undefined, 'not a platform Attune knows')).max(20),
    [],
  ),
};
// ── end practice deployment ──────────────────────────────────────────────────────────────────────────────────────
// ── review: retention (issue #7) ──────────────────────────────────────────────────────────────────────────────────
/** Upper bound of the retention period: ten years, more than any record-keeping rule asks a clinician to keep. */
export const RETENTION_MAX_DAYS = 3650;
const retentionSettings = {
  /** Visits that started more than this many days ago are deleted by the background; 0 (the default) keeps everything. */
  'retention.visitDays': setting(z.number().int().min(0).max(RETENTION_MAX_DAYS), 0),
};
// ── end review ───────────────────────────────────────────────────────────────────────────────────────────────────

// ── passphrase lock (issue #9) ───────────────────────────────────────────────────────────────────────────────────
const lockSettings = {
  /** A practice can require the lock: the clinician is asked to set a passphrase and cannot turn the lock off. */
  'lock.required': setting(z.boolean(), false),
  /** Minutes without keyboard or mouse use on the computer after which Attune locks (when the lock is on). */
  'lock.autoLockMinutes': setting(z.number().int().min(1).max(240), 15),
  /** Seconds before an inactivity auto-lock that every open Attune page warns and offers "Stay unlocked" (0: no warning). */
  'lock.warningSeconds': setting(z.number().int().min(0).max(600), 60),
};
// ── end passphrase lock ──────────────────────────────────────────────────────────────────────────────────────────

const definitions = {
  ...visitSettings,
  ...presenceSettings,
  ...checkInSettings,
  ...deploymentSettings,
  ...retentionSettings,
  ...lockSettings,
};

export type SettingKey = keyof typeof definitions;
export type Settings = { [K in SettingKey]: z.infer<(typeof definitions)[K]['schema']> };
export const SETTING_KEYS = Object.keys(definitions) as SettingKey[];

export class InvalidSettingError extends Error {
  override name = 'InvalidSettingError';
}

export function defaultSettings(): Settings {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, definitions[key].default])) as Settings;
}

/** A layer's valid values; invalid ones are left out (so the layer below shows through) and described in `problems`. */
export function validLayer(stored: Record<string, unknown>): { values: Partial<Settings>; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const key of SETTING_KEYS) {
    if (!(key in stored) || stored[key] === undefined) continue;
    const parsed = definitions[key].schema.safeParse(stored[key]);
    if (parsed.success) values[key] = parsed.data;
    else problems.push(`${key}: ${describeIssues(parsed.error)}`);
  }
  return { values: values as Partial<Settings>, problems };
}

/** Defaults, then each layer in order (clinician, then the practice's policy); a later layer wins. */
export function resolveSettings(...layers: Record<string, unknown>[]): Settings {
  const resolved = defaultSettings();
  for (const layer of layers) Object.assign(resolved, validLayer(layer).values);
  return resolved;
}

/**
 * The practice's policy as the browser hands it over (`storage.managed`: Chrome and Edge from the managed schema, Firefox
 * from `3rdparty.Extensions` in its enterprise policies) → the settings it sets and the values it had to ignore, plus what
 * a policy sets beyond settings (utils/practice-extras.ts): the practice's own call hosts and check-in definition. A valid
 * definition is the check-in used, so it sets `checkIn.instrument`. A policy that is not an object is ignored as a whole;
 * keys Attune does not know are passed over.
 */
export function practiceLayer(policy: unknown): { values: Partial<Settings>; problems: string[] } & PracticeExtras {
  if (policy === undefined || policy === null) return { values: {}, problems: [], customHosts: [] };
  if (typeof policy !== 'object' || Array.isArray(policy)) {
    return { values: {}, problems: ['(policy): the practice policy is not a set of named settings'], customHosts: [] };
  }
  const record = policy as Record<string, unknown>;
  const layer = validLayer(record);
  const extras = practiceExtras(record);
  const values: Partial<Settings> = { ...layer.values };
  if (extras.instrument !== undefined) values['checkIn.instrument'] = `${extras.instrument.id}@${extras.instrument.version}`;
  return { values, problems: [...layer.problems, ...extras.problems], customHosts: extras.customHosts, instrument: extras.instrument };
}

/**
 * Every key Attune reads from the practice's policy. Pages read the policy from the background's copy of it
 * (utils/policy-copy.ts: `readPolicyFor`), which is nothing where the browser has no policy store or no policy.
 */
export const POLICY_KEYS: readonly string[] = [...SETTING_KEYS, ...PRACTICE_POLICY_KEYS];


export interface SettingsWithProblems {
  settings: Settings;
  /** The clinician's stored values that were ignored. */
  problems: string[];
  /** The practice policy's values that were ignored, each naming its key. */
  policyProblems: string[];
  /** The settings the practice sets; the clinician cannot change them. */
  lockedKeys: SettingKey[];
  /** The practice's own video-visit hosts (each still needs the clinician's click to allow it). */
  practiceHosts: string[];
  /** The practice's check-in definition, when its policy gives a valid one. */
  practiceInstrument?: PracticeExtras['instrument'];
}

/** The settings in effect now, the stored and policy values that were ignored, and which settings the practice sets. */
export async function readSettingsWithProblems(): Promise<SettingsWithProblems> {
  const [clinician, policy] = await Promise.all([browser.storage.local.get(SETTING_KEYS), readPolicyFor(POLICY_KEYS)]);
  const clinicianLayer = validLayer(clinician);
  const practice = practiceLayer(policy);
  return {
    settings: { ...defaultSettings(), ...clinicianLayer.values, ...practice.values },
    problems: clinicianLayer.problems,
    policyProblems: practice.problems,
    lockedKeys: SETTING_KEYS.filter((key) => key in practice.values),
    practiceHosts: practice.customHosts,
    practiceInstrument: practice.instrument,
  };
}

/** The settings in effect now. */
export async function readSettings(): Promise<Settings> {
  const { settings, problems, policyProblems } = await readSettingsWithProblems();
  if (problems.length > 0) console.warn(`Attune ignored invalid stored settings and used the defaults: ${problems.join('; ')}`);
  if (policyProblems.length > 0) console.warn(`Attune ignored invalid practice policy values: ${policyProblems.join('; ')}`);
  return settings;
}

/**
 * One setting in effect now, as `readSettings` resolves it, reading and validating only that setting: for a check made
 * on every write. (`checkIn.instrument` can also come from the practice's check-in definition: read it with the rest.)
 */
export async function readSetting<K extends Exclude<SettingKey, 'checkIn.instrument'>>(key: K): Promise<Settings[K]> {
  const [clinician, policy] = await Promise.all([browser.storage.local.get(key), readPolicyFor([key])]);
  return resolveSettings(clinician, policy)[key];
}

export class LockedSettingError extends Error {
  override name = 'LockedSettingError';
}

/**
 * Validates and stores the clinician's choice; an invalid value, or a setting the practice sets, throws an error naming
 * the setting and stores nothing.
 */
export async function writeSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
  const definition = definitions[key] as SettingDefinition<z.ZodType> | undefined;
  if (definition === undefined) throw new InvalidSettingError(`"${String(key)}" is not an Attune setting.`);
  const parsed = definition.schema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidSettingError(`The setting "${key}" was not saved: ${describeIssues(parsed.error)}.`);
  }
  if (key in practiceLayer(await readPolicyFor(POLICY_KEYS)).values) {
    throw new LockedSettingError(`The setting "${key}" was not saved: it is set by your practice.`);
  }
  await browser.storage.local.set({ [key]: parsed.data });
}

/** Calls `listener` with the settings in effect whenever the clinician or the practice policy changes one. Returns the unsubscribe. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  return onSettingsChangedWithProblems(({ settings }) => listener(settings));
}

/** As onSettingsChanged, with the ignored values and the practice's locked settings. */
export function onSettingsChangedWithProblems(listener: (loaded: SettingsWithProblems) => void): () => void {
  return onSettingsStored(() => void readSettingsWithProblems().then(listener));
}

/** Calls `listener` as soon as the clinician or the practice policy changes a setting, before anything is read. */
export function onSettingsStored(listener: () => void): () => void {
  const handle = (changes: Record<string, unknown>, area: string) => {
    const clinicianChanged = area === 'local' && SETTING_KEYS.some((key) => key in changes);
    if (clinicianChanged || changedPolicy(changes, area, POLICY_KEYS)) listener();
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
