import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  allowedHostPattern,
  allowedHostSchema,
  defaultSettings,
  InvalidSettingError,
  onSettingsChanged,
  readSetting,
  readSettings,
  resolveSettings,
  writeSetting,
  type Settings,
} from '../../utils/settings';

describe('settings', () => {
  it('ships quiet defaults: the return cue on, notification and periodic prompts off', () => {
    expect(defaultSettings()).toEqual({
      'visit.defaultPlannedMinutes': 45,
      'cues.time': { halfway: true, minutesLeft: [10, 5], atEnd: true },
      'cues.agendaOverrun': true,
      'cues.goalReminder': true,
      'cues.snoozeMinutes': 5,
      'presence.enabled': true,
      'presence.awayCue': true,
      'presence.awayThresholdSeconds': 20,
      'presence.notifyWhenAway': false,
      'presence.notifyAfterSeconds': 120,
      'presence.periodicMinutes': 0,
      'presence.allowedHosts': [],
      'checkIn.promptMinutesBeforeEnd': 5,
      'checkIn.instrument': 'attune-brief-check-in@1',
      'platforms.disabled': [],
      'retention.visitDays': 0,
      'lock.required': false,
      'lock.autoLockMinutes': 15,
      'lock.warningSeconds': 60,
    });
  });

  it('keeps every key in a namespace', () => {
    for (const key of Object.keys(defaultSettings())) expect(key).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
  });

  it('resolves layers in order, a later layer winning, and ignores what fails validation', () => {
    const clinician = { 'presence.awayThresholdSeconds': 30, 'presence.periodicMinutes': 15, unrelated: 'x' };
    const practice = { 'presence.periodicMinutes': 0, 'presence.awayThresholdSeconds': -4 };
    expect(resolveSettings(clinician, practice)).toMatchObject({
      'presence.awayThresholdSeconds': 30,
      'presence.periodicMinutes': 0,
    });
  });

  it('reads the clinician’s stored values over the defaults, and says which stored values it ignored', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ 'presence.enabled': false, 'presence.periodicMinutes': 7 });
    const settings = await readSettings();
    expect(settings['presence.enabled']).toBe(false);
    expect(settings['presence.periodicMinutes']).toBe(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('presence.periodicMinutes'));
  });

  it('reads one setting exactly as the whole settings resolve it: the practice over the clinician, bad values ignored', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ 'lock.autoLockMinutes': 30 });
    expect(await readSetting('lock.autoLockMinutes')).toBe(30);
    await fakeBrowser.storage.managed.set({ 'lock.autoLockMinutes': 20, 'lock.required': true });
    expect(await readSetting('lock.autoLockMinutes')).toBe(20);
    expect(await readSetting('lock.required')).toBe(true);
    await fakeBrowser.storage.managed.set({ 'lock.autoLockMinutes': 'twenty' });
    await fakeBrowser.storage.local.set({ 'lock.warningSeconds': -5 });
    const all = await readSettings();
    expect(await readSetting('lock.autoLockMinutes')).toBe(30);
    expect(await readSetting('lock.warningSeconds')).toBe(60);
    expect([all['lock.autoLockMinutes'], all['lock.warningSeconds']]).toEqual([30, 60]);
    warn.mockRestore();
  });

  it('stores a valid choice under its key', async () => {
    await writeSetting('presence.periodicMinutes', 10);
    expect(await fakeBrowser.storage.local.get('presence.periodicMinutes')).toEqual({ 'presence.periodicMinutes': 10 });
  });

  it.each<[string, keyof Settings, unknown]>([
    ['a periodic interval not offered', 'presence.periodicMinutes', 12],
    ['a negative threshold', 'presence.awayThresholdSeconds', -1],
    ['a host that is a URL', 'presence.allowedHosts', ['https://ehr.example.org/']],
  ])('refuses %s with an error naming the setting, and stores nothing', async (_what, key, value) => {
    // @ts-expect-error -- deliberately the wrong type, as a damaged caller would send it.
    const writing = writeSetting(key, value);
    await expect(writing).rejects.toBeInstanceOf(InvalidSettingError);
    await expect(writing).rejects.toThrow(key);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('tells listeners about changes to settings, not to other keys', async () => {
    const seen: Settings[] = [];
    const stop = onSettingsChanged((settings) => seen.push(settings));
    await fakeBrowser.storage.local.set({ panelExpanded: true });
    await writeSetting('presence.awayCue', false);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]?.['presence.awayCue']).toBe(false);
    stop();
  });
});

describe('allow-listed sites', () => {
  it.each([
    ['ehr.example.org', 'ehr.example.org'],
    ['  EHR.Example.org ', 'ehr.example.org'],
    ['*.clinic.example', '*.clinic.example'],
  ])('accepts %j as %j', (input, expected) => {
    expect(allowedHostSchema.parse(input)).toBe(expected);
  });

  it.each(['https://ehr.example.org', 'ehr', 'ehr.example.org/path', '*.', 'ehr..org', 'e hr.org', ''])(
    'refuses %j',
    (input) => {
      expect(allowedHostSchema.safeParse(input).success).toBe(false);
    },
  );

  it('asks for exactly the listed site', () => {
    expect(allowedHostPattern('ehr.example.org')).toBe('https://ehr.example.org/*');
    expect(allowedHostPattern('*.clinic.example')).toBe('https://*.clinic.example/*');
  });

  describe('check-in settings', () => {
    it.each([
      ['nothing stored', [{}], 5],
      ['the clinician chose 8 minutes', [{ 'checkIn.promptMinutesBeforeEnd': 8 }], 8],
      ['a later layer wins', [{ 'checkIn.promptMinutesBeforeEnd': 8 }, { 'checkIn.promptMinutesBeforeEnd': 3 }], 3],
      ['zero is ignored', [{ 'checkIn.promptMinutesBeforeEnd': 0 }], 5],
      ['a fraction is ignored', [{ 'checkIn.promptMinutesBeforeEnd': 2.5 }], 5],
      ['a malformed instrument choice is ignored, the rest applies', [{ 'checkIn.instrument': 'SRS', 'checkIn.promptMinutesBeforeEnd': 4 }], 4],
    ])('%s', (_case, layers, minutes) => {
      const resolved = resolveSettings(...layers);
      expect(resolved['checkIn.promptMinutesBeforeEnd']).toBe(minutes);
      expect(resolved['checkIn.instrument']).toBe('attune-brief-check-in@1');
    });

    it('saves a clinician value, reads it back, and refuses an invalid one naming it', async () => {
      await writeSetting('checkIn.promptMinutesBeforeEnd', 7);
      expect((await readSettings())['checkIn.promptMinutesBeforeEnd']).toBe(7);
      await expect(writeSetting('checkIn.promptMinutesBeforeEnd', 99)).rejects.toThrow(/checkIn\.promptMinutesBeforeEnd/);
      expect((await readSettings())['checkIn.promptMinutesBeforeEnd']).toBe(7);
    });
  });

  describe('in-visit cue settings', () => {
    it.each([
      ['a chosen default length applies', { 'visit.defaultPlannedMinutes': 53 }, 'visit.defaultPlannedMinutes', 53],
      ['a default length out of range is ignored', { 'visit.defaultPlannedMinutes': 2 }, 'visit.defaultPlannedMinutes', 45],
      ['time cues can all be turned off', { 'cues.time': { halfway: false, minutesLeft: [], atEnd: false } }, 'cues.time', { halfway: false, minutesLeft: [], atEnd: false }],
      ['time cues missing a part are ignored whole', { 'cues.time': { halfway: false } }, 'cues.time', { halfway: true, minutesLeft: [10, 5], atEnd: true }],
      ['a snooze of an hour is ignored', { 'cues.snoozeMinutes': 60 }, 'cues.snoozeMinutes', 5],
    ] as const)('%s', (_case, layer, key, expected) => {
      expect(resolveSettings(layer)[key]).toEqual(expected);
    });
  });
});
