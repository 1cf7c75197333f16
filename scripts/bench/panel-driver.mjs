// Driving Attune's real panel in the bench the way a clinician does: open it, start a visit, type.
import { panelFrame, sleep } from './call-page.mjs';

/** How long the panel may take to open on a loaded machine before the bench gives up on it. */
const OPEN_TIMEOUT_MS = 30_000;

/**
 * Opens the panel if it is collapsed and starts a visit, returning the frame with the note ready.
 *
 * The frame first shows a handle from its small first chunk; the full panel then replaces it with its own handle, or
 * with the open panel when the clinician left it open last time (the panel group remembers it open). A click aimed at
 * the first handle can therefore find it gone: the driver looks again until the panel's first control shows, clicking
 * whichever handle is there, instead of waiting on one element that no longer exists.
 * @param {import('@playwright/test').Page} page
 * @param {string} alias
 */
export async function startVisitInPanel(page, alias) {
  const frame = await panelFrame(page);
  const handle = frame.locator('button.handle');
  const opened = frame.locator('#client-alias, #visit-notes').first();
  const deadline = Date.now() + OPEN_TIMEOUT_MS;
  while (!(await opened.isVisible())) {
    if (Date.now() > deadline) throw new Error(`Attune\u2019s panel did not open within ${OPEN_TIMEOUT_MS / 1000} s of asking.`);
    // A handle replaced mid-click is clicked again on the next pass.
    if (await handle.isVisible()) await handle.click({ timeout: 2000 }).catch(() => undefined);
    else await sleep(50);
  }
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

/**
 * Moves the start of the visit in progress back so that it is `minutesLeft` minutes from its planned end, as if the
 * clinician had been on the call that long. Done from an extension page (the only place that can open Attune's
 * database), so the built extension carries no bench hook. Returns how many visits were moved (1 when one is running).
 * @param {import('./browsers.mjs').BenchBrowser} attune
 * @param {number} minutesLeft
 */
export async function bringVisitToMinutesLeft(attune, minutesLeft) {
  const page = await attune.context.newPage();
  try {
    await page.goto(`chrome-extension://${attune.extensionId}/popup.html`);
    return await page.evaluate(async (left) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('attune');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const store = /** @type {IDBDatabase} */ (db).transaction('visits', 'readwrite').objectStore('visits');
      const moved = await new Promise((resolve, reject) => {
        let count = 0;
        const cursor = store.openCursor();
        cursor.onsuccess = () => {
          const current = cursor.result;
          if (current === null) return resolve(count);
          if (current.value.endedAt === null) {
            count += 1;
            current.update({ ...current.value, startedAt: Date.now() - (current.value.plannedMinutes - left) * 60_000 });
          }
          current.continue();
        };
        cursor.onerror = () => reject(cursor.error);
      });
      /** @type {IDBDatabase} */ (db).close();
      return /** @type {number} */ (moved);
    }, minutesLeft);
  } finally {
    await page.close();
  }
}
