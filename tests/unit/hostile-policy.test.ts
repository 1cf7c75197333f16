/**
 * The practice's managed policy against generated hostile values (utils/settings.ts policy layer): a value Attune
 * cannot use is ignored — the clinician's choice or the default applies, the setting is not locked — and named in a
 * problem; the rest of the policy still applies, and the clinician's stored settings do not change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { defaultSettings, readSettingsWithProblems, SETTING_KEYS, type SettingKey } from '../../utils/settings';
import { HostileSource } from './hostile-inputs';

const CASES = 1_500;
/** Thousands of cases take seconds; on a loaded machine, many. */
const GENERATED_CASES_TIMEOUT_MS = 120_000;
const SETTING_KEY_NAMES: readonly string[] = SETTING_KEYS;
/**
 * The README's example policy, its settings only: the policy-only keys (`customHosts`, `checkIn.definition`) are no
 * settings and have their own tables of invalid values in settings-practice-deployment.test.ts.
 */
const EXAMPLE_POLICY: Record<string, unknown> = Object.fromEntries(
  Object.entries(
    z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(new URL('../fixtures/policies/example.json', import.meta.url), 'utf8'))),
  ).filter(([key]) => SETTING_KEY_NAMES.includes(key)),
);
const CLINICIAN: Record<string, unknown> = { 'cues.snoozeMinutes': 7, 'presence.enabled': false, 'checkIn.instrument': 'attune-brief-check-in@1' };

/** Browser storage keeps JSON: NaN becomes null, a Date its text, and so on. */
const asStored = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * A value the setting can never take, written independently of the zod schemas: another kind of value altogether, or
 * one of its own kind that no setting's range allows.
 */
function badValue(source: HostileSource, key: SettingKey): unknown {
  const kind = kindOf(defaultSettings()[key]);
  if (source.random() < 0.5) {
    for (;;) {
      const value = asStored(source.value());
      // Storage holds no null or undefined value (setting one removes the key), so those mean "not set".
      if (value !== undefined && value !== null && kindOf(value) !== kind) return value;
    }
  }
  switch (kind) {
    case 'number':
      return source.pick([1.5, -1, -1e9, 1e9, 2 ** 53 + 2, 1e308]);
    case 'string':
      for (;;) {
        const value = source.string();
        if (!value.includes('@')) return value; // every instrument is named id@version
      }
    case 'array':
      return source.pick([
        [''],
        [' '],
        ['<img src=x onerror=alert(1)>'],
        ['https://ehr.example.org'],
        ['ehr example.org'],
        ['*.*'],
        ['ehr.example.org', 42],
        Array.from({ length: 51 }, (_, index) => `site${index}.example.org`),
      ]);
    case 'object':
      return source.pick([
        {},
        { halfway: true },
        { halfway: 'yes', minutesLeft: [], atEnd: true },
        { halfway: true, minutesLeft: [0], atEnd: true },
        { halfway: true, minutesLeft: [10, '5'], atEnd: true },
        { halfway: true, minutesLeft: [1, 2, 3, 4, 5, 6, 7], atEnd: true },
      ]);
    default:
      return source.pick(['true', 1, 0, 'false']);
  }
}

describe('hostile practice policy', () => {
  it('starts from a policy that is valid as a whole (so every problem is the mutation’s doing)', async () => {
    await fakeBrowser.storage.managed.set(EXAMPLE_POLICY);
    const { policyProblems, lockedKeys } = await readSettingsWithProblems();
    expect(policyProblems).toEqual([]);
    expect(lockedKeys.sort()).toEqual(Object.keys(EXAMPLE_POLICY).sort());
  });

  it(`ignores and names ${CASES} generated bad values, keeps the rest of the policy, and changes no stored setting`, async () => {
    await fakeBrowser.storage.local.set(CLINICIAN);
    const source = new HostileSource(0x9011c7);
    for (let index = 0; index < CASES; index += 1) {
      const key = source.pick(SETTING_KEYS);
      const bad = badValue(source, key);
      await fakeBrowser.storage.managed.clear();
      await fakeBrowser.storage.managed.set({ ...EXAMPLE_POLICY, [key]: bad });

      const { settings, policyProblems, lockedKeys } = await readSettingsWithProblems();
      const what = `case ${index}: ${key} = ${String(JSON.stringify(bad)).slice(0, 80)}`;
      expect(policyProblems, what).toEqual([expect.stringMatching(new RegExp(`^${key.replace('.', '\\.')}: `))]);
      expect(lockedKeys, what).not.toContain(key);
      expect(lockedKeys.sort(), what).toEqual(Object.keys(EXAMPLE_POLICY).filter((locked) => locked !== key).sort());
      expect(settings[key], what).toEqual(CLINICIAN[key] ?? defaultSettings()[key]);
    }
    expect(await fakeBrowser.storage.local.get(null)).toEqual(CLINICIAN);
  }, GENERATED_CASES_TIMEOUT_MS);

  it(`ignores ${CASES} generated policies that are not a set of settings at all`, async () => {
    await fakeBrowser.storage.local.set(CLINICIAN);
    const source = new HostileSource(0xbad9);
    for (let index = 0; index < CASES; index += 1) {
      const key = source.pick(SETTING_KEYS);
      const policy = { [source.pick(['__proto__', 'constructor', 'Cues.Time', 'cues.time ', 'presence', ''])]: source.value(), [key]: undefined };
      await fakeBrowser.storage.managed.clear();
      await fakeBrowser.storage.managed.set(policy);
      const { settings, policyProblems, lockedKeys } = await readSettingsWithProblems();
      expect(lockedKeys, `case ${index}`).toEqual([]);
      expect(policyProblems, `case ${index}`).toEqual([]);
      expect(settings, `case ${index}`).toEqual({ ...defaultSettings(), ...CLINICIAN });
    }
    expect(await fakeBrowser.storage.local.get(null)).toEqual(CLINICIAN);
  }, GENERATED_CASES_TIMEOUT_MS);
});
