/**
 * The `open-panel` keyboard shortcut (manifest `commands`). The background tells the panel frame of the tab the
 * clinician is in to open and take focus; the frame checks the tab is its own. A tab without a panel has no listener,
 * and that is not an error.
 */
import { browser } from './browser';
import type { PanelFocusMessage } from './messages';
import { summonPanel } from './summon-panel';

export const OPEN_PANEL_COMMAND = 'open-panel';

// What the browser says when no extension page is listening (Chromium and Firefox word it alike).
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;
// A panel frame the shortcut just made appear needs a moment to load before it can take focus.
const FOCUS_ATTEMPTS = 15;
const FOCUS_RETRY_MS = 150;

/** Handles a command; the tab comes from the event, or else the active tab of the focused window. */
export async function handlePanelCommand(command: string, tab?: { id?: number }): Promise<void> {
  if (command !== OPEN_PANEL_COMMAND) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  // On a supported page where the panel is not showing (a call inside the Teams app), the shortcut shows it first.
  const shown = await summonPanel(tabId).catch(() => 'unsupported-page' as const);
  if (shown !== 'shown') return;
  const message: PanelFocusMessage = { type: 'panel.focus', tabId };
  for (let attempt = 0; attempt < FOCUS_ATTEMPTS; attempt += 1) {
    if (await askToFocus(message)) return;
    await new Promise((resolve) => setTimeout(resolve, FOCUS_RETRY_MS));
  }
}

/** True once the panel frame of the tab confirms it took focus. */
async function askToFocus(message: PanelFocusMessage): Promise<boolean> {
  try {
    return (await browser.runtime.sendMessage(message)) === true;
  } catch (error) {
    if (error instanceof Error && NO_RECEIVER.test(error.message)) return false;
    throw error;
  }
}
