/**
 * After Attune is installed, updated or reloaded, the browser does not run its call-page script in tabs that are
 * already open, and the old one there is cut off (WXT's context sees the newer script start and stands it down, taking
 * its panel host away). So the background runs the script again in every open call tab, built-in platform or a
 * practice's own host: the panel comes back on the page, and finds its visit through the tab's link (utils/tab-visits.ts).
 */
import { browser } from './browser';
import { CALL_SCRIPT_FILE } from './custom-hosts';
import { allMatchPatterns } from './platforms';

/** Runs the call-page script in every open tab Attune watches; returns how many tabs it reached. */
export async function reinjectCallScripts(): Promise<number> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const patterns = [...allMatchPatterns(), ...registered.flatMap((script) => script.matches ?? [])];
  const tabs = await browser.tabs.query({ url: patterns });
  const reached = await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || tab.discarded === true) return false;
      try {
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
