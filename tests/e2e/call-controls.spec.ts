import type { Page } from '@playwright/test';
import { FIXTURE_SITES } from '../support/fixture-routes.mjs';
import { expect, PanelOnPage, test } from './support/test';

/**
 * How to reach the call controls on each platform's fixture: a meeting URL, the button that joins from the lobby (if
 * any), and the element holding the controls. Every fixture site must have an entry, so a new platform's fixture is
 * checked too.
 */
const CALL_CONTROLS: Record<string, { meetingUrl: string; join?: string; controls: string }> = {
  meet: { meetingUrl: 'https://meet.google.com/abc-defg-hij', join: '#join', controls: '#controls' },
};

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function expectClearOfControls(page: Page, controls: string, state: string): Promise<void> {
  const panelBox = await page.locator('attune-panel').boundingBox();
  const boxes = await page.locator(`${controls}, ${controls} *`).evaluateAll((elements) =>
    elements.filter((element) => element.getClientRects().length > 0).map((element) => element.getBoundingClientRect().toJSON() as Box),
  );
  expect(panelBox, state).not.toBeNull();
  expect(boxes.length, `${state}: the fixture shows its call controls`).toBeGreaterThan(0);
  for (const box of boxes) expect(overlaps(panelBox!, box), `${state}: panel ${JSON.stringify(panelBox)} covers ${JSON.stringify(box)}`).toBe(false);
}

test('every platform fixture says where its call controls are', () => {
  expect(Object.keys(CALL_CONTROLS).sort()).toEqual(FIXTURE_SITES.map((site) => site.platform).sort());
});

for (const site of FIXTURE_SITES) {
  test(`${site.platform}: the panel never covers the call controls, open or collapsed, wherever the handle is`, async ({ context }) => {
    // Two viewports, three layouts each.
    test.slow();
    const target = CALL_CONTROLS[site.platform];
    test.skip(target === undefined, 'covered by the registry check above');
    const page = await context.newPage();
    for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 600 }]) {
      await page.setViewportSize(viewport);
      await page.goto(target!.meetingUrl);
      if (target!.join !== undefined) await page.locator(target!.join).click();
      await expect(page.locator(target!.controls)).toBeVisible();
      const frame = await new PanelOnPage(page).frame();
      const handle = frame.getByRole('button', { name: /Open Attune panel/ });
      for (const key of ['Home', 'End']) {
        await handle.press(key);
        await page.waitForTimeout(200);
        await expectClearOfControls(page, target!.controls, `${viewport.height}px, handle after ${key}`);
      }
      await handle.click();
      await expect(frame.getByRole('heading', { name: 'Attune', level: 1 })).toBeVisible();
      await expectClearOfControls(page, target!.controls, `${viewport.height}px, panel open`);
      await frame.getByRole('button', { name: 'Collapse Attune panel' }).click();
    }
  });
}
