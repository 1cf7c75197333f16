import type { BrowserContext, Page } from '@playwright/test';
import { generateVisitHistory, seedVisitHistory } from '../support/seed.mjs';
import { dayOf, regularClient, ReviewScreen } from './support/review';
import { expect, openPopup, test } from './support/test';

const DAY = 86_400_000;
const history = generateVisitHistory({ visits: 10_000, now: Date.now(), seed: 21 });
const { client, target, note, completed } = regularClient(history);

async function seeded(context: BrowserContext, extensionId: string): Promise<void> {
  expect(await seedVisitHistory(context, extensionId, history)).toEqual({
    clients: history.clients.length,
    visits: 10_000,
    notes: history.notes.length,
    checkIns: 10_000,
  });
}

/** Finds the target visit by alias and dates, opens it, then the client's trend: what the issue asks for in seconds. */
async function findVisitAndTrend(page: Page): Promise<void> {
  const review = new ReviewScreen(page);
  await review.search(client.alias.slice(0, 3).toLowerCase(), dayOf(target.startedAt - 10 * DAY), dayOf(target.startedAt + 10 * DAY));
  const row = review.found().locator(`.visit-row[data-visit-id="${target.id}"]`);
  await expect(row).toContainText(client.alias);
  // Every visit found is in the date range and belongs to a client whose alias starts that way.
  for (const alias of await review.found().locator('.visit-alias').allInnerTexts()) expect(alias.toLowerCase().startsWith(client.alias.slice(0, 3).toLowerCase())).toBe(true);

  await review.openVisit(client.alias, target.id);
  const detail = page.locator(`[data-visit-detail="${target.id}"]`);
  if (note !== undefined) await expect(detail.locator('.review-note')).toHaveText(note.text);
  await expect(detail.getByRole('heading', { name: 'Alliance check-in' })).toBeVisible();
  await expect(detail.getByRole('heading', { name: 'Presence' })).toBeVisible();

  await review.openClient(client.alias);
  const chart = page.getByRole('img', { name: /^Alliance over time/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleName(new RegExp(`^Alliance over time ${completed} completed check-ins\\. Latest totals: client`));
  // Both lines and the threshold are drawn.
  await expect(chart.locator('.trend-client circle').first()).toBeVisible();
  await expect(chart.locator('.trend-clinician circle').first()).toBeVisible();
  await expect(chart.locator('.trend-threshold')).toHaveCount(1);
  await page.getByText('Show the scores as a table').click();
  await expect(page.locator('.trend-table tbody tr')).toHaveCount(completed);
}

// Seeding 10,000 visits and 10,000 check-ins takes a while on a loaded machine, so one test seeds once and reviews in
// both places: the popup, then the history page it opens.
test('with 10,000 visits, the popup and the history page show flags and recent visits first, find a past visit by alias and dates, and show the client\u2019s trend', async ({
  context,
  extensionId,
  requestedUrls,
}) => {
  test.setTimeout(400_000);
  await seeded(context, extensionId);
  const popup = await openPopup(context, extensionId);
  const recent = popup.getByRole('list', { name: 'Recent visits, newest first' }).getByRole('listitem');
  await expect(recent).toHaveCount(20, { timeout: 30_000 });
  const firstRowMs = await popup.evaluate(() => performance.now());
  test.info().annotations.push({ type: 'popup first rows (upper bound, ms)', description: firstRowMs.toFixed(0) });
  const newest = [...history.visits].sort((a, b) => b.startedAt - a.startedAt)[0];
  await expect(recent.first()).toHaveAttribute('data-visit-id', newest?.id ?? 'missing');
  await expect(popup.getByRole('heading', { name: 'Check-ins with flags' })).toBeVisible({ timeout: 30_000 });
  // Fits the toolbar popup's 800×600 limit: in a window that size nothing scrolls sideways.
  await popup.setViewportSize({ width: 800, height: 600 });
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  expect(await popup.evaluate(() => document.body.getBoundingClientRect().width)).toBeLessThanOrEqual(800);

  let started = Date.now();
  await findVisitAndTrend(popup);
  test.info().annotations.push({ type: 'popup find-and-trend ms', description: String(Date.now() - started) });

  await popup.getByRole('button', { name: '\u2190 Back to visits' }).click();
  await popup.getByRole('button', { name: 'Clear' }).click();
  await expect(popup.getByRole('list', { name: 'Recent visits, newest first' }).getByRole('listitem')).toHaveCount(20);
  await popup.getByRole('button', { name: 'Show more visits' }).click();
  await expect(popup.getByRole('list', { name: 'Recent visits, newest first' }).getByRole('listitem')).toHaveCount(40);

  const [historyPage] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: 'Open history in a tab' }).click()]);
  await expect(historyPage).toHaveURL(`chrome-extension://${extensionId}/history.html`);
  await expect(historyPage.getByRole('heading', { level: 1, name: 'Attune \u00b7 Past visits' })).toBeVisible();
  await expect(historyPage.getByRole('list', { name: 'Recent visits, newest first' }).getByRole('listitem')).toHaveCount(50, { timeout: 30_000 });
  started = Date.now();
  await findVisitAndTrend(historyPage);
  test.info().annotations.push({ type: 'history find-and-trend ms', description: String(Date.now() - started) });
  expect(requestedUrls.filter((url) => !url.startsWith('chrome-extension://'))).toEqual([]);
});
