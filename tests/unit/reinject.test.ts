import { describe, expect, it, vi } from 'vitest';
import { browser } from '../../utils/browser';
import { CALL_SCRIPT_FILE } from '../../utils/custom-hosts';
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
});
