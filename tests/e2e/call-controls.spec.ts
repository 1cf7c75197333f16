import type { Page } from '@playwright/test';
import { FIXTURE_SITES } from '../support/fixture-routes.mjs';
import { expect, PanelOnPage, test } from './support/test';

/**
 * How to reach the call controls on each platform's fixture: a meeting URL, the button that joins from the lobby (if
 * any), and the element holding the controls. Every fixture site must have an entry, so a new platform's fixture is
 * checked too.
 */
interface CallControls {
  meetingUrl: string;
  join?: string;
  /** The element holding the controls (the leave button's own container where the fixture names none). */
  controls: string;
  /** A same-origin frame the call renders in (Zoom's web client). */
  frame?: string;
  /** Why this fixture cannot be checked here. */
  skip?: string;
}

const AROUND_LEAVE = ':has(> #leave)';
const CALL_CONTROLS: Record<string, CallControls> = {
  meet: { meetingUrl: 'https://meet.google.com/abc-defg-hij', join: '#join', controls: '#controls' },
  zoom: { meetingUrl: 'https://app.zoom.us/wc/84512345678/join', join: '#join', controls: AROUND_LEAVE, frame: '#webclient' },
  teams: {
    meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA2%40thread.v2/0?context=%7b%7d',
    join: '#join',
    controls: AROUND_LEAVE,
  },
  doxy: { meetingUrl: 'https://drsmith.doxy.me/therapyroom', join: '#join', controls: AROUND_LEAVE },
  simplepractice: { meetingUrl: 'https://video.simplepractice.com/appt-4f2a9c1e8b7d6a5f', join: '#join', controls: AROUND_LEAVE },
  whereby: { meetingUrl: 'https://whereby.com/therapy-room', join: '#join', controls: AROUND_LEAVE },
  jitsi: { meetingUrl: 'https://meet.jit.si/AttuneRoom42', join: '#join', controls: AROUND_LEAVE },
  vsee: { meetingUrl: 'https://clinic.vsee.me/u/drsmith', join: '#join', controls: AROUND_LEAVE },
  custom: {
    meetingUrl: 'https://telehealth.example-clinic.org/room',
    controls: AROUND_LEAVE,
    skip: 'a practice’s own host shows Attune only after the clinician adds it (custom-hosts.spec.ts)',
  },
};

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function expectClearOfControls(page: Page, target: CallControls, state: string): Promise<void> {
  const panelBox = await page.locator('attune-panel').boundingBox();
  const { controls } = target;
  const scope = target.frame === undefined ? page : page.frameLocator(target.frame);
  // Boxes inside a frame are relative to it; shift them by the frame's place on the page.
  const offset = target.frame === undefined ? { x: 0, y: 0 } : ((await page.locator(target.frame).boundingBox()) ?? { x: 0, y: 0 });
  const inFrame = await scope.locator(`${controls}, ${controls} *`).evaluateAll((elements) =>
    elements.filter((element) => element.getClientRects().length > 0).map((element) => element.getBoundingClientRect().toJSON() as Box),
  );
  const boxes = inFrame.map((box) => ({ ...box, x: box.x + offset.x, y: box.y + offset.y }));
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
    test.skip(target?.skip !== undefined, target?.skip);
    const page = await context.newPage();
    for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 600 }]) {
      await page.setViewportSize(viewport);
      await page.goto(target!.meetingUrl);
      if (target!.join !== undefined) await page.locator(target!.join).click();
      const scope = target!.frame === undefined ? page : page.frameLocator(target!.frame);
      await expect(scope.locator(target!.controls).first()).toBeVisible();
      const frame = await new PanelOnPage(page).frame();
      const handle = frame.getByRole('button', { name: /Open Attune panel/ });
      for (const key of ['Home', 'End']) {
        await handle.press(key);
        await page.waitForTimeout(200);
        await expectClearOfControls(page, target!, `${viewport.height}px, handle after ${key}`);
      }
      await handle.click();
      await expect(frame.getByRole('heading', { name: 'Attune', level: 1 })).toBeVisible();
      await expectClearOfControls(page, target!, `${viewport.height}px, panel open`);
      await frame.getByRole('button', { name: 'Collapse Attune panel' }).click();
    }
  });
}
