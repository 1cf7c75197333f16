/**
 * With the lock on, no clinical text is readable from disk: a visit written in the panel (alias, agenda item, goal,
 * note, homework and note for next time, check-in rupture note) is absent from the raw database read with plain
 * IndexedDB, and absent from the profile's IndexedDB files once the browser has closed, in UTF-8 and UTF-16LE. A control
 * run with the lock off finds every text the same way, which proves the search works. Unlocked, every text reads back.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Frame } from '@playwright/test';
import { extensionIdOf, launchWithExtension } from '../support/launch.mjs';
import { routeFixtureSites } from '../support/fixture-routes.mjs';
import { expect, openMeeting, test } from './support/test';
import { PASSPHRASE, turnLockOn } from './support/lock';
import { ReviewScreen } from './support/review';

const TEXTS = {
  alias: 'Quillon V.',
  agenda: 'Revisit the hospital anniversary',
  goal: 'Drive past the clinic alone',
  note: 'Described nightmares returning after the custody hearing',
  homework: 'Practise the grounding script nightly',
  nextTime: 'Ask about the letter from the lawyer',
  rupture: 'Went quiet when the ex-husband came up',
};
const STORES = ['clients', 'visits', 'notes', 'setAside', 'agendaItems', 'agendaTemplates', 'goals', 'reminderLog', 'nextTime', 'checkIns', 'instruments', 'presence'];

async function launch(profile: string): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await launchWithExtension({ userDataDir: profile });
  await routeFixtureSites(context);
  return { context, extensionId: await extensionIdOf(context) };
}

const savedBeside = (frame: Frame, label: string) => frame.locator('.field', { has: frame.getByLabel(label, { exact: true }) }).getByRole('status');

/** A whole visit's texts, written in the panel as a clinician writes them, each waited for until it is saved. */
async function writeVisit(context: BrowserContext): Promise<void> {
  const { panel } = await openMeeting(context);
  const frame = await panel.startVisit(TEXTS.alias);
  // The note first: its helper waits for the one "Saved" on screen.
  await panel.typeNote(frame, TEXTS.note);
  await frame.getByLabel('New agenda item').fill(TEXTS.agenda);
  await frame.getByLabel('New agenda item').press('Enter');
  await expect(frame.getByRole('checkbox', { name: TEXTS.agenda })).toBeVisible();
  await frame.getByText('Add a goal').click();
  await frame.getByLabel('Goal', { exact: true }).fill(TEXTS.goal);
  await frame.getByRole('button', { name: 'Add goal' }).click();
  await expect(frame.getByRole('combobox', { name: `Progress on “${TEXTS.goal}”` })).toBeVisible();
  await frame.getByLabel('Homework agreed').fill(TEXTS.homework);
  await expect(savedBeside(frame, 'Homework agreed')).toHaveText('Saved');
  await frame.getByLabel('Note for next time').fill(TEXTS.nextTime);
  await expect(savedBeside(frame, 'Note for next time')).toHaveText('Saved');
  await frame.getByRole('button', { name: 'Alliance check-in' }).click();
  await frame.getByRole('checkbox', { name: /^Withdrawal/ }).check();
  await frame.getByLabel('About the alliance, to revisit next time').fill(TEXTS.rupture);
  // The check-in's own status; the control run below and the read-back after unlocking prove the text was committed.
  await expect(frame.getByRole('region', { name: 'Alliance check-in' }).getByRole('status').last()).toHaveText('Saved');
}

/** Every store of the database, read with plain IndexedDB (not Attune's repositories) inside an extension frame. */
async function rawDatabase(frame: Frame): Promise<unknown[]> {
  return frame.evaluate(
    (stores) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('attune');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(stores);
          const results: unknown[] = [];
          for (const store of stores) {
            const request = tx.objectStore(store).getAll();
            request.onsuccess = () => results.push({ store, records: request.result });
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve(results);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    STORES,
  );
}

/** The texts found in any file of the profile's IndexedDB folders, as UTF-8 or as UTF-16LE bytes. */
async function textsOnDisk(profile: string): Promise<string[]> {
  const root = join(profile, 'Default', 'IndexedDB');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  expect(files.some((file) => file.includes('chrome-extension_'))).toBe(true);
  const contents = await Promise.all(files.map((file) => readFile(file)));
  return Object.values(TEXTS).filter((text) =>
    contents.some((bytes) => bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'))),
  );
}

test('control: with the lock off, every text of the visit is in the raw database and in the IndexedDB files on disk', async ({}, testInfo) => {
  test.slow();
  const profile = testInfo.outputPath('profile');
  const { context, extensionId } = await launch(profile);
  await writeVisit(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect
    .poll(async () => {
      const raw = JSON.stringify(await rawDatabase(page.mainFrame()));
      return Object.values(TEXTS).filter((text) => !raw.includes(text));
    }, { message: 'every text is in the raw database' })
    .toEqual([]);
  await context.close();
  expect((await textsOnDisk(profile)).sort()).toEqual(Object.values(TEXTS).sort());
});

test('with the lock on, no text of the visit is in the raw database or on disk; after a restart and unlocking, every text reads back', async ({}, testInfo) => {
  test.slow();
  const profile = testInfo.outputPath('profile');
  const first = await launch(profile);
  const options = await turnLockOn(first.context, first.extensionId);
  await writeVisit(first.context);
  const raw = JSON.stringify(await rawDatabase(options.mainFrame()));
  expect(raw).toContain('sealed:v1:');
  expect(Object.values(TEXTS).filter((text) => raw.includes(text))).toEqual([]);
  expect(raw).not.toContain(TEXTS.alias.toLowerCase());
  await first.context.close();
  expect(await textsOnDisk(profile)).toEqual([]);

  // The browser starts again locked; the passphrase opens every text.
  const second = await launch(profile);
  try {
    const history = await second.context.newPage();
    await history.goto(`chrome-extension://${second.extensionId}/history.html`);
    await expect(history.getByRole('heading', { name: 'Attune is locked' })).toBeVisible();
    await history.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await history.getByRole('button', { name: 'Unlock' }).click();
    const review = new ReviewScreen(history);
    await review.search('quill', '', '');
    await expect(review.found().getByText(TEXTS.note)).toBeVisible();
    await history.getByRole('button', { name: new RegExp(`^Details of the visit with ${TEXTS.alias.replace('.', '\\.')}`) }).click();
    for (const text of [TEXTS.agenda, TEXTS.note, TEXTS.homework, TEXTS.nextTime, TEXTS.rupture]) {
      await expect(history.getByText(text).first(), text).toBeVisible();
    }
    await review.openClient(TEXTS.alias);
    await expect(history.getByText(TEXTS.goal).first()).toBeVisible();
  } finally {
    await second.context.close();
  }
});
