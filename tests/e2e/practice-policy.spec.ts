import type { Page } from '@playwright/test';
import { extensionIdOf } from '../support/launch.mjs';
import { launchWithPolicy, policyLaunchSupported, unpackedExtensionId } from '../support/policy-launch.mjs';
import { routeFixtureSites } from '../support/fixture-routes.mjs';
import { expect, MEET_MEETING_URL, PanelOnPage, test } from './support/test';
import { practiceInstrument } from '../fixtures/practice-instrument';
import { turnLockOnIn } from './support/lock';
import { storedRecords } from './support/visit-panel';

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

/** What a practice presets beyond settings: platforms off, its own call site, and its own check-in definition. */
const PRACTICE_HOST = 'clinic.example.com';
const DEPLOYMENT_POLICY = {
  'platforms.disabled': ['doxy'],
  customHosts: [PRACTICE_HOST],
  // As Chrome's schema asks: a string holding the definition's JSON.
  'checkIn.definition': JSON.stringify(practiceInstrument()),
};

const NOTE = 'Talked through the first week back at work.';

type DeveloperPrivate = { developerPrivate: { addHostPermission(extensionId: string, host: string): Promise<void> } };
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
  // Each test launches its own Chromium with a policy and visits several pages; the shared machine is often busy.
  test.describe.configure({ timeout: 60_000 });

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

  test('turns a platform off, lists its own site for the clinician to allow, and sets its own check-in', async ({}, testInfo) => {
    const context = await launchWithPolicy({ policy: DEPLOYMENT_POLICY, userDataDir: testInfo.outputPath('profile') });
    try {
      await routeFixtureSites(context);
      const extensionId = await extensionIdOf(context);
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await expect.poll(async () => Object.keys(await readManaged(options)).sort()).toEqual(['checkIn.definition', 'customHosts', 'platforms.disabled']);
      await options.reload();
      await expect(options.getByRole('alert')).toHaveCount(0);

      // Platforms: the practice's list, locked.
      await expect(options.locator('legend', { hasText: 'Attune works on these platforms' }).getByText('Set by your practice')).toBeVisible();
      await expect(options.getByLabel('Doxy.me')).not.toBeChecked();
      await expect(options.getByLabel('Doxy.me')).toBeDisabled();
      await expect(options.getByLabel('Google Meet')).toBeChecked();
      await expect(options.getByLabel('Google Meet')).toBeDisabled();

      // The check-in: the practice's own, chosen and locked.
      const instrument = options.getByLabel(/Check-in for new visits/);
      await expect(instrument).toBeDisabled();
      await expect(instrument.locator('option:checked')).toHaveText('Practice measure (version 2)');
      await expect(options.locator('label', { hasText: 'Check-in for new visits' }).getByText('Set by your practice')).toBeVisible();

      // The practice's site waits for the clinician's click. Playwright cannot click the browser's prompt; granting the
      // site from chrome://extensions stands in for the clinician choosing Allow there (as in custom-hosts.spec.ts).
      const practiceSites = options.getByRole('list', { name: 'Sites your practice added' });
      await expect(practiceSites.getByRole('listitem')).toHaveText([new RegExp(PRACTICE_HOST)]);
      const allow = options.getByRole('button', { name: `Allow ${PRACTICE_HOST}` });
      await expect(allow).toBeVisible();
      const settings = await context.newPage();
      await settings.goto('chrome://extensions/');
      await settings.evaluate(
        ([id, origin]) => (Reflect.get(globalThis, 'chrome') as DeveloperPrivate).developerPrivate.addHostPermission(id, origin),
        [extensionId, `https://${PRACTICE_HOST}/*`] as const,
      );
      await settings.close();
      await allow.click();
      await expect(options.getByRole('status').filter({ hasText: `Attune now works on ${PRACTICE_HOST}.` })).toBeVisible();
      await expect(practiceSites.getByText('Allowed')).toBeVisible();
      await expect(options.getByRole('button', { name: `Allow ${PRACTICE_HOST}` })).toHaveCount(0);
      // It is the practice's, not in the clinician's own list (which they could remove it from).
      await expect(options.getByRole('button', { name: `Remove ${PRACTICE_HOST}` })).toHaveCount(0);

      // The platform the practice turned off gets no panel, even in a call; another platform still does.
      const doxy = await context.newPage();
      await doxy.goto('https://drsmith.doxy.me/therapyroom');
      await doxy.waitForTimeout(1500);
      await expect(doxy.locator('attune-panel')).toHaveCount(0);
      const meet = await context.newPage();
      await meet.goto(MEET_MEETING_URL);
      await new PanelOnPage(meet).open();
    } finally {
      await context.close();
    }
  });

  test('requires the lock: no visit starts until the clinician sets a passphrase, then the visit’s note is kept sealed', async ({}, testInfo) => {
    const context = await launchWithPolicy({ policy: { 'lock.required': true }, userDataDir: testInfo.outputPath('profile') });
    try {
      await routeFixtureSites(context);
      const meet = await context.newPage();
      await meet.goto(MEET_MEETING_URL);
      const panel = new PanelOnPage(meet);
      const frame = await panel.open();
      await expect(frame.getByText(/^Your practice requires the lock\. Set a passphrase in Attune’s settings before starting a visit/)).toBeVisible();
      await expect(frame.getByRole('button', { name: 'Start visit' })).toHaveCount(0);

      const [options] = await Promise.all([context.waitForEvent('page'), frame.getByRole('button', { name: 'Open Attune’s settings' }).click()]);
      await expect(options).toHaveURL(/\/options\.html$/);
      await expect(options.getByText('Your practice requires the lock: set a passphrase below')).toBeVisible();
      await turnLockOnIn(options);

      // The panel follows at once: the visit can start now, and what is written is sealed.
      await meet.bringToFront();
      await frame.getByLabel('Client alias or initials').fill('K.L.');
      await frame.getByRole('button', { name: 'Start visit' }).click();
      await expect(frame.getByRole('heading', { name: 'Visit with K.L.' })).toBeVisible();
      await panel.typeNote(frame, NOTE);
      const notes = JSON.stringify(await storedRecords(frame, 'notes'));
      expect(notes).toContain('sealed:v1:');
      expect(notes).not.toContain(NOTE);
    } finally {
      await context.close();
    }
  });
});
