// The options page where a clinician adds their practice's own video-visit site, and Attune on that site.
import type { BrowserContext } from '@playwright/test';
import { recordedVisits } from './support/calls';
import { expect, PanelOnPage, test } from './support/test';

const CUSTOM_HOST = 'telehealth.example-clinic.org';
const CUSTOM_ROOM = `https://${CUSTOM_HOST}/rooms/drsmith`;

/** The few extension APIs the tests read in the service worker (the test code has no `chrome` types). */
interface ChromeApis {
  permissions: { contains(request: { origins: string[] }): Promise<boolean> };
  scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
  developerPrivate: { addHostPermission(extensionId: string, host: string): Promise<void> };
}

/** Whether Attune holds the custom host's permission and has a script registered for it, asked in the service worker. */
async function accessTo(context: BrowserContext) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async (origin) => {
    const chrome = Reflect.get(globalThis, 'chrome') as ChromeApis;
    const granted = await chrome.permissions.contains({ origins: [origin] });
    const scripts = await chrome.scripting.getRegisteredContentScripts();
    return { granted, scripts: scripts.flatMap((script) => script.matches ?? []) };
  }, `https://${CUSTOM_HOST}/*`);
}

test('adding a site explains what is wrong with an unusable address and stores nothing', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: "Your practice's video-visit sites" })).toBeVisible();
  await expect(options.getByText('No sites added.')).toBeVisible();
  const address = options.getByLabel('Site address');
  const add = options.getByRole('button', { name: 'Add video-visit site' });

  for (const [input, error] of [
    ['', "Enter the site's address, for example clinic.example.com."],
    ['my clinic', 'That is not a site address. Enter one like clinic.example.com.'],
    ['http://telehealth.example-clinic.org', 'Attune only works on secure (https) sites. Check the address.'],
    ['https://meet.google.com/abc-defg-hij', 'Attune already works on that site; there is no need to add it.'],
  ] as const) {
    await address.fill(input);
    await add.click();
    await expect(options.getByRole('alert')).toHaveText(error);
    // The clinician's text stays so they can correct it.
    await expect(address).toHaveValue(input);
  }
  await expect(options.getByText('No sites added.')).toBeVisible();
  expect(await accessTo(context)).toEqual({ granted: false, scripts: [] });
});

test('an added site gets Attune once a call is detected there; removing it gives the permission back', async ({ context, extensionId }) => {
  // Nothing runs on the site before it is added.
  const room = await context.newPage();
  await room.goto(CUSTOM_ROOM);
  await room.locator('#join').click();
  await room.waitForTimeout(1500);
  await expect(room.locator('attune-panel')).toHaveCount(0);

  // Playwright cannot click the browser's own permission prompt; granting the site from chrome://extensions (the
  // browser's "site access" setting) stands in for the clinician choosing Allow, so the request below needs no prompt.
  const settings = await context.newPage();
  await settings.goto('chrome://extensions/');
  await settings.evaluate(
    ([id, origin]) => (Reflect.get(globalThis, 'chrome') as ChromeApis).developerPrivate.addHostPermission(id, origin),
    [extensionId, `https://${CUSTOM_HOST}/*`] as const,
  );
  await settings.close();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Site address').fill(`${CUSTOM_ROOM}?session=1`);
  await options.getByRole('button', { name: 'Add video-visit site' }).click();
  await expect(options.getByRole('status').filter({ hasText: `Attune now works on ${CUSTOM_HOST}.` })).toBeVisible();
  await expect(options.getByRole('list', { name: 'Sites you added' }).getByRole('listitem')).toHaveText([new RegExp(CUSTOM_HOST)]);
  expect(await accessTo(context)).toEqual({ granted: true, scripts: [`https://${CUSTOM_HOST}/*`] });

  // The site has no meeting-path rule: in the room before the call, nothing shows; the call's media brings the panel.
  await room.bringToFront();
  await room.reload();
  await room.waitForTimeout(1500);
  await expect(room.locator('attune-panel')).toHaveCount(0);
  await room.locator('#join').click();
  const frame = await new PanelOnPage(room).open();
  await expect(frame.locator('[data-call-phase]')).toHaveAttribute('data-call-phase', 'in-call');
  await frame.getByLabel('Client alias or initials').fill('P.H.');
  await frame.getByRole('button', { name: 'Start visit' }).click();
  await frame.getByRole('button', { name: 'End visit' }).click();
  expect((await recordedVisits(context))[0]).toMatchObject({ platform: 'custom', host: CUSTOM_HOST, endReason: 'manual' });

  await options.getByRole('button', { name: `Remove ${CUSTOM_HOST}` }).click();
  await expect(options.getByText('No sites added.')).toBeVisible();
  expect(await accessTo(context)).toEqual({ granted: false, scripts: [] });
  await room.reload();
  await room.locator('#join').click();
  await room.waitForTimeout(1500);
  await expect(room.locator('attune-panel')).toHaveCount(0);
});

test('another site that frames the panel (web-accessible for custom hosts) gets no visit and no client list', async ({ context, extensionId }) => {
  await context.route('https://www.example.org/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<iframe style="width:400px;height:600px" src="chrome-extension://${extensionId}/panel.html?platform=meet&host=meet.google.com"></iframe>`,
    }),
  );
  const page = await context.newPage();
  await page.goto('https://www.example.org/');
  const frame = await new PanelOnPage(page).open();
  await expect(frame.getByRole('alert')).toHaveText(/only works on a video visit page/);
  await expect(frame.getByLabel('Client alias or initials')).toHaveCount(0);
});
