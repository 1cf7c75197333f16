// The options page as a clinician uses it: visit defaults, platforms, the check-in (choosing, and loading a practice's
// definition from a file) and their saved agenda templates. Every change is validated and saved at once.
import type { Page } from '@playwright/test';
import { expect, MEET_MEETING_URL, PanelOnPage, test } from './support/test';
import { expectNoAxeViolations } from './support/visit-panel';
import { practiceInstrument } from '../fixtures/practice-instrument';

const DOXY_ROOM = 'https://drsmith.doxy.me/therapyroom';

// Several pages and saves per test; the shared machine is often busy.
test.describe.configure({ timeout: 60_000 });

/** A practice's definition, as a file the clinician picks. */
const definition = practiceInstrument;
const jsonFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function openOptions(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Attune settings', level: 1 })).toBeVisible();
}

const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

test('visit length and cues are saved at once and kept', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  await options.getByLabel('Default planned length').selectOption({ label: '60 min' });
  await saved(options);
  await options.getByLabel('15 minutes left').check();
  await saved(options);
  await options.reload();
  await expect(options.getByLabel('Default planned length')).toHaveValue('60');
  await expect(options.getByLabel('15 minutes left')).toBeChecked();
  // The panel offers the clinician's new length when a visit starts.
  const meet = await context.newPage();
  await meet.goto(MEET_MEETING_URL);
  const frame = await new PanelOnPage(meet).open();
  await expect(frame.getByLabel('Planned length', { exact: true })).toHaveValue('60');
});

test('a platform turned off gets no panel on pages opened afterwards; turned on again, it does', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  await options.getByLabel('Doxy.me').uncheck();
  await saved(options);
  const doxy = await context.newPage();
  await doxy.goto(DOXY_ROOM);
  await doxy.waitForTimeout(1500);
  await expect(doxy.locator('attune-panel')).toHaveCount(0);

  await options.bringToFront();
  await options.getByLabel('Doxy.me').check();
  await saved(options);
  await doxy.reload();
  await new PanelOnPage(doxy).frame();
});

test('loading a check-in definition: a bad file is refused naming the fault; a good one can be chosen', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  const file = options.getByLabel('Load a check-in definition from your practice (JSON file)');
  const choice = options.getByLabel('Check-in for new visits');
  await expect(choice.locator('option')).toHaveText(['Attune brief check-in (version 1)']);

  await file.setInputFiles(jsonFile('notes.json', 'Session notes, not a definition'));
  await expect(options.getByRole('alert')).toHaveText(
    '“notes.json” was not loaded: it is not a JSON file. Ask your practice for the check-in definition file.',
  );
  await file.setInputFiles(jsonFile('measure.json', JSON.stringify(definition({ rules: { totalBelow: 10, itemBelow: 9, dropOf: 3, viewGapOf: 4 } }))));
  await expect(options.getByRole('alert')).toContainText('“measure.json” was not loaded: rules.itemBelow: must be above 1 and at most 7');
  // Nothing was stored: still only Attune's own check-in to choose.
  await options.reload();
  await expect(choice.locator('option')).toHaveText(['Attune brief check-in (version 1)']);

  await file.setInputFiles(jsonFile('measure.json', JSON.stringify(definition())));
  await expect(options.getByRole('status').filter({ hasText: 'Loaded “Practice measure” (version 2).' })).toBeVisible();
  await choice.selectOption({ label: 'Practice measure (version 2)' });
  await saved(options);
  await options.reload();
  await expect(choice.locator('option:checked')).toHaveText('Practice measure (version 2)');
});

test('agenda templates saved in a visit are listed with their items and can be deleted', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  await expect(options.getByText('You have not saved an agenda template yet.', { exact: false })).toBeVisible();
  // A template as the panel saves it, written into the extension's own database.
  await options.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('attune');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const tx = request.result.transaction('agendaTemplates', 'readwrite');
          tx.objectStore('agendaTemplates').put({
            id: crypto.randomUUID(),
            name: 'Weekly session',
            items: [
              { text: 'Check in on the week', timeBoxMinutes: 10 },
              { text: 'Practice plan', timeBoxMinutes: null },
            ],
            createdAt: Date.now(),
          });
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await options.reload();
  const list = options.getByRole('list', { name: 'Your agenda templates' });
  await expect(list.getByRole('heading', { name: 'Weekly session' })).toBeVisible();
  await expect(list.locator('ol li')).toHaveText(['Check in on the week (10 min)', 'Practice plan']);
  await options.getByRole('button', { name: 'Delete “Weekly session”' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Deleted the template “Weekly session”.' })).toBeVisible();
  await options.reload();
  await expect(options.getByText('You have not saved an agenda template yet.', { exact: false })).toBeVisible();
});

test('axe finds no WCAG 2.2 A/AA violations on the options page, light or dark', async ({ context, extensionId }) => {
  test.setTimeout(60_000);
  const options = await context.newPage();
  await openOptions(options, extensionId);
  await expect(options.getByRole('heading', { name: 'End-of-visit check-in' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await expectNoAxeViolations(options, `the options page (${colorScheme})`);
  }
});
