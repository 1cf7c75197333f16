import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLINICIAN_SETTINGS_KEY, DEFAULT_SETTINGS, loadSettings, readLayer, resolveSettings, saveClinicianSettings } from '../../utils/settings';

describe('settings layers', () => {
  it('are Attune’s defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, clinician: {}, problems: [] });
    expect(DEFAULT_SETTINGS.defaultPlannedMinutes).toBe(45);
    expect(DEFAULT_SETTINGS.timeCues).toEqual({ halfway: true, minutesLeft: [10, 5], atEnd: true });
  });

  it('let a later layer win field by field (defaults ← clinician ← practice)', () => {
    const clinician = { defaultPlannedMinutes: 53, snoozeMinutes: 3 };
    const practice = { defaultPlannedMinutes: 60 };
    expect(resolveSettings(clinician, practice)).toEqual({ ...DEFAULT_SETTINGS, defaultPlannedMinutes: 60, snoozeMinutes: 3 });
  });

  it.each([
    ['a bad field is ignored, named, and the rest kept', { defaultPlannedMinutes: 2, snoozeMinutes: 10 }, { snoozeMinutes: 10 }, [['defaultPlannedMinutes', /Too small/i]]],
    ['a malformed nested value is ignored whole', { timeCues: { halfway: 'yes' } }, {}, [['timeCues', /^halfway:/]]],
    ['unknown fields are not settings', { volume: 11 }, {}, []],
    ['a layer that is not an object is ignored', 'loud', {}, [['*', /found string/]]],
    ['no layer at all is fine', undefined, {}, []],
  ] as const)('%s', (_description, stored, layer, problems) => {
    const read = readLayer(stored);
    expect(read.layer).toEqual(layer);
    expect(read.problems.map((problem) => problem.setting)).toEqual(problems.map(([setting]) => setting));
    problems.forEach(([, reason], index) => expect(read.problems[index]?.reason).toMatch(reason));
  });

  it('save the clinician’s changes on top of their earlier ones', async () => {
    await saveClinicianSettings({ defaultPlannedMinutes: 53 });
    const saved = await saveClinicianSettings({ timeCues: { halfway: false, minutesLeft: [5], atEnd: true } });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, defaultPlannedMinutes: 53, timeCues: { halfway: false, minutesLeft: [5], atEnd: true } });
    expect((await loadSettings()).settings).toEqual(saved);
  });

  it.each([
    [{ defaultPlannedMinutes: 500 }, /defaultPlannedMinutes/],
    [{ snoozeMinutes: 0 }, /snoozeMinutes/],
    [{ loudness: 3 } as never, /Unrecognized key/i],
  ])('refuse a bad change with a reason and store nothing (%o)', async (change, reason) => {
    await expect(saveClinicianSettings(change)).rejects.toThrow(reason);
    expect(await fakeBrowser.storage.local.get(CLINICIAN_SETTINGS_KEY)).toEqual({});
  });

  it('report a damaged stored value and fall back to the default for it', async () => {
    await fakeBrowser.storage.local.set({ [CLINICIAN_SETTINGS_KEY]: { defaultPlannedMinutes: 'long', goalReminder: false } });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, goalReminder: false });
    expect(loaded.problems).toEqual([{ setting: 'defaultPlannedMinutes', reason: expect.stringMatching(/number/) }]);
  });
});
