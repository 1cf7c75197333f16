import type { Page } from '@playwright/test';
import { extensionIdOf } from '../support/launch.mjs';
import { launchWithPolicy, policyLaunchSupported, unpackedExtensionId } from '../support/policy-launch.mjs';
import { routeFixtureSites } from '../support/fixture-routes.mjs';
import { expect, MEET_MEETING_URL, PanelOnPage, test } from './support/test';

/**
 * A practice's policy as IT sets it on Linux: a real machine policy file read by Chromium (in a private mount namespace,
 * see tests/support/policy-launch.mjs), delivered to Attune through the managed-storage schema in its manifest.
 */
const POLICY = {
  'presence.awayThresholdSeconds': 30,
  'presence.periodicMinutes': 7, // outside the schema's enum: Chromium itself drops it
  'presence.allowedHosts': ['https://ehr.example.org/'], // a string, as the schema asks, but not a site name: Attune ignores it
  'visit.defaultPlannedMinutes': 50,
  'cues.agendaOverrun': false,
};

type ManagedStorage = { storage: { managed: { get(keys: null): Promise<Record<string, unknown>> } } };
const readManaged = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { chrome: ManagedStorage }).chrome.storage.managed.get(null));

test('Chromium accepts the managed schema: with no policy, managed storage is empty', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  expect(await readManaged(options)).toEqual({});
  await expect(options.getByText('Set by your practice')).toHaveCount(0);
});

test.describe('with a practice policy', () => {
  test.skip(!policyLaunchSupported(), 'needs a private mount namespace to give Chromium a machine policy');

  test('shows the practice’s settings as set by it, locked, and names the value it ignored', async ({}, testInfo) => {
    const context = await launchWithPolicy({ policy: POLICY, userDataDir: testInfo.outputPath('profile') });
    try {
      await routeFixtureSites(context);
      const extensionId = await extensionIdOf(context);
      expect(extensionId).toBe(unpackedExtensionId());

      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      // Chromium applies the schema: the value outside its enum is dropped before Attune sees it, the rest arrive.
      await expect
        .poll(() => readManaged(options))
        .toEqual({
          'presence.awayThresholdSeconds': 30,
          'presence.allowedHosts': ['https://ehr.example.org/'],
          'visit.defaultPlannedMinutes': 50,
          'cues.agendaOverrun': false,
        });
      await options.reload();
      await expect(options.getByRole('alert').filter({ hasText: '“presence.allowedHosts”' })).toBeVisible();

      const threshold = options.getByLabel(/Count as away after/);
      await expect(threshold).toBeDisabled();
      await expect(threshold).toHaveValue('30');
      await expect(options.locator('label', { hasText: 'Count as away after' }).getByText('Set by your practice')).toBeVisible();
      // What the practice does not set stays the clinician's to change.
      await expect(options.getByLabel('A cue when I come back to the call after being away')).toBeEnabled();
      await expect(options.getByLabel('Presence prompt during the visit')).toBeEnabled();
      // An ignored policy value locks nothing.
      await expect(options.getByRole('button', { name: 'Add expected site' })).toBeEnabled();

      const page = await context.newPage();
      await page.goto(MEET_MEETING_URL);
      const frame = await new PanelOnPage(page).open();
      await frame.getByText('Your defaults and cues').click();
      const length = frame.getByLabel(/Default planned length/);
      await expect(length).toBeDisabled();
      await expect(length).toHaveValue('50');
      const agenda = frame.getByLabel(/An agenda item runs past its time box/);
      await expect(agenda).toBeDisabled();
      await expect(agenda).not.toBeChecked();
      await expect(frame.getByLabel(/No goal touched by the midpoint/)).toBeEnabled();
      // The visit starts with the practice's planned length.
      await expect(frame.getByLabel('Planned length', { exact: true })).toHaveValue('50');
    } finally {
      await context.close();
    }
  });
});
