/**
 * Whether the panel is open or collapsed to its handle: a UI preference (never clinical data) in extension storage.
 * The panel writes it; the content script reads it to size the frame. Remembered across visits, as clinicians expect.
 */
export const PANEL_EXPANDED_KEY = 'panelExpanded';

/** Reads the stored preference; anything but `true` means collapsed, the default. */
export function isExpanded(stored: Record<string, unknown>): boolean {
  return stored[PANEL_EXPANDED_KEY] === true;
}

/**
 * The function the content script defines in the extension's isolated world of a call page so that the toolbar
 * button and the shortcut can show the panel there (utils/summon-panel.ts). The page's own scripts cannot reach it.
 */
export const SHOW_PANEL_GLOBAL = 'attuneShowPanel';
