import { describe, expect, it, vi } from 'vitest';
import { browser } from '../../utils/browser';
import { CALL_SCRIPT_FILE } from '../../utils/custom-hosts';
import { WATCHER_ALIVE_GLOBAL } from '../../utils/panel-layout';
import { allMatchPatterns } from '../../utils/platforms';
import { reinjectCallScripts } from '../../utils/reinject';

type Injection = Parameters<typeof browser.scripting.executeScript>[0];
type Query = Parameters<typeof browser.tabs.query>[0];

const tab = (id: number, url: string, discarded = false) => ({ id, url, discarded, index: 0, highlighted: false, active: false, pinned: false, incognito: false });

describe('after an install, update or reload', () => {
  it('runs the call-page script again in every open call tab, built-in or a practice host, past one that fails', async () => {
    vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockResolvedValue([
      { id: 'custom-host:video.example-clinic.org', matches: ['https://video.example-clinic.org/*'], js: [CALL_SCRIPT_FILE] },
    ]);
    const queries: Query[] = [];
    vi.spyOn(browser.tabs, 'query').mockImplementation(async (query: Query) => {
      queries.push(query);
      return [tab(1, 'https://meet.google.com/abc-defg-hij'), tab(2, 'https://video.example-clinic.org/room'), tab(3, 'https://zoom.us/wc/1/join'), tab(4, 'https://meet.google.com/x', true)];
    });
    const injections: Injection[] = [];
    vi.spyOn(browser.scripting, 'executeScript').mockImplementation(async (injection: Injection) => {
      if (injection.target.tabId === 3) throw new Error('Frame with ID 0 is showing error page');
      // No tab has a live watcher: the probe finds none (the browser answers a function's result per frame).
      if (injection.func !== undefined) return [{ documentId: 'd', frameId: 0, result: false }];
      injections.push(injection);
      return [];
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(await reinjectCallScripts()).toBe(2);
    expect(queries[0]?.url).toEqual([...allMatchPatterns(), 'https://video.example-clinic.org/*']);
    expect(injections.map((injection) => [injection.target.tabId, injection.files])).toEqual([
      [1, [CALL_SCRIPT_FILE]],
      [2, [CALL_SCRIPT_FILE]],
    ]);
  });

  it('leaves alone a tab whose watcher is alive, and replaces one left from before the update', async () => {
    vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockResolvedValue([]);
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([tab(1, 'https://meet.google.com/abc-defg-hij'), tab(2, 'https://meet.google.com/klm-nopq-rst')]);
    // Tab 1's watcher was started by the browser moments ago; tab 2 holds only the stale globals of the old version.
    const worlds = new Map<number, Record<string, () => boolean>>([
      [1, { [WATCHER_ALIVE_GLOBAL]: () => true }],
      [2, { [WATCHER_ALIVE_GLOBAL]: () => false }],
    ]);
    const files: number[] = [];
    vi.spyOn(browser.scripting, 'executeScript').mockImplementation(async (injection: Injection) => {
      const tabId = injection.target.tabId;
      if (injection.files !== undefined) {
        files.push(tabId);
        return [];
      }
      // Runs the probe against the tab's fake isolated world, as the browser would.
      const saved = Reflect.get(globalThis, WATCHER_ALIVE_GLOBAL);
      Reflect.set(globalThis, WATCHER_ALIVE_GLOBAL, worlds.get(tabId)?.[WATCHER_ALIVE_GLOBAL]);
      try {
        const func = injection.func as (...args: unknown[]) => unknown;
        return [{ documentId: 'd', frameId: 0, result: func(...(injection.args ?? [])) }];
      } finally {
        Reflect.set(globalThis, WATCHER_ALIVE_GLOBAL, saved);
      }
    });

    expect(await reinjectCallScripts()).toBe(1);
    expect(files).toEqual([2]);
  });
});
