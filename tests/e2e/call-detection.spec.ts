// Each platform's fixture, driven as a clinician meets it: nothing on the platform's other pages; on a meeting page the
// panel is there in the lobby, knows when the call starts, and when the clinician leaves the way that platform leaves,
// the visit is recorded as ended then, because they left the call.
import type { Frame, Page } from '@playwright/test';
import { recordedVisits } from './support/calls';
import { expect, PanelOnPage, test } from './support/test';

interface CallFlow {
  platform: string;
  notMeeting: string;
  meeting: string;
  host: string;
  /** Clicks the platform's own leave control. */
  leave: (page: Page) => Promise<void>;
  /** The page after leaving keeps the panel (false when leaving loads another page). */
  panelStays: boolean;
}

const clickLeave = (page: Page) => page.locator('#leave').click();

const flows: CallFlow[] = [
  // German UI: the hints are attributes, never English labels.
  { platform: 'meet', notMeeting: 'https://meet.google.com/landing', meeting: 'https://meet.google.com/abc-defg-hij?hl=de',
    host: 'meet.google.com', leave: clickLeave, panelStays: true },
  // The meeting runs in a same-origin frame under COOP/COEP; leaving replaces the URL with /wc/leave.
  { platform: 'zoom', notMeeting: 'https://us02web.zoom.us/j/84512345678?pwd=abc', meeting: 'https://app.zoom.us/wc/84512345678/join',
    host: 'app.zoom.us', leave: (page) => page.frameLocator('#webclient').locator('#leave').click(), panelStays: true },
  { platform: 'teams', notMeeting: 'https://teams.microsoft.com/v2/',
    meeting: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA2%40thread.v2/0?context=%7b%7d',
    host: 'teams.microsoft.com', leave: clickLeave, panelStays: true },
  { platform: 'doxy', notMeeting: 'https://doxy.me/sign-in', meeting: 'https://drsmith.doxy.me/therapyroom',
    host: 'drsmith.doxy.me', leave: clickLeave, panelStays: true },
  { platform: 'simplepractice', notMeeting: 'https://video.simplepractice.com/', meeting: 'https://video.simplepractice.com/appt-4f2a9c1e8b7d6a5f',
    host: 'video.simplepractice.com', leave: clickLeave, panelStays: true },
  { platform: 'whereby', notMeeting: 'https://whereby.com/user', meeting: 'https://whereby.com/therapy-room',
    host: 'whereby.com', leave: clickLeave, panelStays: true },
  // The A/B variant: generated class names and none of the ids Attune's hints know; media and URL carry detection.
  { platform: 'jitsi', notMeeting: 'https://meet.jit.si/', meeting: 'https://meet.jit.si/AttuneRoom42#variant=b',
    host: 'meet.jit.si', leave: clickLeave, panelStays: false },
  { platform: 'vsee', notMeeting: 'https://clinic.vsee.me/dashboard', meeting: 'https://clinic.vsee.me/u/drsmith',
    host: 'clinic.vsee.me', leave: clickLeave, panelStays: true },
];

const callStatus = (frame: Frame) => frame.locator('[data-call-phase]');

for (const flow of flows) {
  test(`${flow.platform}: lobby → call → leave records the visit's start, end and reason; nothing on other pages`, async ({ context }) => {
    const page = await context.newPage();
    await page.goto(flow.notMeeting);
    // Longer than the watcher's one-second check.
    await page.waitForTimeout(1500);
    await expect(page.locator('attune-panel')).toHaveCount(0);

    await page.goto(flow.meeting);
    const panel = new PanelOnPage(page);
    const beforeStart = Date.now();
    const frame = await panel.startVisit('C.L.');
    const afterStart = Date.now();
    await expect(callStatus(frame)).toHaveAttribute('data-call-phase', 'waiting');
    await expect(callStatus(frame)).toHaveText(/Waiting room/);

    await page.locator('#join').click();
    await expect(callStatus(frame)).toHaveAttribute('data-call-phase', 'in-call');
    await expect(callStatus(frame)).toHaveText(/In call since/);

    const beforeLeave = Date.now();
    await flow.leave(page);
    if (flow.panelStays) {
      // After the short grace period for a clear leave, the panel shows the visit ended, and why.
      await expect(frame.getByRole('heading', { name: 'Visit ended' })).toBeVisible({ timeout: 12_000 });
      await expect(callStatus(frame)).toHaveText(/Call ended at .*: you left the call/);
    }
    await expect.poll(async () => (await recordedVisits(context))[0]?.endReason, { timeout: 15_000 }).toBe('left-call');

    const [visit] = await recordedVisits(context);
    expect(visit).toMatchObject({ platform: flow.platform, host: flow.host });
    expect(visit!.startedAt).toBeGreaterThanOrEqual(beforeStart);
    expect(visit!.startedAt).toBeLessThanOrEqual(afterStart);
    // The end is when the call was last seen, not when the grace period ran out.
    expect(visit!.endedAt).toBeGreaterThanOrEqual(beforeLeave - 100);
    expect(visit!.endedAt).toBeLessThanOrEqual(beforeLeave + 2500);
  });
}
