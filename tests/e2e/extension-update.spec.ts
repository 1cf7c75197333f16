import { expect, test, type BrowserContext, type Worker } from '@playwright/test';
import { policyLaunchSupported } from '../support/policy-launch.mjs';
import { launchUpdatableExtension } from '../support/update-launch.mjs';

/**
 * A real update, as Chromium delivers one: the installed version's service worker is told a new version is ready
 * (runtime.onUpdateAvailable), and the new version runs once the extension reloads. Tests of what Attune does across
 * an update (drafts saved, visits resumed) build on tests/support/update-launch.mjs.
 */

type UpdateDetails = { version: string };
type Runtime = {
  runtime: {
    getManifest(): { version: string };
    requestUpdateCheck(): Promise<{ status: string; version: string }>;
    onUpdateAvailable: { addListener(listener: (details: UpdateDetails) => void): void };
    reload(): void;
  };
};
type WorkerGlobals = { chrome: Runtime; updateOffered?: UpdateDetails };

async function extensionWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const isAttune = (worker: Worker) => new URL(worker.url()).host === extensionId;
  return context.serviceWorkers().find(isAttune) ?? context.waitForEvent('serviceworker', { predicate: isAttune });
}

test.skip(!policyLaunchSupported(), 'needs a private mount namespace to give Chromium a machine policy');

test('an update reaches the running service worker and the new version runs after a reload', async ({}, testInfo) => {
  const browser = await launchUpdatableExtension({ userDataDir: testInfo.outputPath('profile') });
  try {
    const { context, extensionId, fromVersion, toVersion } = browser;
    const installed = await extensionWorker(context, extensionId);
    expect(await installed.evaluate(() => (globalThis as unknown as WorkerGlobals).chrome.runtime.getManifest().version)).toBe(
      fromVersion,
    );
    await installed.evaluate(() => {
      const self = globalThis as unknown as WorkerGlobals;
      self.chrome.runtime.onUpdateAvailable.addListener((details) => (self.updateOffered = details));
    });

    browser.offer(toVersion);
    const check = await installed.evaluate(() => (globalThis as unknown as WorkerGlobals).chrome.runtime.requestUpdateCheck());
    expect(check).toEqual({ status: 'update_available', version: toVersion });
    // Chromium downloads and unpacks the CRX first, then tells the running worker.
    await expect
      .poll(() => installed.evaluate(() => (globalThis as unknown as WorkerGlobals).updateOffered?.version))
      .toBe(toVersion);

    const next = context.waitForEvent('serviceworker', { predicate: (worker) => new URL(worker.url()).host === extensionId });
    // The worker ends with the reload, so the evaluation may never answer.
    await installed.evaluate(() => (globalThis as unknown as WorkerGlobals).chrome.runtime.reload()).catch(() => undefined);
    const updated = await next;
    expect(await updated.evaluate(() => (globalThis as unknown as WorkerGlobals).chrome.runtime.getManifest().version)).toBe(
      toVersion,
    );
  } finally {
    await browser.close();
  }
});
