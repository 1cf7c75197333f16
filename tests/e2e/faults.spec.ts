// Faults a clinician's laptop meets mid-visit: the browser killed outright, the background service worker stopped, two
// call tabs at once. Each test checks what the clinician would find afterwards.
import { execFileSync } from 'node:child_process';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { extensionIdOf, launchWithExtension } from '../support/launch.mjs';
import { routeFixtureSites } from '../support/fixture-routes.mjs';
import { expect, MEET_MEETING_URL, openPopup, PanelOnPage, test } from './support/test';
import { storedRecords } from './support/visit-panel';

const NOTE = 'Client described panic on the 7:40 train; agreed to try paced breathing.';

/** The browser's main process for this profile (the one without a --type= switch). */
function browserPid(userDataDir: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const main = lines.find((line) => line.includes(`--user-data-dir=${userDataDir}`) && !line.includes('--type='));
  const pid = Number(main?.trim().split(/\s+/)[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`No browser process for ${userDataDir}.`);
  return pid;
}

async function launch(userDataDir: string): Promise<BrowserContext> {
  const context = await launchWithExtension({ userDataDir });
  await routeFixtureSites(context);
  return context;
}

const noteIn = (frame: Frame) => frame.getByLabel('Visit notes');
const saved = (frame: Frame) => frame.getByRole('status').filter({ hasText: /^Saved$/ });

test('the browser killed (SIGKILL) right after “Saved” shows: the note is there after restart', async ({}, testInfo) => {
  test.slow();
  const userDataDir = testInfo.outputPath('profile');
  const first = await launch(userDataDir);
  const page = await first.newPage();
  await page.goto(MEET_MEETING_URL);
  const panel = new PanelOnPage(page);
  const frame = await panel.startVisit('K.L.');
  await noteIn(frame).click();
  await noteIn(frame).pressSequentially(NOTE);
  await expect(saved(frame)).toBeVisible();

  const closed = new Promise((resolve) => first.once('close', resolve));
  process.kill(browserPid(userDataDir), 'SIGKILL');
  await closed;

  const second = await launch(userDataDir);
  try {
    const popup = await openPopup(second, await extensionIdOf(second));
    await expect(popup.getByRole('listitem').filter({ hasText: 'K.L.' })).toContainText('Client described panic on the 7:40 train');
    const notes = await storedRecords(popup.mainFrame(), 'notes');
    expect(notes.map((note) => note.text)).toEqual([NOTE]);
  } finally {
    await second.close();
  }
});

/** Stops Attune's service worker the way the browser does when it is idle, through the DevTools protocol. */
async function stopServiceWorker(context: BrowserContext, extensionPage: Page): Promise<void> {
  const cdp = await context.newCDPSession(extensionPage);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version) => version.scriptURL.endsWith('/background.js') && version.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

test('the service worker stopped mid-visit: the visit, its note and call state come back, and the grace timer still ends the visit', async ({
  context,
  extensionId,
}) => {
  test.slow();
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  const panel = new PanelOnPage(page);
  const frame = await panel.startVisit('S.W.');
  await page.locator('#join').click();
  await expect(frame.locator('[data-call-phase]')).toHaveAttribute('data-call-phase', 'in-call');
  await noteIn(frame).click();
  await noteIn(frame).pressSequentially(NOTE);
  await expect(saved(frame)).toBeVisible();
  const popup = await openPopup(context, extensionId);
  await page.bringToFront();

  await stopServiceWorker(context, popup);
  // The panel reloads (as after a crash of its frame): it asks a background that has to start again from nothing.
  await page.reload();
  await page.locator('#join').click();
  const reloaded = await panel.frame();
  await expect(reloaded.getByRole('heading', { name: 'Visit with S.W.' })).toBeVisible();
  await expect(noteIn(reloaded)).toHaveValue(NOTE);
  await expect(reloaded.locator('[data-call-phase]')).toHaveAttribute('data-call-phase', 'in-call');
  await expect(reloaded.getByTestId('visit-timer')).toHaveText(/\d+ min in · \d+ min left/);

  // Leaving starts a grace period; the worker is stopped during it, so its in-memory timer is gone: the alarm ends it.
  await page.locator('#leave').click();
  await expect(reloaded.locator('[data-call-phase]')).toHaveAttribute('data-call-phase', 'ending');
  const leftAt = Date.now();
  await stopServiceWorker(context, popup);
  await expect
    .poll(async () => (await storedRecords(reloaded, 'visits'))[0]?.endReason, { timeout: 60_000, message: 'the visit ends by itself' })
    .toBe('left-call');
  const [visit] = await storedRecords(reloaded, 'visits');
  expect(Number(visit?.endedAt)).toBeGreaterThanOrEqual(leftAt - 1_000);
  await expect(reloaded.getByRole('heading', { name: /Visit ended/ })).toBeVisible();
});

test('two call tabs at once: each visit keeps its own note, nothing is overwritten', async ({ context }) => {
  test.slow();
  // A clinician opens each call in a tab of its own, which comes to the front and loads there, and starts its visit.
  const first = await context.newPage();
  await first.goto(MEET_MEETING_URL);
  const panelA = new PanelOnPage(first);
  const frameA = await panelA.startVisit('A.A.');
  const second = await context.newPage();
  await second.goto('https://meet.google.com/xyz-abcd-efg');
  const panelB = new PanelOnPage(second);
  // The panel remembers it was left open, so in the second tab it opens without the handle being clicked.
  const frameB = await panelB.frame();
  await frameB.getByLabel('Client alias or initials').fill('B.B.');
  await frameB.getByRole('button', { name: 'Start visit' }).click();
  await expect(frameB.getByRole('heading', { name: 'Visit with B.B.' })).toBeVisible();

  // Interleaved typing in both tabs, switching between them.
  for (const [page, frame, words] of [
    [first, frameA, 'Alpha talked about work. '],
    [second, frameB, 'Bravo talked about family. '],
    [first, frameA, 'Alpha homework: diary.'],
    [second, frameB, 'Bravo homework: walk.'],
  ] as const) {
    await page.bringToFront();
    await noteIn(frame).click();
    await noteIn(frame).press('End');
    await noteIn(frame).pressSequentially(words);
  }
  await expect(saved(frameA)).toBeVisible();
  await expect(saved(frameB)).toBeVisible();

  // Each tab, reloaded, shows its own visit and note.
  for (const [page, panel, alias, text] of [
    [first, panelA, 'A.A.', 'Alpha talked about work. Alpha homework: diary.'],
    [second, panelB, 'B.B.', 'Bravo talked about family. Bravo homework: walk.'],
  ] as const) {
    await page.bringToFront();
    await page.reload();
    const frame = await panel.frame();
    await expect(frame.getByRole('heading', { name: `Visit with ${alias}` })).toBeVisible();
    await expect(noteIn(frame)).toHaveValue(text);
  }
  const notes = await storedRecords(await panelA.frame(), 'notes');
  expect(notes.map((note) => note.text).sort()).toEqual([
    'Alpha talked about work. Alpha homework: diary.',
    'Bravo talked about family. Bravo homework: walk.',
  ]);
});
