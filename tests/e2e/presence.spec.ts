import type { BrowserContext, Frame, Page } from '@playwright/test';
import { expect, MEET_LANDING_URL, MEET_MEETING_URL, PanelOnPage, test } from './support/test';

/**
 * The presence nudge with a controlled clock: the away threshold is set to 1 s through Attune's own settings storage
 * (the settings page offers 10 s and up), and periodic prompts are reached with Playwright's clock in the pages.
 * Switching tabs is bringing another page to the front, which really fires `tabs.onActivated` in headless Chromium;
 * the browser losing window focus cannot be produced headless, so it is covered by the unit tests.
 */

// Another site, with no permission for Attune: a tab here counts as away. Served locally; nothing leaves the machine.
const OTHER_SITE = 'https://records.example.org/inbox';

async function routeOtherSite(context: BrowserContext) {
  await context.route(/^https:\/\/records\.example\.org\//, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Inbox</title><h1>Inbox</h1>' }),
  );
}

async function openSettings(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Presence nudge' })).toBeVisible();
  return options;
}

/** Settings the page does not offer (a 1 s threshold), written where the settings page writes them. */
async function storeSettings(options: Page, values: Record<string, unknown>) {
  type ExtensionStorage = { storage: { local: { set(values: Record<string, unknown>): Promise<void> } } };
  await options.evaluate((stored) => (globalThis as unknown as { chrome: ExtensionStorage }).chrome.storage.local.set(stored), values);
  // A fresh page shows the stored values at once; the open one would re-read them later and could undo a click meanwhile.
  await options.reload();
}

async function startVisitOnCall(context: BrowserContext, alias: string): Promise<{ page: Page; frame: Frame }> {
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  // Presence counts only once the clinician is in the call, not in the lobby.
  await page.getByRole('button', { name: 'Join now' }).click();
  const frame = await new PanelOnPage(page).startVisit(alias);
  await expect(frame.getByText(/In call since/)).toBeVisible();
  return { page, frame };
}

/** A page in another tab, opened before the visit, to switch to. */
async function otherTab(context: BrowserContext, url: string): Promise<Page> {
  const other = await context.newPage();
  await other.goto(url);
  return other;
}

/** Switches to another tab for a while, then comes back to the call. */
async function awayAndBack(call: Page, other: Page, awayMs: number): Promise<void> {
  await other.bringToFront();
  await other.waitForTimeout(awayMs);
  await call.bringToFront();
}

const cueIn = (frame: Frame) => frame.getByRole('complementary', { name: 'Presence cue' });

test('coming back after being away brings one kind, correctly timed cue, and the visit records it', async ({
  context,
  extensionId,
}) => {
  await routeOtherSite(context);
  const options = await openSettings(context, extensionId);
  await storeSettings(options, { 'presence.awayThresholdSeconds': 1 });
  const inbox = await otherTab(context, OTHER_SITE);
  const { page, frame } = await startVisitOnCall(context, 'P.Q.');
  // No cue while the clinician is with the call.
  await expect(cueIn(frame)).toHaveCount(0);

  const started = Date.now();
  await awayAndBack(page, inbox, 2_500);
  const awayAtMost = Math.ceil((Date.now() - started) / 1000);

  const cue = cueIn(frame);
  await expect(cue).toHaveCount(1);
  await expect(cue).toContainText(/^Away \d+ s\. A short summary back to the client can help you both reconnect\./);
  const awaySeconds = Number((await cue.textContent())?.match(/Away (\d+) s/)?.[1]);
  expect(awaySeconds).toBeGreaterThanOrEqual(2);
  expect(awaySeconds).toBeLessThanOrEqual(awayAtMost);
  // Announced politely through the live region that exists from panel load; focus stays where it was.
  await expect(frame.locator('#presence-announcer[role="status"][aria-live="polite"]')).toContainText(`Away ${awaySeconds} s`);
  expect(await frame.evaluate(() => document.activeElement?.closest('aside') ?? null)).toBeNull();

  await cue.getByRole('button', { name: 'Noted' }).click();
  await expect(cue).toHaveCount(0);

  await frame.getByRole('button', { name: 'End visit' }).click();
  await expect(frame.getByRole('heading', { name: 'Visit ended' })).toBeVisible();
  await expect(frame.getByText(/^Presence:/)).toHaveText(`Presence: away ${awaySeconds} s (1×) · cues 1 shown, 1 noted`);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('list', { name: 'Recent visits, newest first' }).getByRole('listitem')).toContainText(`Presence: away ${awaySeconds} s (1×) · cues 1 shown, 1 noted`);
});

test('a tab on a site the clinician listed for visits does not count as away', async ({ context, extensionId }) => {
  await routeOtherSite(context);
  const options = await openSettings(context, extensionId);
  await storeSettings(options, { 'presence.awayThresholdSeconds': 1 });
  // Meet's own host stands in for the clinician's records system: Attune already holds its permission, so adding it
  // needs no permission prompt (which a headless browser cannot answer).
  await options.getByLabel('Site expected during visits').fill('https://records/');
  await options.getByRole('button', { name: 'Add expected site' }).click();
  await expect(options.getByRole('alert')).toHaveText('"https://records/" is not a site name like ehr.example.org. Nothing was added.');
  await expect(options.getByText('No sites listed.')).toBeVisible();
  await options.getByLabel('Site expected during visits').fill('meet.google.com');
  await options.getByRole('button', { name: 'Add expected site' }).click();
  await expect(options.getByRole('listitem').filter({ hasText: 'meet.google.com' })).toBeVisible();

  const records = await otherTab(context, MEET_LANDING_URL);
  const inbox = await otherTab(context, OTHER_SITE);
  const { page, frame } = await startVisitOnCall(context, 'K.L.');
  await awayAndBack(page, records, 2_000);
  await page.waitForTimeout(1_000);
  await expect(cueIn(frame)).toHaveCount(0);

  // The same visit does notice a site that is not listed, so the quiet above was the allow-list at work. With the
  // panel collapsed, the cue waits behind a mark on the handle.
  await frame.getByRole('button', { name: 'Collapse Attune panel' }).click();
  await awayAndBack(page, inbox, 2_000);
  await frame.getByRole('button', { name: 'Open Attune panel (a presence cue is waiting)' }).click();
  await expect(cueIn(frame)).toContainText(/^Away \d+ s\./);
});

test('the periodic presence prompt waits while the clinician types, comes once they pause, and goes on its own', async ({
  context,
  extensionId,
}) => {
  await context.clock.install();
  const options = await openSettings(context, extensionId);
  await options.getByLabel('Presence prompt during the visit').selectOption({ label: 'Every 10 min' });
  await expect(options.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  const { page, frame } = await startVisitOnCall(context, 'M.N.');
  await context.clock.fastForward('09:55');
  await frame.getByLabel('Visit notes').pressSequentially('Client describes a difficult week');
  // Due at 10:00, but the clinician typed within the last few seconds: held back.
  await context.clock.fastForward('00:07');
  await frame.waitForTimeout(300);
  await expect(cueIn(frame)).toHaveCount(0);

  // They paused: the prompt comes, in Attune's words.
  await context.clock.fastForward('00:10');
  const cue = cueIn(frame);
  await expect(cue).toContainText('One slow breath. Let your attention settle on the client.');
  await expect(cue).toHaveCSS('animation-name', 'presence-cue-fade');

  // With reduced motion there is no fading animation, and the cue still goes on its own when its time is up.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(cue).toHaveCSS('animation-name', 'none');
  await context.clock.fastForward('00:46');
  await expect(cue).toHaveCount(0);
});

test('with the presence nudge turned off, Attune stays silent and records nothing', async ({ context, extensionId }) => {
  await routeOtherSite(context);
  await context.clock.install();
  const options = await openSettings(context, extensionId);
  await storeSettings(options, { 'presence.awayThresholdSeconds': 1, 'presence.periodicMinutes': 10 });
  await expect(options.getByLabel('Presence prompt during the visit')).toHaveValue('10');
  await options.getByLabel('Use the presence nudge').uncheck();
  await expect(options.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  const inbox = await otherTab(context, OTHER_SITE);
  const { page, frame } = await startVisitOnCall(context, 'S.T.');
  await awayAndBack(page, inbox, 2_000);
  await context.clock.fastForward('21:00');
  await frame.waitForTimeout(1_000);
  await expect(cueIn(frame)).toHaveCount(0);
  await expect(frame.locator('#presence-announcer[role="status"]')).toHaveText('');

  await frame.getByRole('button', { name: 'End visit' }).click();
  await expect(frame.getByRole('heading', { name: 'Visit ended' })).toBeVisible();
  await expect(frame.getByText(/^Presence:/)).toHaveCount(0);
});
