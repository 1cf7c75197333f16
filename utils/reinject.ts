/**
 * After Attune is installed, updated or reloaded, the browser does not run its call-page script in tabs that are
 * already open, and the old one there is cut off (it finds its extension APIs gone at its next check and takes its
 * panel host away: utils/call-page.ts). So the background runs the script again in every open call tab, built-in
 * platform or a practice's own host: the panel comes back on the page, and finds its visit through the tab's link
 * (utils/tab-visits.ts).
 * A tab whose watcher is alive is left alone: on a fresh install the browser may already have started one there by the
 * time this runs, and a second would replace the panel under the clinician's hands.
 */
import { browser } from './browser';
import { CALL_SCRIPT_FILE } from './custom-hosts';
import { WATCHER_ALIVE_GLOBAL } from './panel-layout';
import { allMatchPatterns } from './platforms';

/** Whether the tab's top frame runs a watcher of this running extension (utils/call-page.ts defines the probe). */
export async function hasLiveWatcher(tabId: number): Promise<boolean> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    args: [WATCHER_ALIVE_GLOBAL],
    func: (name: string) => {
      const alive: unknown = Reflect.get(globalThis, name);
      return typeof alive === 'function' && alive() === true;
    },
  });
  return first?.result === true;
}

/** Runs the call-page script in every open tab Attune watches; returns how many tabs got a new one. */
export async function reinjectCallScripts(): Promise<number> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const patterns = [...allMatchPatterns(), ...registered.flatMap((script) => script.matches ?? [])];
  const tabs = await browser.tabs.query({ url: patterns });
  const reached = await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || tab.discarded === true) return false;
      try {
        if (await hasLiveWatcher(tab.id)) return false;
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [CALL_SCRIPT_FILE] });
        return true;
      } catch (error) {
        // A tab still loading, or showing an error page: its next load runs the script by itself.
        console.warn(`Attune could not restart its call-page script in tab ${tab.id}.`, error);
        return false;
      }
    }),
  );
  return reached.filter(Boolean).length;
}
