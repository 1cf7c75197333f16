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
 * In the panel frame's address: `1` when the content script sized the frame open, so the panel draws itself open at
 * once instead of its handle first. Layout only; a page that frames the panel with it gains nothing.
 */
export const OPENS_EXPANDED_PARAM = 'open';

/**
 * The function the content script defines in the extension's isolated world of a call page so that the toolbar
 * button and the shortcut can show the panel there (utils/summon-panel.ts). The page's own scripts cannot reach it.
 */
export const SHOW_PANEL_GLOBAL = 'attuneShowPanel';

/**
 * Beside it, a function that answers whether that watcher still belongs to the running extension. After a reload or
 * update the old watcher's globals can outlive it in the isolated world until it notices; a watcher started by the
 * browser moments before the background's own restart (utils/reinject.ts) is alive and must not be started twice.
 */
export const WATCHER_ALIVE_GLOBAL = 'attuneWatcherAlive';

/**
 * Where the collapsed handle sits along the right edge: 0 at the top of the space it may use, 1 at the bottom (that
 * space always stops above the call controls). A UI preference, written by the panel, read by the content script.
 */
export const PANEL_HANDLE_OFFSET_KEY = 'panelHandleOffset';
export const DEFAULT_HANDLE_OFFSET = 0.5;

/** Reads the stored offset; anything but a number in 0…1 means the default, the middle. */
export function handleOffset(stored: Record<string, unknown>): number {
  const value = stored[PANEL_HANDLE_OFFSET_KEY];
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : DEFAULT_HANDLE_OFFSET;
}

/** The offset one keyboard step (or a drag) away, kept within 0…1 and rounded so stored values stay short. */
export function movedHandleOffset(offset: number, by: number): number {
  return Math.round(Math.min(1, Math.max(0, offset + by)) * 1000) / 1000;
}

/**
 * The panel frame's accessible name in the clinician's language, as the panel last wrote it. The content script reads
 * it with the layout preferences in its one storage read: asking `i18n.getMessage` instead makes the call page's main
 * thread wait for the whole message bundle (a synchronous round trip to the browser) while the call page loads.
 */
export const PANEL_FRAME_TITLE_KEY = 'panelFrameTitle';

/** The stored frame title, or undefined before any panel has stored one (or when it is not a short, non-empty string). */
export function storedFrameTitle(stored: Record<string, unknown>): string | undefined {
  const value = stored[PANEL_FRAME_TITLE_KEY];
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 80 ? value : undefined;
}
