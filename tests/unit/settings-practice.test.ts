import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  defaultSettings,
  LockedSettingError,
  onSettingsChanged,
  practiceLayer,
  readSettings,
  readSettingsWithProblems,
  SETTING_KEYS,
  writeSetting,
  type Settings,
} from '../../utils/settings';
import { PRACTICE_POLICY_KEYS } from '../../utils/practice-extras';

const root = join(import.meta.dirname, '../..');
const managedSchema = JSON.parse(readFileSync(join(root, 'public/managed_schema.json'), 'utf8')) as {
  type: string;
  properties: Record<string, { type: string; minimum?: number; maximum?: number; enum?: number[]; properties?: object }>;
};
const policyDir = join(root, 'tests/fixtures/policies');
const examplePolicies = readdirSync(policyDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name, JSON.parse(readFileSync(join(policyDir, name), 'utf8')) as Record<string, unknown>] as const);

const setPolicy = (policy: Record<string, unknown>) => fakeBrowser.storage.managed.set(policy);

describe('practice policy layer: defaults ← clinician ← practice', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, Partial<Settings>, string[]]>([
    ['no policy: the clinician’s value', { 'cues.snoozeMinutes': 10 }, {}, { 'cues.snoozeMinutes': 10 }, []],
    ['no clinician value: the practice’s', {}, { 'cues.snoozeMinutes': 15 }, { 'cues.snoozeMinutes': 15 }, ['cues.snoozeMinutes']],
    ['both: the practice wins', { 'cues.snoozeMinutes': 10 }, { 'cues.snoozeMinutes': 15 }, { 'cues.snoozeMinutes': 15 }, ['cues.snoozeMinutes']],
    ['neither: the default', {}, {}, { 'cues.snoozeMinutes': 5 }, []],
    [
      'the practice sets one key, the clinician another',
      { 'presence.awayThresholdSeconds': 60 },
      { 'presence.enabled': false },
      { 'presence.awayThresholdSeconds': 60, 'presence.enabled': false },
      ['presence.enabled'],
    ],
    [
      'a structured value (time cues) from the practice',
      { 'cues.time': { halfway: false, minutesLeft: [], atEnd: false } },
      { 'cues.time': { halfway: true, minutesLeft: [15], atEnd: true } },
      { 'cues.time': { halfway: true, minutesLeft: [15], atEnd: true } },
      ['cues.time'],
    ],
  ])('%s', async (_name, clinician, policy, expected, locked) => {
    await fakeBrowser.storage.local.set(clinician);
    await setPolicy(policy);
    const loaded = await readSettingsWithProblems();
    expect(loaded.settings).toMatchObject(expected);
    expect(loaded.lockedKeys).toEqual(locked);
    expect(loaded.policyProblems).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a wrong type', { 'cues.snoozeMinutes': '10' }, 'cues.snoozeMinutes'],
    ['a number out of range', { 'presence.awayThresholdSeconds': 0 }, 'presence.awayThresholdSeconds'],
    ['a value not offered', { 'presence.periodicMinutes': 7 }, 'presence.periodicMinutes'],
    ['a boolean as a string', { 'presence.enabled': 'false' }, 'presence.enabled'],
    ['an incomplete structure', { 'cues.time': { halfway: true } }, 'cues.time'],
    ['a bad host', { 'presence.allowedHosts': ['https://ehr.example.org/'] }, 'presence.allowedHosts'],
    ['a bad instrument reference', { 'checkIn.instrument': 'PHQ 9' }, 'checkIn.instrument'],
  ])('ignores %s, reports it naming the key, and leaves the clinician’s value in effect', async (_name, policy, key) => {
    await fakeBrowser.storage.local.set({ 'cues.snoozeMinutes': 12, 'presence.awayThresholdSeconds': 45 });
    await setPolicy({ ...policy, 'cues.goalReminder': false });
    const loaded = await readSettingsWithProblems();
    expect(loaded.policyProblems).toHaveLength(1);
    expect(loaded.policyProblems[0]).toMatch(new RegExp(`^${key.replace('.', '\\.')}: `));
    expect(loaded.lockedKeys).toEqual(['cues.goalReminder']);
    expect(loaded.settings['cues.goalReminder']).toBe(false);
    const clinicianOrDefault = { ...defaultSettings(), 'cues.snoozeMinutes': 12, 'presence.awayThresholdSeconds': 45 } as Settings;
    expect(loaded.settings[key as keyof Settings]).toEqual(clinicianOrDefault[key as keyof Settings]);
  });

  it('passes over keys that are not settings without a problem or a lock', async () => {
    await setPolicy({ customHosts: ['clinic.example.com'], 'cues.unknown': true, 'cues.snoozeMinutes': 3 });
    const loaded = await readSettingsWithProblems();
    expect(loaded.lockedKeys).toEqual(['cues.snoozeMinutes']);
    expect(loaded.policyProblems).toEqual([]);
    expect(loaded.settings).not.toHaveProperty('customHosts');
  });

  it.each<[string, unknown, number]>([
    ['nothing', undefined, 0],
    ['null', null, 0],
    ['a string', 'cues.snoozeMinutes=5', 1],
    ['a number', 5, 1],
    ['a list', [{ 'cues.snoozeMinutes': 5 }], 1],
    ['an empty object', {}, 0],
  ])('a policy that is %s sets nothing', (_name, policy, problems) => {
    const layer = practiceLayer(policy);
    expect(layer.values).toEqual({});
    expect(layer.problems).toHaveLength(problems);
  });

  it('means no policy when the browser has no managed storage or it throws', async () => {
    await fakeBrowser.storage.local.set({ 'cues.snoozeMinutes': 10 });
    const managed = fakeBrowser.storage.managed;
    vi.spyOn(managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readSettingsWithProblems()).toMatchObject({
      settings: { 'cues.snoozeMinutes': 10 },
      lockedKeys: [],
      policyProblems: [],
    });
    Object.defineProperty(fakeBrowser.storage, 'managed', { value: undefined, configurable: true });
    try {
      expect((await readSettingsWithProblems()).lockedKeys).toEqual([]);
    } finally {
      Object.defineProperty(fakeBrowser.storage, 'managed', { value: managed, configurable: true });
    }
  });

  it('warns about ignored policy values when reading, without failing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await setPolicy({ 'cues.snoozeMinutes': 99 });
    expect((await readSettings())['cues.snoozeMinutes']).toBe(5);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('cues.snoozeMinutes'));
  });
});

describe('settings the practice sets cannot be written', () => {
  it.each<[keyof Settings, unknown]>([
    ['cues.snoozeMinutes', 10],
    ['presence.enabled', false],
    ['presence.allowedHosts', ['ehr.example.org']],
  ])('refuses %s, naming it, and leaves storage unchanged', async (key, value) => {
    await fakeBrowser.storage.local.set({ [key]: defaultSettings()[key] });
    await setPolicy({ [key]: defaultSettings()[key] });
    const before = await fakeBrowser.storage.local.get(null);
    const write = writeSetting(key, value as never);
    await expect(write).rejects.toThrow(LockedSettingError);
    await expect(write).rejects.toThrow(`"${key}"`);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('still writes a key the practice does not set, and one whose policy value was invalid', async () => {
    await setPolicy({ 'cues.snoozeMinutes': 10, 'presence.awayThresholdSeconds': 'soon' });
    await writeSetting('cues.goalReminder', false);
    await writeSetting('presence.awayThresholdSeconds', 30);
    expect(await fakeBrowser.storage.local.get(['cues.goalReminder', 'presence.awayThresholdSeconds'])).toEqual({
      'cues.goalReminder': false,
      'presence.awayThresholdSeconds': 30,
    });
  });

  it('tells listeners when the practice policy changes', async () => {
    const listener = vi.fn();
    const stop = onSettingsChanged(listener);
    await setPolicy({ 'cues.snoozeMinutes': 20 });
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith(expect.objectContaining({ 'cues.snoozeMinutes': 20 })));
    stop();
  });
});

describe('the managed-storage schema and the example policies', () => {
  it('declares exactly Attune’s settings and the practice-only keys, as Chrome expects (an object of typed properties)', () => {
    expect(managedSchema.type).toBe('object');
    expect(Object.keys(managedSchema.properties).sort()).toEqual([...SETTING_KEYS, ...PRACTICE_POLICY_KEYS].sort());
    for (const property of Object.values(managedSchema.properties)) {
      expect(['boolean', 'integer', 'string', 'array', 'object']).toContain(property.type);
    }
  });

  it('declares each setting’s type as Attune validates it', () => {
    const defaults = defaultSettings();
    for (const key of SETTING_KEYS) {
      const declared = managedSchema.properties[key]!.type;
      const value = defaults[key];
      const actual = Array.isArray(value) ? 'array' : typeof value === 'number' ? 'integer' : typeof value;
      expect(`${key}: ${declared}`).toBe(`${key}: ${actual}`);
    }
  });

  it.each(Object.entries(managedSchema.properties).filter(([, p]) => p.minimum !== undefined || p.enum !== undefined))(
    'declares the same range or choices for %s as Attune accepts',
    (key, property) => {
      const accepts = (value: unknown) => practiceLayer({ [key]: value }).problems.length === 0;
      if (property.enum !== undefined) {
        for (const value of property.enum) expect(accepts(value)).toBe(true);
        expect(accepts(Math.max(...property.enum) + 1)).toBe(false);
      } else {
        expect([accepts(property.minimum), accepts(property.maximum)]).toEqual([true, true]);
        expect([accepts(property.minimum! - 1), accepts(property.maximum! + 1)]).toEqual([false, false]);
      }
    },
  );

  it.each(examplePolicies)('the README’s example policy %s uses only declared keys and is valid', (_name, policy) => {
    for (const key of Object.keys(policy)) expect(Object.keys(managedSchema.properties)).toContain(key);
    const layer = practiceLayer(policy);
    expect(layer.problems).toEqual([]);
    // Every key takes effect: settings as values, the practice's hosts and its definition (which sets the instrument).
    const settingKeys = Object.keys(policy).filter((key) => !(PRACTICE_POLICY_KEYS as readonly string[]).includes(key));
    expect(Object.keys(layer.values).sort()).toEqual(
      [...settingKeys, ...('checkIn.definition' in policy ? ['checkIn.instrument'] : [])].sort(),
    );
    if ('customHosts' in policy) expect(layer.customHosts).toEqual(policy.customHosts);
    if ('checkIn.definition' in policy) expect(layer.instrument).toBeDefined();
  });
});

describe('the README’s “For practices” examples', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## For practices');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const blocks = [...section.matchAll(/```(json|reg)\n([\s\S]*?)```/g)].map((match) => ({ lang: match[1]!, text: match[2]! }));
  const example = Object.fromEntries(examplePolicies)['example.json'];

  /** A .reg file's values under Attune's policy key, read the way Chrome's registry loader converts them with the schema. */
  function fromRegistry(text: string): Record<string, unknown> {
    expect(text).toMatch(/^\[HKEY_LOCAL_MACHINE\\Software\\Policies\\(Google\\Chrome|Microsoft\\Edge)\\3rdparty\\extensions\\EXTENSION_ID\\policy\]$/m);
    const values: Record<string, unknown> = {};
    for (const [, key, dword, string] of text.matchAll(/^"([^"]+)"=(?:dword:([0-9a-f]{8})|"((?:[^"\\]|\\.)*)")$/gm)) {
      const type = managedSchema.properties[key!]?.type;
      if (dword !== undefined) values[key!] = type === 'boolean' ? parseInt(dword, 16) !== 0 : parseInt(dword, 16);
      else {
        const unescaped = string!.replace(/\\(.)/g, '$1');
        values[key!] = type === 'array' || type === 'object' ? JSON.parse(unescaped) : unescaped;
      }
    }
    return values;
  }

  /** The extension's policy inside each JSON shape: Chrome's Linux file, Firefox's policies.json, or the Admin console's. */
  function fromJson(text: string): Record<string, unknown> {
    const parsed = JSON.parse(text) as Record<string, any>;
    if ('policies' in parsed) return parsed.policies['3rdparty'].Extensions['attune@attune-care.org'];
    if ('3rdparty' in parsed) return parsed['3rdparty'].extensions.EXTENSION_ID;
    return Object.fromEntries(Object.entries(parsed).map(([key, wrapped]) => [key, (wrapped as { Value: unknown }).Value]));
  }

  it('has the five examples: two registries, the Linux file, the Admin console and Firefox', () => {
    expect(blocks.map((block) => block.lang)).toEqual(['reg', 'reg', 'json', 'json', 'json']);
  });

  it.each(blocks.map((block, index) => [index + 1, block] as const))('example %i holds the example policy', (_index, block) => {
    const policy = block.lang === 'reg' ? fromRegistry(block.text) : fromJson(block.text);
    expect(policy).toEqual(example);
    expect(practiceLayer(policy).problems).toEqual([]);
  });
});
