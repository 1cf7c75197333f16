import type { BrowserContext, Frame } from '@playwright/test';
import { extensionIdOf, launchWithExtension } from '../support/launch.mjs';
import { routeFixtureSites } from '../support/fixture-routes.mjs';
import { expect, openMeeting, openPopup, test } from './support/test';
import { PASSPHRASE, turnLockOn } from './support/lock';
import { startVirtualDisplay } from './support/virtual-display';
import { storedRecords } from './support/visit-panel';

// The extension pages' `chrome` global, as far as these tests use it.
declare const chrome: {
  storage: {
    local: { get(keys: null): Promise<Record<string, unknown>> };
    session: { remove(key: string): Promise<void> };
  };
};

const NOTE = 'Client reported sleeping better since the new routine.';
const DRAFT = ' Disclosed a fall-out with her sister on Sunday.';
const WARNING = /Attune locks in \d+ seconds because this computer has not been used\./;

const focusedId = (frame: Frame) => frame.evaluate(() => document.activeElement?.id ?? '');

test.describe('the inactivity warning (a headed browser on a virtual screen, whose idle time runs)', () => {
  let context: BrowserContext;
  let stopDisplay: () => void = () => undefined;

  test.beforeEach(async ({}, testInfo) => {
    const virtual = await startVirtualDisplay();
    stopDisplay = virtual.stop;
    const previous = process.env.DISPLAY;
    process.env.DISPLAY = virtual.display;
    try {
      context = await launchWithExtension({ userDataDir: testInfo.outputPath('profile'), headless: false });
    } finally {
      process.env.DISPLAY = previous;
    }
    await routeFixtureSites(context);
  });
  test.afterEach(async () => {
    await context.close();
    stopDisplay();
  });

  test('every Attune page warns before the auto-lock without taking focus; Stay unlocked extends; unheeded, it locks the panel', async () => {
    // 15 s of idleness to the warning, 45 s of warning, twice over: well past the default minute.
    test.setTimeout(240_000);
    const extensionId = await extensionIdOf(context);
    const options = await turnLockOn(context, extensionId);
    const { panel } = await openMeeting(context);
    const frame = await panel.startVisit('R.T.');
    await panel.typeNote(frame, NOTE);
    const popup = await openPopup(context, extensionId);
    await frame.getByLabel('Visit notes').focus();

    // The shortest auto-lock, chosen on the options page: one minute, of which the last 45 s warn (the idle API needs at
    // least 15 s of idleness first).
    await options.getByLabel('Warn before locking').selectOption('45');
    await options.getByLabel('Lock after').selectOption('1');
    await expect(frame.getByText(WARNING)).toBeVisible({ timeout: 40_000 });
    await expect(options.getByText(WARNING)).toBeVisible();
    await expect(popup.getByText(WARNING)).toBeVisible();
    await expect(frame.getByTestId('auto-lock-announcer')).toHaveText(
      'Attune will lock soon because this computer has not been used. Choose Stay unlocked to keep working.',
    );
    expect(await focusedId(frame), 'the warning leaves focus in the note').toBe('visit-notes');

    // Stay unlocked, from the keyboard on another page: the warning leaves every page and Attune stays unlocked.
    const stay = options.getByRole('button', { name: 'Stay unlocked' });
    await stay.focus();
    await options.keyboard.press('Enter');
    await expect(frame.getByText(WARNING)).toHaveCount(0);
    await expect(popup.getByText(WARNING)).toHaveCount(0);
    await expect(frame.getByTestId('auto-lock-announcer')).toHaveText('');
    await expect(frame.getByLabel('Visit notes')).toHaveValue(NOTE);

    // Still no keyboard or mouse use: a full idle period later the warning comes back, and unheeded, Attune locks.
    await expect(frame.getByText(WARNING)).toBeVisible({ timeout: 40_000 });
    await expect(frame.getByRole('heading', { name: 'Attune is locked' })).toBeVisible({ timeout: 70_000 });
    await expect(frame.getByLabel('Visit notes')).toHaveCount(0);
    await expect(frame.getByText('sleeping better')).toHaveCount(0);
    await expect(options.getByText(WARNING)).toHaveCount(0);
  });
});

test('a note not yet saved when Attune locks is kept sealed, never in the clear, and is back in the editor and saved after unlocking in the panel', async ({
  context,
  extensionId,
}) => {
  test.slow();
  const options = await turnLockOn(context, extensionId);
  const { panel } = await openMeeting(context);
  const frame = await panel.startVisit('R.T.');
  await panel.typeNote(frame, NOTE);

  // More text, and the lock engages (as the background does: the secret leaves the session) before autosave's pause.
  await frame.evaluate(
    ([more]) => {
      const notes = document.querySelector<HTMLTextAreaElement>('#visit-notes');
      if (notes === null) throw new Error('no note editor');
      notes.value += more;
      notes.dispatchEvent(new InputEvent('input', { bubbles: true }));
      void chrome.storage.session.remove('lock.unlockedSecret');
    },
    [DRAFT],
  );
  await expect(frame.getByRole('heading', { name: 'Attune is locked' })).toBeVisible();
  await expect(frame.getByLabel('Visit notes')).toHaveCount(0);

  // On disk: the draft is kept, sealed; no trace of its words in extension storage or the database.
  await expect.poll(async () => JSON.stringify(await options.evaluate(() => chrome.storage.local.get(null)))).toContain('lock.sealedDraft:');
  const rawLocal = JSON.stringify(await options.evaluate(() => chrome.storage.local.get(null)));
  const rawNotes = JSON.stringify(await storedRecords(frame, 'notes'));
  for (const fragment of ['sister', 'fall-out', 'Sunday', 'sleeping better']) {
    expect(rawLocal).not.toContain(fragment);
    expect(rawNotes).not.toContain(fragment);
  }

  // Unlock in the panel itself: the same visit, with the draft back in the editor, saved.
  await frame.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await frame.getByRole('button', { name: 'Unlock' }).click();
  await expect(frame.getByRole('heading', { name: 'Visit with R.T.' })).toBeVisible();
  await expect(frame.getByLabel('Visit notes')).toHaveValue(NOTE + DRAFT);
  await expect(frame.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect.poll(async () => JSON.stringify(await options.evaluate(() => chrome.storage.local.get(null)))).not.toContain('lock.sealedDraft:');
  expect(JSON.stringify(await storedRecords(frame, 'notes'))).not.toContain('sister');

  // The saved note is the whole note: a fresh page reads it back (the visit list shows its opening words).
  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/history.html`);
  await expect(history.getByText(/since the new routine\. Disclosed a fall-out/).first()).toBeVisible();
});
