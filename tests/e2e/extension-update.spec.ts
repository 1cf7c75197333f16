// A real update of Attune, as Chromium delivers one (tests/support/update-launch.mjs): packed, signed, served by a
// local update server and force-installed by a machine policy. It arrives in the middle of a visit. The clinician must
// not lose the panel mid-call: Attune holds the update while its panel is open, and applies it once the call tab has
// closed and the visit's end is recorded; the new version then holds the visit and its note.
import { expect, type BrowserContext, type Worker } from '@playwright/test';
import { routeFixtureSites } from '../support/fixture-routes.mjs';
import { policyLaunchSupported } from '../support/policy-launch.mjs';
import { launchUpdatableExtension } from '../support/update-launch.mjs';
import { MEET_MEETING_URL, PanelOnPage, test } from './support/test';
import { storedRecords } from './support/visit-panel';

type Chrome = {
  runtime: { getManifest(): { version: string }; requestUpdateCheck(): Promise<{ status: string; version: string }> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};
/** The version each running Attune worker reports (a worker stopped mid-question reports nothing). */
async function runningVersions(context: BrowserContext, extensionId: string): Promise<string[]> {
  const attune = context.serviceWorkers().filter((worker) => new URL(worker.url()).host === extensionId);
  const versions = await Promise.all(
    attune.map((worker) =>
      worker.evaluate(() => (Reflect.get(globalThis, 'chrome') as Chrome).runtime.getManifest().version).catch(() => undefined),
    ),
  );
  return versions.filter((version): version is string => version !== undefined);
}

async function attuneWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const isAttune = (worker: Worker) => new URL(worker.url()).host === extensionId;
  return context.serviceWorkers().find(isAttune) ?? context.waitForEvent('serviceworker', { predicate: isAttune });
}

test.skip(!policyLaunchSupported(), 'needs a private mount namespace to give Chromium a machine policy');

test('an update arriving mid-visit waits while the panel is open, and runs once the call tab closes, visit kept', async ({}, testInfo) => {
  test.slow();
  const updatable = await launchUpdatableExtension({ userDataDir: testInfo.outputPath('profile') });
  try {
    const { context, extensionId, fromVersion, toVersion } = updatable;
    await routeFixtureSites(context);
    const installed = await attuneWorker(context, extensionId);
    const page = await context.newPage();
    await page.goto(MEET_MEETING_URL);
    const panel = new PanelOnPage(page);
    const frame = await panel.startVisit('U.P.');
    await panel.typeNote(frame, 'Agreed to try the sleep diary for two weeks.');

    updatable.offer(toVersion);
    const check = await installed.evaluate(() => (Reflect.get(globalThis, 'chrome') as Chrome).runtime.requestUpdateCheck());
    expect(check).toEqual({ status: 'update_available', version: toVersion });
    // Attune's background hears of the update and holds it.
    await expect
      .poll(() => installed.evaluate(() => (Reflect.get(globalThis, 'chrome') as Chrome).storage.session.get('pendingUpdate')))
      .toEqual({ pendingUpdate: toVersion });
    // Nothing is meant to happen here; the wait gives a wrong restart the time it would need to show.
    await page.waitForTimeout(2000);
    expect(await runningVersions(context, extensionId)).toEqual([fromVersion]);
    expect(frame.isDetached()).toBe(false);
    await expect(frame.getByRole('heading', { name: 'Visit with U.P.' })).toBeVisible();

    // The clinician closes the call tab: the visit ends, and then the update goes ahead at once.
    const closedAt = Date.now();
    await page.close();
    await expect.poll(() => runningVersions(context, extensionId), { timeout: 20_000 }).toEqual([toVersion]);
    testInfo.annotations.push({ type: 'update applied after the tab closed', description: `${Date.now() - closedAt} ms` });

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const [visit] = await storedRecords(popup.mainFrame(), 'visits');
    expect(visit?.endReason).toBe('tab-closed');
    const [note] = await storedRecords(popup.mainFrame(), 'notes');
    expect(note?.text).toBe('Agreed to try the sleep diary for two weeks.');
  } finally {
    await updatable.close();
  }
});
