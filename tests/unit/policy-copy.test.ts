import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Each test loads the modules afresh: the background's copy-keeping sets module state that a page never has.
beforeEach(() => vi.resetModules());

const load = async () => ({ ...(await import('../../utils/policy-copy')), ...(await import('../../utils/settings')) });

describe('the practice policy as Attune’s pages read it', () => {
  it('comes from the background’s copy, without waiting on the browser’s policy store', async () => {
    const { readSettings, POLICY_COPY_KEY } = await load();
    await fakeBrowser.storage.session.set({ [POLICY_COPY_KEY]: { 'visit.defaultPlannedMinutes': 30 } });
    const managedRead = vi.spyOn(fakeBrowser.storage.managed, 'get');

    expect((await readSettings())['visit.defaultPlannedMinutes']).toBe(30);
    expect(managedRead).not.toHaveBeenCalled();
  });

  it('comes from the policy store itself until the copy exists', async () => {
    const { readSettings } = await load();
    await fakeBrowser.storage.managed.set({ 'visit.defaultPlannedMinutes': 60 });
    expect((await readSettings())['visit.defaultPlannedMinutes']).toBe(60);
  });

  it('is validated as the policy always was: a bad value in the copy is ignored and named', async () => {
    const { readSettingsWithProblems, POLICY_COPY_KEY } = await load();
    await fakeBrowser.storage.session.set({ [POLICY_COPY_KEY]: { 'visit.defaultPlannedMinutes': 'an hour' } });
    const loaded = await readSettingsWithProblems();
    expect(loaded.settings['visit.defaultPlannedMinutes']).toBe(45);
    expect(loaded.policyProblems.join(' ')).toContain('visit.defaultPlannedMinutes');
  });

  it('is kept in step by the background, and a page hears of each change', async () => {
    const { keepPolicyCopy, POLICY_COPY_KEY, POLICY_KEYS } = await load();
    await fakeBrowser.storage.managed.set({ 'visit.defaultPlannedMinutes': 30 });
    keepPolicyCopy(POLICY_KEYS);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.session.get(POLICY_COPY_KEY))[POLICY_COPY_KEY]).toEqual({ 'visit.defaultPlannedMinutes': 30 }),
    );

    // A page (fresh modules: it does not keep the copy) follows the settings in effect.
    vi.resetModules();
    const page = await load();
    const heard: number[] = [];
    page.onSettingsChanged((settings) => heard.push(settings['visit.defaultPlannedMinutes']));
    await fakeBrowser.storage.managed.set({ 'visit.defaultPlannedMinutes': 60 });
    await vi.waitFor(() => expect(heard.at(-1)).toBe(60));
    expect((await fakeBrowser.storage.session.get(POLICY_COPY_KEY))[POLICY_COPY_KEY]).toEqual({ 'visit.defaultPlannedMinutes': 60 });
  });
});
