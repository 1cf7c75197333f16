import { test as base, expect, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { extensionIdOf, launchWithExtension } from '../../support/launch.mjs';
import { routeFixtureSites } from '../../support/fixture-routes.mjs';

export { expect };

export const MEET_MEETING_URL = 'https://meet.google.com/abc-defg-hij';
export const MEET_LANDING_URL = 'https://meet.google.com/landing';

interface Fixtures {
  /** Start the profile with developer mode on (tests/support/launch.mjs says why a test would). */
  developerMode: boolean;
  context: BrowserContext;
  extensionId: string;
  /** Every URL the browser requested while the test ran, including the extension's own pages. */
  requestedUrls: string[];
}

export const test = base.extend<Fixtures>({
  developerMode: [false, { option: true }],
  context: async ({ developerMode }, use, testInfo) => {
    const context = await launchWithExtension({ userDataDir: testInfo.outputPath('profile'), developerMode });
    await routeFixtureSites(context);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => use(await extensionIdOf(context)),
  requestedUrls: async ({ context }, use) => {
    const urls: string[] = [];
    context.on('request', (request) => urls.push(request.url()));
    await use(urls);
  },
});

/** Opens the Meet fixture meeting in a new tab and returns it with its Attune panel. */
export async function openMeeting(context: BrowserContext): Promise<{ page: Page; panel: PanelOnPage }> {
  const page = await context.newPage();
  await page.goto(MEET_MEETING_URL);
  return { page, panel: new PanelOnPage(page) };
}

/** Opens Attune's popup page in a tab. */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

/** The Attune panel frame on a call page, seen as a clinician uses it. */
export class PanelOnPage {
  constructor(readonly page: Page) {}

  /** The extension-origin frame hosted in the closed shadow root. */
  async frame(): Promise<Frame> {
    await expect.poll(() => this.findFrame() !== undefined, { message: 'the Attune panel frame appears' }).toBe(true);
    const frame = this.findFrame();
    if (frame === undefined) throw new Error('The Attune panel frame is missing.');
    await frame.waitForLoadState('domcontentloaded');
    return frame;
  }

  findFrame(): Frame | undefined {
    return this.page.frames().find((frame) => frame.url().startsWith('chrome-extension://') && frame.url().includes('/panel.html'));
  }

  async open(): Promise<Frame> {
    const frame = await this.frame();
    await frame.getByRole('button', { name: 'Open Attune panel' }).click();
    await expect(frame.getByRole('heading', { name: 'Attune', level: 1 })).toBeVisible();
    return frame;
  }

  async startVisit(alias: string): Promise<Frame> {
    const frame = await this.open();
    await frame.getByLabel('Client alias or initials').fill(alias);
    await frame.getByRole('button', { name: 'Start visit' }).click();
    await expect(frame.getByRole('heading', { name: `Visit with ${alias}` })).toBeVisible();
    return frame;
  }

  /** Types into the note the way a clinician does (real key events), then waits for the committed "Saved". */
  async typeNote(frame: Frame, text: string): Promise<void> {
    const notes = frame.getByLabel('Visit notes');
    await notes.click();
    await notes.pressSequentially(text);
    await expect(frame.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  }
}
