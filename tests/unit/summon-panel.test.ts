import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../utils/browser';
import { CUSTOM_HOSTS_KEY } from '../../utils/custom-hosts';
import { PANEL_EXPANDED_KEY, SHOW_PANEL_GLOBAL, WATCHER_ALIVE_GLOBAL } from '../../utils/panel-layout';
import { summonPanel } from '../../utils/summon-panel';

type Injection = Parameters<typeof browser.scripting.executeScript>[0];

// The test's own global scope stands in for the tab's isolated world, where the injected function runs.
afterEach(() => {
  Reflect.deleteProperty(globalThis, SHOW_PANEL_GLOBAL);
  Reflect.deleteProperty(globalThis, WATCHER_ALIVE_GLOBAL);
});

/**
 * A tab whose isolated world has a live watcher's globals, a stale one's (left from before a reload: it answers that it
 * is no longer alive), or none; injecting the script file puts a live watcher there.
 */
function tabAt(url: string | undefined, watcher: 'alive' | 'stale' | 'none', platformOn = true) {
  let shows = 0;
  const install = (alive: boolean) => {
    Reflect.set(globalThis, SHOW_PANEL_GLOBAL, () => {
      shows += alive ? 1 : 100;
      return platformOn;
    });
    Reflect.set(globalThis, WATCHER_ALIVE_GLOBAL, () => alive);
  };
  if (watcher !== 'none') install(watcher === 'alive');
  vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 5, url, index: 0, highlighted: true, active: true, pinned: false, incognito: false });
  const injections: Injection[] = [];
  vi.spyOn(browser.scripting, 'executeScript').mockImplementation(async (injection: Injection) => {
    injections.push(injection);
    if (injection.files !== undefined) {
      install(true);
      return [];
    }
    // Runs the injected function against the fake isolated world, as the browser would in the tab.
    const func = injection.func as (...names: string[]) => string;
    return [{ documentId: 'document', frameId: 0, result: func(...((injection.args ?? []) as string[])) }];
  });
  return Object.assign(injections, { shows: () => shows });
}

describe('summonPanel', () => {
  it('does not send the content script a message: it calls the watcher in the isolated world, and opens the panel', async () => {
    const injections = tabAt('https://teams.microsoft.com/v2/', 'alive');
    expect(await summonPanel(5)).toBe('shown');
    expect(injections).toHaveLength(1);
    expect(injections[0]).toMatchObject({ target: { tabId: 5 }, args: [SHOW_PANEL_GLOBAL, WATCHER_ALIVE_GLOBAL] });
    expect(injections[0]).not.toHaveProperty('world', 'MAIN');
    expect((await browser.storage.local.get(PANEL_EXPANDED_KEY))[PANEL_EXPANDED_KEY]).toBe(true);
  });

  it('starts the watcher first in a tab opened before Attune was installed', async () => {
    const injections = tabAt('https://app.zoom.us/wc/84512345678/join', 'none');
    expect(await summonPanel(5)).toBe('shown');
    expect(injections.map((injection) => injection.files ?? 'function')).toEqual(['function', ['content-scripts/call.js'], 'function']);
  });

  it('starts a new watcher where only a stale one is left from before an update, and never asks the stale one', async () => {
    const injections = tabAt('https://meet.google.com/abc-defg-hij', 'stale');
    expect(await summonPanel(5)).toBe('shown');
    expect(injections.map((injection) => injection.files ?? 'function')).toEqual(['function', ['content-scripts/call.js'], 'function']);
    expect(injections.shows()).toBe(1);
  });

  it.each([
    ['a site Attune has no permission for (the browser hides its URL)', undefined],
    ['an ordinary site', 'https://example.com/'],
    ['a plain-http page', 'http://meet.google.com/abc-defg-hij'],
  ])('says Attune cannot show on %s, and injects nothing', async (_name, url) => {
    const injections = tabAt(url, 'alive');
    expect(await summonPanel(5)).toBe('unsupported-page');
    expect(injections).toHaveLength(0);
  });

  it('says Attune cannot show where the watcher answers that Attune is off on this platform, and injects no second watcher', async () => {
    const injections = tabAt('https://meet.google.com/abc-defg-hij', 'alive', false);
    expect(await summonPanel(5)).toBe('unsupported-page');
    expect(injections.map((injection) => injection.files ?? 'function')).toEqual(['function']);
  });

  it('shows on a custom host the clinician added', async () => {
    await browser.storage.local.set({ [CUSTOM_HOSTS_KEY]: ['telehealth.example-clinic.org'] });
    tabAt('https://telehealth.example-clinic.org/room/7', 'alive');
    expect(await summonPanel(5)).toBe('shown');
  });
});
