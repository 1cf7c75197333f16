import type { Frame, Locator, Page, Worker } from '@playwright/test';
import { expect, MEET_MEETING_URL, PanelOnPage, test } from './support/test';
import { agendaTexts } from './support/visit-panel';

// The service worker's `chrome` global, as far as these tests use it.
declare const chrome: {
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
  commands: { onCommand: { dispatch(command: string, tab: { id: number }): void } };
  runtime: { getManifest(): { commands?: Record<string, unknown> } };
};

/** Presses Tab (only Tab, as a keyboard user would) until `target` has focus. */
async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The browser's own commands event, fired in the service worker as the browser fires it when the shortcut is pressed. */
async function pressOpenPanelShortcut(worker: Worker, page: Page): Promise<void> {
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, page.url());
  expect(tabId).toBeDefined();
  await worker.evaluate((id) => chrome.commands.onCommand.dispatch('open-panel', { id: id! }), tabId);
}

const pageFocusIsOnPanel = (page: Page) => page.evaluate(() => document.activeElement?.tagName === 'ATTUNE-PANEL');
const focusedInFrame = (frame: Frame) => frame.evaluate(() => [document.hasFocus(), document.activeElement?.tagName]);

test('keyboard only: the shortcut opens the panel with focus in it, a visit runs by keys alone, and Esc gives focus back', async ({
  context,
}) => {
  // A whole visit by Tab presses is many steps; on a busy machine it needs more than the default 30 s.
  test.slow();
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  await page.getByRole('button', { name: 'Join now' }).press('Enter');
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.commands?.['open-panel']).toMatchObject({ suggested_key: { default: 'Alt+Shift+A' } });

  const panel = new PanelOnPage(page);
  const frame = await panel.frame();
  await expect(frame.getByRole('button', { name: 'Open Attune panel' })).toBeVisible();
  // Loading the panel took no focus from the call page.
  expect(await pageFocusIsOnPanel(page)).toBe(false);

  await pressOpenPanelShortcut(worker, page);
  await expect(frame.getByRole('heading', { name: 'Attune', level: 1 })).toBeVisible();
  await expect.poll(() => pageFocusIsOnPanel(page)).toBe(true);
  await expect.poll(() => focusedInFrame(frame)).toEqual([true, 'MAIN']);

  // Start a visit with the keyboard alone.
  await tabTo(page, frame.getByLabel('Client alias or initials'));
  await page.keyboard.type('K.B.');
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('heading', { name: 'Visit with K.B.' })).toBeVisible();

  // Build and reorder the agenda, check an item off.
  const newItem = frame.getByLabel('New agenda item');
  await tabTo(page, newItem);
  for (const text of ['Sleep diary', 'Exposure plan']) {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await expect(frame.getByRole('checkbox', { name: text })).toBeVisible();
  }
  const moveUp = frame.getByRole('button', { name: 'Move up: Exposure plan' });
  await tabTo(page, moveUp);
  await page.keyboard.press('Enter');
  await expect.poll(() => agendaTexts(frame)).toEqual(['Exposure plan', 'Sleep diary']);
  // The button pressed keeps focus after its item moved, and the move is announced.
  await expect(moveUp).toBeFocused();
  await expect(frame.getByTestId('panel-announcer')).toHaveText('“Exposure plan” moved to place 1 of 2.');
  await tabTo(page, frame.getByRole('checkbox', { name: 'Exposure plan' }));
  await page.keyboard.press('Space');
  await expect(frame.getByRole('checkbox', { name: 'Exposure plan' })).toBeChecked();

  // Esc: the panel collapses and the call page has the keyboard again.
  await page.keyboard.press('Escape');
  await expect(frame.getByRole('button', { name: 'Open Attune panel' })).toBeVisible();
  await expect.poll(() => pageFocusIsOnPanel(page)).toBe(false);
  const hostBox = await page.locator('attune-panel').boundingBox();
  expect(hostBox!.width).toBeLessThanOrEqual(32);

  // The shortcut again brings the visit back, focused; End visit by keyboard.
  await pressOpenPanelShortcut(worker, page);
  await expect.poll(() => pageFocusIsOnPanel(page)).toBe(true);
  await tabTo(page, frame.getByRole('button', { name: 'End visit' }));
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('heading', { name: 'Visit ended' })).toBeVisible();
});

test('the shortcut opens only the panel in the tab where it was pressed', async ({ context }) => {
  const first = await context.newPage();
  await first.goto(MEET_MEETING_URL);
  const second = await context.newPage();
  await second.goto('https://meet.google.com/xyz-abcd-efg');
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const firstFrame = await new PanelOnPage(first).frame();
  const secondFrame = await new PanelOnPage(second).frame();
  await expect(secondFrame.getByRole('button', { name: 'Open Attune panel' })).toBeVisible();

  await pressOpenPanelShortcut(worker, second);
  await expect.poll(() => focusedInFrame(secondFrame)).toEqual([true, 'MAIN']);
  expect(await pageFocusIsOnPanel(first)).toBe(false);
  expect(await firstFrame.evaluate(() => document.activeElement?.tagName)).not.toBe('MAIN');
});

test('the handle moves along the edge by keyboard, stays above the call controls, and keeps its place', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  const frame = await new PanelOnPage(page).frame();
  const host = page.locator('attune-panel');
  const handle = frame.getByRole('button', { name: 'Open Attune panel' });
  const middle = (await host.boundingBox())!;

  await handle.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await host.boundingBox())!.y).toBeLessThan(middle.y - 20);
  await page.keyboard.press('Home');
  await expect.poll(async () => (await host.boundingBox())!.y).toBe(64);
  await page.keyboard.press('End');
  await expect.poll(async () => (await host.boundingBox())!.y).toBeGreaterThan(middle.y + 100);
  const bottom = (await host.boundingBox())!;
  expect(bottom.x + bottom.width).toBeCloseTo(1280, 0);
  expect(bottom.y + bottom.height).toBeLessThanOrEqual(800 - 112);
  // Moving is not opening.
  await expect(handle).toBeVisible();

  await page.reload();
  await new PanelOnPage(page).frame();
  await expect.poll(async () => (await host.boundingBox())?.y).toBe(bottom.y);

  // With a mouse: dragging the handle up moves it, and the drag does not open the panel.
  const reloadedHandle = (await new PanelOnPage(page).frame()).getByRole('button', { name: 'Open Attune panel' });
  await page.mouse.move(bottom.x + bottom.width / 2, bottom.y + bottom.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 10; step += 1) await page.mouse.move(bottom.x + bottom.width / 2, bottom.y + bottom.height / 2 - step * 20);
  await page.mouse.up();
  await expect.poll(async () => (await host.boundingBox())!.y).toBeLessThan(bottom.y - 50);
  await expect(reloadedHandle).toBeVisible();
});
