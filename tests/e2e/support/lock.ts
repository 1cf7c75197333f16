import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './test';

/** The passphrase the lock specs use. */
export const PASSPHRASE = 'harbour lantern 42';

/** Fills the options page's new-passphrase fields and turns the lock on, waiting until the page says it is on. */
export async function turnLockOnIn(options: Page, passphrase = PASSPHRASE): Promise<void> {
  await options.getByLabel('New passphrase (at least 8 characters)').fill(passphrase);
  await options.getByLabel('Type the new passphrase again').fill(passphrase);
  await options.getByRole('button', { name: 'Turn the lock on' }).click();
  await expect(options.getByText('The lock is on: your notes are encrypted on this device.')).toBeVisible();
}

/** Opens the options page in a new tab and turns the lock on there, as a clinician does; returns the page. */
export async function turnLockOn(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await turnLockOnIn(options);
  return options;
}
