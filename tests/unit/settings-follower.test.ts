import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followSettings } from '../../utils/settings-follower';
import { LockedSettingError, type SettingsWithProblems } from '../../utils/settings';

describe('following settings while the clinician’s change is saved', () => {
  it('never shows a reload that began before the change, and shows the saved value once it is stored', async () => {
    const shown: SettingsWithProblems[] = [];
    const follower = followSettings((loaded) => shown.push(loaded));
    // A change made elsewhere (another page) starts a reload that reads storage before the clinician's write lands.
    const elsewhere = fakeBrowser.storage.local.set({ 'cues.snoozeMinutes': 10 });
    const saved = follower.save({ 'cues.goalReminder': false });
    await Promise.all([elsewhere, saved]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const afterSaveBegan = shown.map((loaded) => loaded.settings['cues.goalReminder']);
    expect(afterSaveBegan).not.toContain(true);
    expect(shown.at(-1)?.settings).toMatchObject({ 'cues.goalReminder': false, 'cues.snoozeMinutes': 10 });
    follower.stop();
  });

  it('shows changes made elsewhere when nothing is being saved', async () => {
    const show = vi.fn();
    const follower = followSettings(show);
    await fakeBrowser.storage.local.set({ 'cues.snoozeMinutes': 20 });
    await vi.waitFor(() => expect(show).toHaveBeenCalledWith(expect.objectContaining({ settings: expect.objectContaining({ 'cues.snoozeMinutes': 20 }) })));
    follower.stop();
  });

  it('rejects a refused change naming the setting, stores nothing, and shows the value in effect again', async () => {
    await fakeBrowser.storage.managed.set({ 'cues.snoozeMinutes': 15 });
    const shown: SettingsWithProblems[] = [];
    const follower = followSettings((loaded) => shown.push(loaded));
    await expect(follower.save({ 'cues.snoozeMinutes': 3 })).rejects.toThrow(LockedSettingError);
    expect(await fakeBrowser.storage.local.get('cues.snoozeMinutes')).toEqual({});
    expect(shown.at(-1)?.settings['cues.snoozeMinutes']).toBe(15);
    follower.stop();
  });
});
