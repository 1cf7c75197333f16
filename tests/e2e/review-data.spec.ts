import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { generateVisitHistory, seedVisitHistory } from '../support/seed.mjs';
import { regularClient, ReviewScreen } from './support/review';
import { expect, openPopup, test } from './support/test';

const history = generateVisitHistory({ visits: 300, now: Date.now(), seed: 4 });

// Each test seeds a history first; on a machine shared with other suites that alone can take most of 30 s.
test.slow();
const { client, target, visits: clientVisits } = regularClient(history);

async function historyPage(context: BrowserContext, extensionId: string): Promise<Page> {
  await seedVisitHistory(context, extensionId, history);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/history.html`);
  await expect(page.getByRole('list', { name: 'Recent visits, newest first' }).getByRole('listitem')).toHaveCount(50);
  return page;
}

/** How many records of each store the extension holds, read from one of its pages. */
function countRecords(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('attune');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names);
    const counts = await Promise.all(
      names.map((name) => new Promise<[string, number]>((resolve) => {
        const request = tx.objectStore(name).count();
        request.onsuccess = () => resolve([name, request.result]);
      })),
    );
    db.close();
    return Object.fromEntries(counts);
  });
}

test('deleting a visit, then a client, each only after a deliberate confirmation made with the keyboard', async ({ context, extensionId }) => {
  const page = await historyPage(context, extensionId);
  const review = new ReviewScreen(page);
  await review.search(client.alias, '', '');
  await review.openVisit(client.alias, target.id);

  const start = page.getByRole('button', { name: 'Delete this visit…' });
  await start.focus();
  await page.keyboard.press('Enter');
  const sure = page.getByRole('checkbox', { name: new RegExp(`^Yes, delete the visit with ${client.alias.replace(/\./g, '\\.')} on`) });
  await expect(sure).toBeFocused();
  const confirm = page.getByRole('button', { name: 'Delete', exact: true });
  await expect(confirm).toBeDisabled();
  // Cancel gives the keyboard back to the first button, and nothing is deleted.
  await page.getByRole('button', { name: 'Cancel' }).press('Enter');
  await expect(start).toBeFocused();
  expect((await countRecords(page)).visits).toBe(300);

  await page.keyboard.press('Enter');
  // The confirmation takes the keyboard once it is on screen, as a clinician would see it appear.
  await expect(sure).toBeFocused();
  await page.keyboard.press('Space');
  await expect(confirm).toBeEnabled();
  await confirm.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'The visit was deleted.' })).toBeVisible();
  const afterVisit = await countRecords(page);
  expect(afterVisit.visits).toBe(299);
  expect(afterVisit.checkIns).toBe(299);

  await review.openClient(client.alias);
  await page.getByRole('button', { name: `Delete ${client.alias} and all their data…` }).click();
  await page.getByRole('checkbox', { name: `Yes, delete ${client.alias} with all ${clientVisits.length - 1} visits, notes, goals and check-ins` }).check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${client.alias} and all their data were deleted.` })).toBeVisible();
  const afterClient = await countRecords(page);
  expect(afterClient.visits).toBe(300 - clientVisits.length);
  expect(afterClient.clients).toBe(history.clients.length - 1);
  await review.search(client.alias, '', '');
  await expect(page.getByText('No visits match. Check the alias, or widen the dates.')).toBeVisible();
});

test('a JSON backup downloads, a bad file is refused naming the fault with nothing changed, and the backup restores after deleting everything', async ({
  context,
  extensionId,
}) => {
  const page = await historyPage(context, extensionId);
  const before = await countRecords(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export a backup (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^attune-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = await readFile(await download.path(), 'utf8');
  const parsed = JSON.parse(backup);
  expect(parsed).toMatchObject({ format: 'attune-backup', version: 1 });
  expect(parsed.stores.visits).toHaveLength(300);
  expect(parsed.stores.checkIns).toHaveLength(300);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export check-ins (CSV)' }).click()]);
  expect((await readFile(await csv.path(), 'utf8')).split('\r\n').filter((line) => line !== '')).toHaveLength(301);

  const restore = async (name: string, text: string) => {
    await page.getByLabel('Restore from a backup file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
  };
  await restore('cut.json', backup.slice(0, backup.length / 3));
  await expect(page.getByRole('alert').filter({ hasText: /not complete JSON, perhaps cut short/ })).toBeVisible();
  await restore('hostile.json', backup.replace(`"alias":${JSON.stringify(client.alias)}`, '"alias":"=cmd|\' /C calc\'!A0"'));
  await expect(page.getByRole('alert').filter({ hasText: /stores\.clients\.\d+\.alias: must not start with =, \+, -, @/ })).toBeVisible();
  expect(await countRecords(page)).toEqual(before);

  await page.getByRole('button', { name: 'Delete everything…' }).click();
  await page.getByRole('checkbox', { name: 'Yes, delete everything Attune has stored' }).check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Everything was deleted.' })).toBeVisible();
  expect(Object.values(await countRecords(page)).every((count) => count === 0)).toBe(true);

  await restore('backup.json', backup);
  await expect(page.getByRole('status').filter({ hasText: `Restored: ${history.clients.length} clients, 300 visits, 300 check-ins.` })).toBeVisible();
  await restore('backup.json', backup);
  await expect(page.getByRole('status').filter({ hasText: 'Restored:' })).toBeVisible();
  expect(await countRecords(page)).toEqual(before);
  await expect(page.getByRole('list', { name: 'Recent visits, newest first' }).getByRole('listitem')).toHaveCount(50);
});

test('the options page has the retention control and backup; a bad period is refused, a good one is kept', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await popup.close();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const days = options.getByLabel('Delete visits older than (days)');
  await expect(days).toHaveValue('0');
  await expect(options.getByText('0 keeps every visit (the default).')).toBeVisible();
  await days.fill('-3');
  await days.press('Enter');
  await expect(options.getByRole('alert').filter({ hasText: '“-3” is not a number of days from 0 to 3650.' })).toBeVisible();
  await days.fill('365');
  await days.press('Enter');
  await expect(options.getByText('Visits older than 365 days are deleted automatically, with everything recorded in them.')).toBeVisible();
  await options.reload();
  await expect(options.getByLabel('Delete visits older than (days)')).toHaveValue('365');
  await expect(options.getByRole('button', { name: 'Export a backup (JSON)' })).toBeVisible();
  await expect(options.getByLabel('Restore from a backup file')).toBeVisible();
});
