// Driving Attune's real panel in the bench the way a clinician does: open it, start a visit, type.
import { panelFrame } from './call-page.mjs';

/**
 * Opens the panel if it is collapsed and starts a visit, returning the frame with the note ready.
 * @param {import('@playwright/test').Page} page
 * @param {string} alias
 */
export async function startVisitInPanel(page, alias) {
  const frame = await panelFrame(page);
  const handle = frame.getByRole('button', { name: 'Open Attune panel' });
  await frame.locator('button.handle, #client-alias, #visit-notes').first().waitFor();
  if (await handle.isVisible()) await handle.click();
  const notes = frame.locator('#visit-notes');
  if (!(await notes.isVisible())) {
    await frame.locator('#client-alias').fill(alias);
    await frame.getByRole('button', { name: 'Start visit' }).click();
  }
  await notes.waitFor();
  return frame;
}

/**
 * Sets whether Attune's panel opens expanded, the way the panel itself remembers it.
 * @param {import('./browsers.mjs').BenchBrowser} attune
 * @param {boolean} expanded
 */
export async function rememberPanelExpanded(attune, expanded) {
  const page = await attune.context.newPage();
  await page.goto(`chrome-extension://${attune.extensionId}/popup.html`);
  // The key is PANEL_EXPANDED_KEY in utils/panel-layout.ts.
  await page.evaluate(async (value) => {
    const { chrome } = /** @type {{ chrome: { storage: { local: { set(items: object): Promise<void> } } } }} */ (/** @type {unknown} */ (globalThis));
    await chrome.storage.local.set({ panelExpanded: value });
  }, expanded);
  await page.close();
}
