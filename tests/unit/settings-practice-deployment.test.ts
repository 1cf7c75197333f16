import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ATTUNE_CHECK_IN } from '../../utils/checkin/instrument';
import { activeInstrument, loadInstrument, loadedInstruments } from '../../utils/db/instruments';
import { isPlatformOff, LAST_POLICY_KEY, lastPolicy } from '../../utils/platform-switch';
import { platforms } from '../../utils/platforms';
import { readSettingsWithProblems, writeSetting, LockedSettingError } from '../../utils/settings';
import { practiceInstrument } from './checkin-fixtures';

const root = join(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(join(root, 'public/managed_schema.json'), 'utf8')) as {
  properties: Record<string, { items?: { enum?: string[] } }>;
};
const DEFINITION = practiceInstrument();
const DEFINITION_JSON = JSON.stringify(DEFINITION);

describe('the practice turns platforms off (platforms.disabled)', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, string[], boolean]>([
    ['the clinician’s own choice', { 'platforms.disabled': ['zoom'] }, {}, ['zoom'], false],
    ['the practice’s list wins', { 'platforms.disabled': ['zoom'] }, { 'platforms.disabled': ['teams', 'vsee'] }, ['teams', 'vsee'], true],
    ['the practice may turn none off', { 'platforms.disabled': ['zoom'] }, { 'platforms.disabled': [] }, [], true],
    ['an unknown platform: the practice’s list is ignored', { 'platforms.disabled': ['zoom'] }, { 'platforms.disabled': ['zoom', 'skype'] }, ['zoom'], false],
    ['not a list: ignored', {}, { 'platforms.disabled': 'zoom' }, [], false],
  ])('%s', async (_name, clinician, policy, expected, locked) => {
    await fakeBrowser.storage.local.set(clinician);
    await fakeBrowser.storage.managed.set(policy);
    const loaded = await readSettingsWithProblems();
    expect(loaded.settings['platforms.disabled']).toEqual(expected);
    expect(loaded.lockedKeys.includes('platforms.disabled')).toBe(locked);
    const invalid = loaded.policyProblems.filter((problem) => problem.startsWith('platforms.disabled: '));
    expect(invalid).toHaveLength(policy['platforms.disabled'] === undefined || locked ? 0 : 1);
    // The content script's small check (no zod) comes to the same answer for every platform.
    for (const platform of platforms) {
      expect(`${platform.id}: ${isPlatformOff(platform.id, clinician, policy)}`).toBe(`${platform.id}: ${expected.includes(platform.id)}`);
      // …and so does the call page's reading of the policy as the background last stored it, which is what it decides from.
      const stored = { ...clinician, [LAST_POLICY_KEY]: policy };
      expect(`${platform.id}: ${isPlatformOff(platform.id, stored, lastPolicy(stored))}`).toBe(`${platform.id}: ${expected.includes(platform.id)}`);
    }
  });

  it('refuses the clinician’s change when the practice sets the list', async () => {
    await fakeBrowser.storage.managed.set({ 'platforms.disabled': ['zoom'] });
    await expect(writeSetting('platforms.disabled', [])).rejects.toThrow(LockedSettingError);
    await expect(writeSetting('platforms.disabled', ['nope'])).rejects.toThrow('"platforms.disabled"');
  });

  it('offers the managed schema exactly the platforms Attune has', () => {
    expect(schema.properties['platforms.disabled']?.items?.enum).toEqual(platforms.map((platform) => platform.id));
  });
});

describe('the practice’s own video-visit hosts (customHosts)', () => {
  it.each<[string, unknown, string[], string | undefined]>([
    ['host names', ['clinic.example.com', 'video.example.org'], ['clinic.example.com', 'video.example.org'], undefined],
    ['a link instead of a host', ['https://clinic.example.com/'], [], 'customHosts: 0: not a host name like clinic.example.com'],
    ['a built-in platform', ['clinic.example.com', 'meet.google.com'], [], 'customHosts: meet.google.com: already a built-in platform'],
    ['not a list', 'clinic.example.com', [], 'customHosts: (value): '],
  ])('%s', async (_name, hosts, expected, problem) => {
    await fakeBrowser.storage.managed.set({ customHosts: hosts, 'cues.snoozeMinutes': 10 });
    const loaded = await readSettingsWithProblems();
    expect(loaded.practiceHosts).toEqual(expected);
    if (problem === undefined) expect(loaded.policyProblems).toEqual([]);
    else expect(loaded.policyProblems).toEqual([expect.stringContaining(problem)]);
    // Hosts are not a setting: nothing is locked by them, and the rest of the policy still applies.
    expect(loaded.lockedKeys).toEqual(['cues.snoozeMinutes']);
  });
});

describe('the practice’s check-in definition (checkIn.definition)', () => {
  it.each<[string, unknown, string | undefined, string | undefined]>([
    ['as a string holding its JSON (Chrome, Edge)', DEFINITION_JSON, 'practice-measure@2', undefined],
    ['as the object itself (Firefox)', DEFINITION, 'practice-measure@2', undefined],
    ['not JSON', '{"id": "practice-measure",', undefined, 'checkIn.definition: is not valid JSON'],
    ['missing its items', JSON.stringify({ ...DEFINITION, items: [] }), undefined, 'checkIn.definition: items: '],
    ['a rule outside the scale', JSON.stringify({ ...DEFINITION, rules: { ...(DEFINITION.rules as object), itemBelow: 9 } }), undefined, 'checkIn.definition: rules.itemBelow: must be above 1 and at most 7'],
    ['wording borrowed from Attune’s translations', JSON.stringify({ ...DEFINITION, title: { key: 'checkInInstrumentTitle' } }), undefined, 'checkIn.definition: title: must be the practice’s own text'],
    ['the id of Attune’s own check-in', JSON.stringify({ ...DEFINITION, id: ATTUNE_CHECK_IN.id }), undefined, 'checkIn.definition: id: "attune-brief-check-in" belongs to a check-in that ships with Attune'],
  ])('%s', async (_name, definition, instrumentKey, problem) => {
    await fakeBrowser.storage.local.set({ 'checkIn.instrument': 'attune-brief-check-in@1' });
    await fakeBrowser.storage.managed.set({ 'checkIn.definition': definition });
    const loaded = await readSettingsWithProblems();
    if (instrumentKey !== undefined) {
      expect(loaded.settings['checkIn.instrument']).toBe(instrumentKey);
      expect(loaded.lockedKeys).toEqual(['checkIn.instrument']);
      expect(loaded.practiceInstrument?.title).toEqual({ text: 'Practice measure' });
      expect(loaded.policyProblems).toEqual([]);
    } else {
      expect(loaded.settings['checkIn.instrument']).toBe('attune-brief-check-in@1');
      expect(loaded.lockedKeys).toEqual([]);
      expect(loaded.practiceInstrument).toBeUndefined();
      expect(loaded.policyProblems).toEqual([expect.stringContaining(problem!)]);
    }
  });

  it('wins over an instrument the policy names by id, since the practice gave the definition itself', async () => {
    await fakeBrowser.storage.managed.set({ 'checkIn.instrument': 'attune-brief-check-in@1', 'checkIn.definition': DEFINITION_JSON });
    expect((await readSettingsWithProblems()).settings['checkIn.instrument']).toBe('practice-measure@2');
  });

  it('is the instrument new check-ins use, stored on first use so past check-ins stay readable', async () => {
    await fakeBrowser.storage.managed.set({ 'checkIn.definition': DEFINITION_JSON });
    const { settings } = await readSettingsWithProblems();
    const active = await activeInstrument(settings['checkIn.instrument']);
    expect(active.problem).toBeUndefined();
    expect(active.instrument.id).toBe('practice-measure');
    expect((await loadedInstruments()).map((instrument) => `${instrument.id}@${instrument.version}`)).toEqual(['practice-measure@2']);
  });

  it('falls back to Attune’s own check-in, saying why, when a different definition was loaded under the same version', async () => {
    await loadInstrument(practiceInstrument({ title: { text: 'Earlier wording' } }), 1);
    await fakeBrowser.storage.managed.set({ 'checkIn.definition': DEFINITION_JSON });
    const active = await activeInstrument('practice-measure@2');
    expect(active.instrument.id).toBe(ATTUNE_CHECK_IN.id);
    expect(active.problem).toMatch(/already loaded with different content; give the changed definition a new version/);
  });
});
