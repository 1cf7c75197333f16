import { expect, openMeeting, openPopup, test } from './support/test';

const NOTE = 'Client described panic on the 7:40 train; agreed to try paced breathing.';

test('the call page sees none of the clinician’s keystrokes or text, and gets no storage of Attune’s', async ({ context }) => {
  const { page, panel } = await openMeeting(context);
  const frame = await panel.startVisit('Q.Z.');
  await page.evaluate(() => (window as unknown as { __pageSpy: { seen: unknown[] } }).__pageSpy.seen.splice(0));

  await panel.typeNote(frame, NOTE);
  await frame.getByLabel('Visit notes').press('Control+A');
  await frame.getByLabel('Visit notes').press('Control+C');
  await frame.getByLabel('Visit notes').press('End');
  await frame.getByLabel('Visit notes').press('Enter');
  await frame.getByLabel('Visit notes').press('Control+V');
  await expect(frame.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // The page's own capture-phase listeners on window and document heard nothing while the clinician typed.
  const seen = await page.evaluate(() => (window as unknown as { __pageSpy: { seen: unknown[] } }).__pageSpy.seen);
  expect(seen).toEqual([]);

  // Nothing the clinician wrote is anywhere in the DOM the page can read, including any open shadow root.
  const pageText = await page.evaluate(() => {
    const texts = [document.documentElement.outerHTML];
    for (const element of document.querySelectorAll('*')) if (element.shadowRoot) texts.push(element.shadowRoot.innerHTML);
    return texts.join('\n');
  });
  expect(pageText).not.toContain('paced breathing');
  expect(pageText).not.toContain('Q.Z.');

  // The panel's host is closed to the page, and the page's origin holds no database.
  expect(await page.evaluate(() => document.querySelector('attune-panel')?.shadowRoot ?? null)).toBeNull();
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);

  // …while the extension's own origin does hold the note.
  await expect(frame.getByLabel('Visit notes')).toHaveValue(new RegExp(NOTE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});

test('Attune sends nothing anywhere: every request is the call page itself or the extension’s own files', async ({
  context,
  extensionId,
  requestedUrls,
}) => {
  const { page, panel } = await openMeeting(context);
  const frame = await panel.startVisit('N.N.');
  await panel.typeNote(frame, 'Nothing leaves this device.');
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('listitem')).toHaveCount(1);

  const foreign = requestedUrls.filter(
    (url) => !url.startsWith(`chrome-extension://${extensionId}/`) && !url.startsWith('https://meet.google.com/'),
  );
  expect(foreign).toEqual([]);
});

test('extension pages may not open any connection (CSP connect-src none)', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  // Aimed at a routed fixture URL, so even a broken policy would not reach the internet.
  const outcome = await popup.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    try {
      await fetch('https://meet.google.com/landing');
      return { fetched: true, violations };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { fetched: false, violations };
    }
  });
  expect(outcome).toEqual({ fetched: false, violations: ['connect-src'] });
});

test('a content script asking for clinical data, or to bind a visit, is refused', async ({ context, extensionId }) => {
  const { page, panel } = await openMeeting(context);
  await panel.startVisit('C.S.');

  // Run code inside Attune's real content-script world on the call page, through the DevTools protocol.
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: world }) => worlds.push(world));
  await cdp.send('Runtime.enable');
  const contentWorld = worlds.find((world) => world.auxData?.type === 'isolated' && world.origin.includes(extensionId));
  expect(contentWorld, 'Attune’s content-script world on the call page').toBeDefined();
  const ask = async (message: unknown) => {
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: contentWorld!.id,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    return result.value;
  };

  expect(await ask({ type: 'visit.current' })).toEqual({
    ok: false,
    error: 'Refused: "visit.current" returns clinical data and may only be asked by Attune’s own pages.',
  });
  expect(await ask({ type: 'visit.bind', visitId: crypto.randomUUID() })).toEqual({
    ok: false,
    error: 'Refused: only the Attune panel can bind a visit to its tab.',
  });
  expect(await ask({ type: 'notes.dump' })).toMatchObject({ ok: false, error: expect.stringContaining('Refused: not an Attune message') });
});
