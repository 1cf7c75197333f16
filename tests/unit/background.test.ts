import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import type { Runtime } from '../../utils/browser';
import { findOrCreateClient } from '../../utils/db/clients';
import { getVisit, startVisit } from '../../utils/db/visits';
import { visitInTab } from '../../utils/tab-visits';

const T0 = Date.UTC(2025, 0, 6, 9, 0);

// fakeBrowser.reset() in the setup removes every listener, so the background registers afresh for each test.
beforeEach(() => {
  void background.main();
});

/** The panel frame in call tab `tabId`, as the browser describes it to the background. */
const panelIn = (tabId: number): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/panel.html'),
  tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});

async function startedVisit() {
  const client = await findOrCreateClient('J.D.', T0);
  return startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 45 }, T0);
}

describe('background entrypoint', () => {
  it('answers runtime messages through the router', async () => {
    const visit = await startedVisit();
    const panel = panelIn(4);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'visit.bind', visitId: visit.id }, panel);
    const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type: 'visit.current' }, panel);
    expect(reply).toEqual({ ok: true, value: { visitId: visit.id, alias: 'J.D.' } });
  });

  it('ends the visit when its call tab is closed', async () => {
    const tabId = 4;
    const visit = await startedVisit();
    const panel = panelIn(tabId);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'visit.bind', visitId: visit.id }, panel);

    // Fired directly: the fake's tabs.remove() looks the window up by the tab's id and throws.
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { isWindowClosing: false, windowId: 0 });

    // The listener records the end without making the browser wait for it.
    await vi.waitFor(async () => {
      expect(await visitInTab(tabId)).toBeUndefined();
    });
    expect(await getVisit(visit.id)).toMatchObject({ endReason: 'tab-closed' });
  });
});
