/**
 * "Show Attune on this page": makes the panel appear on a tab of a supported or custom host even where it is not a
 * meeting page (Teams runs calls inside its app). Used by the popup's button and the keyboard shortcut.
 *
 * No message goes to the content script (it receives none): the background runs a one-line function in the
 * extension's isolated world of the tab, which calls the watcher's global there. The page cannot see or call it.
 */
import { browser } from './browser';
import { CALL_SCRIPT_FILE, isCustomHost } from './custom-hosts';
import { PANEL_EXPANDED_KEY, SHOW_PANEL_GLOBAL, WATCHER_ALIVE_GLOBAL } from './panel-layout';
import { platformForHost } from './platforms';

export type SummonResult = 'shown' | 'unsupported-page';

/** What the tab's watcher said: it showed the panel, Attune is off on this platform, or there is no watcher yet. */
type WatcherAnswer = 'shown' | 'off' | 'no-watcher';

async function showInTab(tabId: number): Promise<WatcherAnswer> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    args: [SHOW_PANEL_GLOBAL, WATCHER_ALIVE_GLOBAL],
    func: (showName: string, aliveName: string) => {
      const show: unknown = Reflect.get(globalThis, showName);
      const alive: unknown = Reflect.get(globalThis, aliveName);
      // A watcher left over from before a reload or update is not alive, and is treated as missing.
      if (typeof show !== 'function' || typeof alive !== 'function' || alive() !== true) return 'no-watcher';
      return show() === true ? 'shown' : 'off';
    },
  });
  const answer: unknown = first?.result;
  return answer === 'shown' || answer === 'off' ? answer : 'no-watcher';
}

export async function summonPanel(tabId: number): Promise<SummonResult> {
  // The tab's URL is visible only on hosts Attune holds a permission for: built-in platforms and added custom hosts.
  const { url } = await browser.tabs.get(tabId);
  const host = url === undefined ? '' : new URL(url).hostname;
  if (!url?.startsWith('https://') || (platformForHost(host) === undefined && !(await isCustomHost(host)))) {
    return 'unsupported-page';
  }
  await browser.storage.local.set({ [PANEL_EXPANDED_KEY]: true });
  let answer = await showInTab(tabId);
  if (answer === 'no-watcher') {
    // The tab was opened before Attune was installed or updated, so its watcher is missing: start one.
    await browser.scripting.executeScript({ target: { tabId }, files: [CALL_SCRIPT_FILE] });
    answer = await showInTab(tabId);
  }
  // The watcher knows whether the clinician or the practice turned Attune off on this platform (utils/call-page.ts).
  if (answer === 'off') return 'unsupported-page';
  if (answer !== 'shown') throw new Error('Attune could not show its panel on this page. Reload the page and try again.');
  return 'shown';
}
