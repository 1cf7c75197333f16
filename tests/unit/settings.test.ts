import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLINICIAN_SETTINGS_KEY, DEFAULT_SETTINGS, loadSettings, resolveSettings, saveClinicianSetting } from '../../utils/settings';

describe('settings', () => {
  it.each([
    ['nothing stored', [undefined], 5, []],
    ['the clinician chose 8 minutes', [{ 'checkIn.promptMinutesBeforeEnd': 8 }], 8, []],
    ['a later layer wins', [{ 'checkIn.promptMinutesBeforeEnd': 8 }, { 'checkIn.promptMinutesBeforeEnd': 3 }], 3, []],
    ['an invalid value is ignored and reported', [{ 'checkIn.promptMinutesBeforeEnd': 0 }], 5, ['checkIn.promptMinutesBeforeEnd: (value): Too small: expected number to be >=1']],
    ['a fraction is ignored', [{ 'checkIn.promptMinutesBeforeEnd': 2.5 }], 5, ['checkIn.promptMinutesBeforeEnd: (value): Invalid input: expected int, received number']],
    ['a layer that is not an object', ['five'], 5, ['(settings): must be an object']],
    ['unknown keys are left alone', [{ 'other.key': 1 }], 5, []],
    ['a malformed instrument choice is ignored, the rest applies', [{ 'checkIn.instrument': 'SRS', 'checkIn.promptMinutesBeforeEnd': 4 }], 4, ['checkIn.instrument: (value): must be an instrument id and version, as id@version']],
  ])('%s', (_case, layers, minutes, problems) => {
    const resolved = resolveSettings(layers);
    expect(resolved.settings['checkIn.promptMinutesBeforeEnd']).toBe(minutes);
    expect(resolved.problems).toEqual(problems);
  });

  it('saves a clinician value to extension storage and reads it back', async () => {
    await saveClinicianSetting('checkIn.promptMinutesBeforeEnd', 7);
    expect((await loadSettings()).settings['checkIn.promptMinutesBeforeEnd']).toBe(7);
    expect(await fakeBrowser.storage.local.get(CLINICIAN_SETTINGS_KEY)).toEqual({ [CLINICIAN_SETTINGS_KEY]: { 'checkIn.promptMinutesBeforeEnd': 7 } });
  });

  it('refuses an invalid value with the reason and changes nothing', async () => {
    await saveClinicianSetting('checkIn.promptMinutesBeforeEnd', 7);
    await expect(saveClinicianSetting('checkIn.promptMinutesBeforeEnd', 99)).rejects.toThrow('checkIn.promptMinutesBeforeEnd: (value): Too big');
    expect((await loadSettings()).settings['checkIn.promptMinutesBeforeEnd']).toBe(7);
    expect(DEFAULT_SETTINGS['checkIn.promptMinutesBeforeEnd']).toBe(5);
  });
});
