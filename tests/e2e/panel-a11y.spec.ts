import type { Page } from '@playwright/test';
import { expect, MEET_MEETING_URL, PanelOnPage, test } from './support/test';
import { expectNoAxeViolations, reminder } from './support/visit-panel';

const SCHEMES = ['light', 'dark'] as const;

/** Checks a page or frame in both colour schemes (each has its own palette, so contrast is checked in each). */
async function expectAccessibleInBothSchemes(page: Page, target: Parameters<typeof expectNoAxeViolations>[0], what: string) {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await expect.poll(() => target.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    await expectNoAxeViolations(target, `${what} (${colorScheme})`);
  }
}

test('axe finds no WCAG 2.2 A/AA violations in the panel (collapsed, picking, mid-visit with agenda, goals and cues) or the popup', async ({
  context,
  extensionId,
}) => {
  // Eight axe runs; on a busy machine they need more than the default 30 s.
  test.slow();
  await context.clock.install({ time: new Date('2026-01-05T09:00:00Z') });
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  const panel = new PanelOnPage(page);
  const frame = await panel.frame();
  await expect(frame.getByRole('button', { name: 'Open Attune panel' })).toBeVisible();
  await expectAccessibleInBothSchemes(page, frame, 'collapsed handle');

  await panel.open();
  await frame.getByText('Your defaults and cues').click();
  await expectNoAxeViolations(frame, 'start a visit, settings open');

  await frame.getByLabel('Client alias or initials').fill('A.X.');
  await frame.getByRole('button', { name: 'Start visit' }).click();
  await frame.getByRole('button', { name: 'Add template items' }).click();
  await frame.getByText('Add a goal').click();
  await frame.getByLabel('Goal', { exact: true }).fill('Walk twice a week');
  await frame.getByRole('button', { name: 'Add goal' }).click();
  await frame.getByRole('checkbox').first().check();
  await frame.getByText('Save this agenda as a template').click();
  await page.clock.fastForward('36:00');
  await expect(reminder(frame, 'time:left-10')).toBeVisible();
  await expect(reminder(frame, 'goal-midpoint')).toBeVisible();
  await expectAccessibleInBothSchemes(page, frame, 'visit in progress with agenda, goals and cues');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('listitem').first()).toBeVisible();
  await expectAccessibleInBothSchemes(popup, popup, 'popup');
});
