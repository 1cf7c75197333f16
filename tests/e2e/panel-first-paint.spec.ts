import type { Frame } from '@playwright/test';
import { expect, openMeeting, PanelOnPage, test } from './support/test';

type LocalStorage = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

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
    .poll(() =>
      first.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: LocalStorage };
        return (await chrome.storage.local.get('panelFrameTitle')).panelFrameTitle;
      }),
    )
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
