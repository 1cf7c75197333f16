import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followSettings } from '../../utils/settings-follower';
import { defaultSettings, LockedSettingError, type SettingsWithProblems } from '../../utils/settings';

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
  it('shows a change at once, and a second change made while the first saves is never undone on screen', async () => {
    const shown: SettingsWithProblems[] = [];
    const follower = followSettings((loaded) => shown.push(loaded));
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    const first = follower.save({ 'visit.defaultPlannedMinutes': 53 });
    expect(shown.at(-1)?.settings['visit.defaultPlannedMinutes']).toBe(53);
    const from = shown.length;
    const second = follower.save({ 'cues.goalReminder': false });
    await Promise.all([first, second]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const afterSecond = shown.slice(from).map(({ settings }) => [settings['visit.defaultPlannedMinutes'], settings['cues.goalReminder']]);
    expect(afterSecond.length).toBeGreaterThan(0);
    expect(afterSecond.filter(([minutes, goals]) => minutes !== 53 || goals !== false)).toEqual([]);
    follower.stop();
  });

  it('a change made before the first read arrives is shown on what the page showed, and that older read is dropped', async () => {
    await fakeBrowser.storage.local.set({ 'cues.snoozeMinutes': 10 });
    const shown: SettingsWithProblems[] = [];
    const showing = { settings: defaultSettings(), problems: [], policyProblems: [], lockedKeys: [], practiceHosts: [] };
    // The first read takes its values from storage now, and arrives only after the change is saved.
    const read = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementationOnce(async (keys) => {
      const before = await read(keys);
      await arrived;
      return before;
    });
    const follower = followSettings((loaded) => shown.push(loaded), { showing });
    await follower.save({ 'cues.agendaOverrun': false });
    arrive();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shown[0]?.settings['cues.agendaOverrun']).toBe(false);
    expect(shown.filter(({ settings }) => settings['cues.agendaOverrun'])).toEqual([]);
    expect(shown.at(-1)?.settings).toMatchObject({ 'cues.agendaOverrun': false, 'cues.snoozeMinutes': 10 });
    follower.stop();
  });

  it('with one setting of a change refused, the others are shown as chosen until stored, never their old values', async () => {
    await fakeBrowser.storage.managed.set({ 'cues.snoozeMinutes': 15 });
    const shown: SettingsWithProblems[] = [];
    const follower = followSettings((loaded) => shown.push(loaded));
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    // The clinician's own setting is written slowly; the practice's is refused at once.
    const write = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let land = () => {};
    const landed = new Promise<void>((resolve) => (land = resolve));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementationOnce(async (items) => {
      await landed;
      return write(items);
    });
    const from = shown.length;
    const saved = follower.save({ 'cues.goalReminder': false, 'cues.snoozeMinutes': 3 });
    saved.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 10));
    land();
    await expect(saved).rejects.toThrow(LockedSettingError);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(shown.slice(from).map(({ settings }) => settings['cues.goalReminder'])).not.toContain(true);
    expect(shown.at(-1)?.settings).toMatchObject({ 'cues.goalReminder': false, 'cues.snoozeMinutes': 15 });
    follower.stop();
  });

  it('with a change refused and the closing read failing too, the refused control shows its value from before again', async () => {
    await fakeBrowser.storage.managed.set({ 'cues.snoozeMinutes': 15 });
    const shown: SettingsWithProblems[] = [];
    const follower = followSettings((loaded) => shown.push(loaded));
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    // Every read fails from now until the save has settled, its closing read included.
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage is unavailable'));
    const saved = follower.save({ 'cues.goalReminder': false, 'cues.snoozeMinutes': 3 });
    expect(shown.at(-1)?.settings['cues.snoozeMinutes']).toBe(3);
    await expect(saved).rejects.toThrow(LockedSettingError);
    reads.mockRestore();
    // The accepted change stays as chosen; the refused one no longer claims a value that is not in effect.
    expect(shown.at(-1)?.settings).toMatchObject({ 'cues.goalReminder': false, 'cues.snoozeMinutes': 15 });
    expect(await fakeBrowser.storage.local.get('cues.goalReminder')).toEqual({ 'cues.goalReminder': false });
    follower.stop();
  });

  it('names a failed first read', async () => {
    const onLoadError = vi.fn();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage is unavailable'));
    const follower = followSettings(() => undefined, { onLoadError });
    await vi.waitFor(() => expect(onLoadError).toHaveBeenCalledWith(new Error('storage is unavailable')));
    follower.stop();
  });
});
