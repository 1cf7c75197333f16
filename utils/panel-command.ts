/**
 * The `open-panel` keyboard shortcut (manifest `commands`). The background tells the panel frame of the tab the
 * clinician is in to open and take focus; the frame checks the tab is its own. A tab without a panel has no listener,
 * and that is not an error.
 */
import { browser } from './browser';
import type { PanelFocusMessage } from './messages';

export const OPEN_PANEL_COMMAND = 'open-panel';

// What the browser says when no extension page is listening (Chromium and Firefox word it alike).
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;

/** Handles a command; the tab comes from the event, or else the active tab of the focused window. */
export async function handlePanelCommand(command: string, tab?: { id?: number }): Promise<void> {
  if (command !== OPEN_PANEL_COMMAND) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  const message: PanelFocusMessage = { type: 'panel.focus', tabId };
  try {
    await browser.runtime.sendMessage(message);
  } catch (error) {
    if (!(error instanceof Error && NO_RECEIVER.test(error.message))) throw error;
  }
}
