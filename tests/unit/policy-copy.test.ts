import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Each test loads the modules afresh: the background's copy-keeping sets module state that a page never has.
beforeEach(() => vi.resetModules());
afterEach(() => vi.useRealTimers());

const load = async () => ({
  ...(await import('../../utils/policy-copy')),
  ...(await import('../../utils/settings')),
  LAST_POLICY_KEY: (await import('../../utils/platform-switch')).LAST_POLICY_KEY,
});

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

  it('reaches the call-page script through extension storage: a platform the practice turns off, and back on', async () => {
    const { keepPolicyCopy, POLICY_KEYS } = await load();
    const { isPlatformOff, lastPolicy, LAST_POLICY_KEY } = await import('../../utils/platform-switch');
    // What the call-page script reads at load: the clinician's list and the policy as the background last stored it.
    const offForCallPage = async (id: string) => {
      const stored = await fakeBrowser.storage.local.get(['platforms.disabled', LAST_POLICY_KEY]);
      return isPlatformOff(id, stored, lastPolicy(stored));
    };
    await fakeBrowser.storage.local.set({ 'platforms.disabled': ['zoom'], 'practice.platforms.disabled': ['teams'] });
    await fakeBrowser.storage.managed.set({ 'platforms.disabled': ['doxy'] });
    keepPolicyCopy(POLICY_KEYS);
    await vi.waitFor(async () => expect(await offForCallPage('doxy')).toBe(true));
    // The practice's list wins over the clinician's, as in the settings.
    expect(await offForCallPage('zoom')).toBe(false);
    // The copy the call page once kept of its own is gone.
    expect(await fakeBrowser.storage.local.get('practice.platforms.disabled')).toEqual({});

    await fakeBrowser.storage.managed.set({ 'platforms.disabled': [] });
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get(LAST_POLICY_KEY))[LAST_POLICY_KEY]).toEqual({ 'platforms.disabled': [] }));
    expect(await offForCallPage('doxy')).toBe(false);
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

  describe('when the browser’s policy store never answers (it can stay silent for good)', () => {
    /** A policy store whose read stays pending until the test answers it. */
    const silentStore = () => {
      let answer: (policy: Record<string, unknown>) => void = () => undefined;
      vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise((resolve) => (answer = resolve)));
      return (policy: Record<string, unknown>) => answer(policy);
    };

    it('a page waits no longer than the patience, then goes on with the policy the store last gave', async () => {
      const { readSettings, LAST_POLICY_KEY, POLICY_STORE_PATIENCE_MS } = await load();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      silentStore();
      await fakeBrowser.storage.local.set({ [LAST_POLICY_KEY]: { 'visit.defaultPlannedMinutes': 30 } });
      let settled = false;
      const reading = readSettings().finally(() => (settled = true));
      await vi.advanceTimersByTimeAsync(POLICY_STORE_PATIENCE_MS - 100);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(100);
      expect((await reading)['visit.defaultPlannedMinutes']).toBe(30);
    });

    it('with no policy ever read, the settings are the clinician’s own once the patience runs out', async () => {
      const { readSettings, POLICY_STORE_PATIENCE_MS } = await load();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      silentStore();
      await fakeBrowser.storage.local.set({ 'visit.defaultPlannedMinutes': 60 });
      const reading = readSettings();
      await vi.advanceTimersByTimeAsync(POLICY_STORE_PATIENCE_MS);
      expect((await reading)['visit.defaultPlannedMinutes']).toBe(60);
    });

    it('the background copies the last policy for the pages meanwhile, and the store’s late answer replaces it', async () => {
      const { keepPolicyCopy, LAST_POLICY_KEY, POLICY_COPY_KEY, POLICY_KEYS, POLICY_STORE_PATIENCE_MS } = await load();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const answer = silentStore();
      await fakeBrowser.storage.local.set({ [LAST_POLICY_KEY]: { 'visit.defaultPlannedMinutes': 30 } });
      const copied = async () => (await fakeBrowser.storage.session.get(POLICY_COPY_KEY))[POLICY_COPY_KEY];

      keepPolicyCopy(POLICY_KEYS);
      await vi.advanceTimersByTimeAsync(POLICY_STORE_PATIENCE_MS - 100);
      expect(await copied()).toBeUndefined();
      await vi.advanceTimersByTimeAsync(100);
      expect(await copied()).toEqual({ 'visit.defaultPlannedMinutes': 30 });

      answer({ 'visit.defaultPlannedMinutes': 60, 'not.an.attune.key': true });
      await vi.waitFor(async () => expect(await copied()).toEqual({ 'visit.defaultPlannedMinutes': 60 }));
      expect((await fakeBrowser.storage.local.get(LAST_POLICY_KEY))[LAST_POLICY_KEY]).toEqual({ 'visit.defaultPlannedMinutes': 60 });
    });

    it('an answer in time is the copy, and the last policy never overwrites it', async () => {
      const { keepPolicyCopy, LAST_POLICY_KEY, POLICY_COPY_KEY, POLICY_KEYS, POLICY_STORE_PATIENCE_MS } = await load();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      const answer = silentStore();
      await fakeBrowser.storage.local.set({ [LAST_POLICY_KEY]: { 'visit.defaultPlannedMinutes': 30 } });
      keepPolicyCopy(POLICY_KEYS);
      await vi.advanceTimersByTimeAsync(1_000);
      answer({});
      await vi.advanceTimersByTimeAsync(POLICY_STORE_PATIENCE_MS);
      expect((await fakeBrowser.storage.session.get(POLICY_COPY_KEY))[POLICY_COPY_KEY]).toEqual({});
      // The practice removed its policy: that is remembered too.
      expect((await fakeBrowser.storage.local.get(LAST_POLICY_KEY))[LAST_POLICY_KEY]).toEqual({});
    });
  });
});
