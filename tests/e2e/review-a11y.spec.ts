import type { Page } from '@playwright/test';
import { generateVisitHistory, seedVisitHistory } from '../support/seed.mjs';
import { regularClient, ReviewScreen } from './support/review';
import { expect, openPopup, test } from './support/test';
import { expectNoAxeViolations } from './support/visit-panel';

const history = generateVisitHistory({ visits: 200, now: Date.now(), seed: 8 });
const { client, target } = regularClient(history);

async function inBothSchemes(page: Page, what: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    await expectNoAxeViolations(page, `${what} (${colorScheme})`);
  }
}

test('axe finds no WCAG 2.2 A/AA violations in the review screens: first screen, a visit, a client with the trend, a confirmation, backup', async ({
  context,
  extensionId,
}) => {
  // Seeding and eight axe runs; a loaded machine needs minutes.
  test.setTimeout(300_000);
  await seedVisitHistory(context, extensionId, history);
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('heading', { name: 'Check-ins with flags' })).toBeVisible({ timeout: 20_000 });
  await inBothSchemes(popup, 'popup first screen');

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/history.html`);
  await expect(page.getByRole('list', { name: 'Recent visits, newest first' }).getByRole('listitem')).toHaveCount(50);
  await inBothSchemes(page, 'history page');

  const review = new ReviewScreen(page);
  await review.search(client.alias, '', '');
  await review.openVisit(client.alias, target.id);
  await page.getByRole('button', { name: 'Delete this visit…' }).click();
  await inBothSchemes(page, 'a visit, with its deletion being confirmed');

  await review.openClient(client.alias);
  await page.getByText('Show the scores as a table').click();
  await inBothSchemes(page, 'a client with the alliance trend and its table');
});
