import type { Frame } from '@playwright/test';
import { expect, openMeeting, PanelOnPage, test } from './support/test';
import { storedLocal } from './support/visit-panel';

// Two page loads each, on a machine that may be busy.
test.describe.configure({ timeout: 60_000 });

/** The iframe's `title` (its accessible name), read through the closed shadow root the way assistive technology sees it. */
async function frameTitle(frame: Frame): Promise<string | null> {
  const element = await frame.frameElement();
  return element.getAttribute('title');
}

test('the panel frame is named in the clinician’s language on the first call page and, from what the panel stored, on the next', async ({
  context,
}) => {
  const { page, panel } = await openMeeting(context);
  const first = await panel.frame();
  expect(await frameTitle(first)).toBe('Attune panel');
  // The full panel takes over from the first screen with the same handle, ready for the keyboard.
  await expect(first.getByRole('button', { name: 'Open Attune panel' })).toBeVisible();
  await expect.poll(() => first.evaluate(() => document.title)).toBe('Attune panel');

  // What the next call page's content script reads instead of fetching the message bundle (read here from the panel,
  // an extension page).
  await expect
    .poll(async () => (await storedLocal(first, ['panelFrameTitle'])).panelFrameTitle)
    .toBe('Attune panel');

  await page.reload();
  const next = await new PanelOnPage(page).frame();
  expect(await frameTitle(next)).toBe('Attune panel');
});

test('Enter on the handle opens the panel and moves focus into it, whether or not the rest of the panel had loaded', async ({ context }) => {
  const { panel } = await openMeeting(context);
  const frame = await panel.frame();
  const handle = frame.getByRole('button', { name: 'Open Attune panel' });
  await handle.focus();
  await handle.press('Enter');
  await expect(frame.getByRole('heading', { name: 'Attune', level: 1 })).toBeVisible();
  await expect.poll(() => frame.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName)).toBe('Attune panel');
});

test('a panel left open opens straight away on the next call page: no handle first, and the keyboard stays with the call', async ({ context }) => {
  // In every extension frame: whether the handle was ever drawn before the open panel (what a reload used to show first).
  await context.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/panel.html')) return;
    const seen: string[] = [];
    Object.defineProperty(window, '__firstDrawn', { value: seen });
    new MutationObserver(() => {
      const now = document.querySelector('button.handle') !== null ? 'handle' : document.querySelector('main.panel') !== null ? 'panel' : '';
      if (now !== '' && seen.at(-1) !== now) seen.push(now);
    }).observe(document, { childList: true, subtree: true });
  });
  const { page, panel } = await openMeeting(context);
  const first = await panel.frame();
  await first.getByRole('button', { name: 'Open Attune panel' }).click();
  await expect(first.getByLabel('Client alias or initials')).toBeVisible();

  await page.reload();
  const next = await new PanelOnPage(page).frame();
  await expect(next.getByLabel('Client alias or initials')).toBeVisible();
  expect(await next.evaluate(() => (window as unknown as { __firstDrawn: string[] }).__firstDrawn)).toEqual(['panel']);
  // Opened by the clinician's earlier choice, not by a click now: nothing in the panel took focus.
  expect(await next.evaluate(() => document.activeElement === document.body)).toBe(true);
});
