import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { endVisitInClosedTab, handleBackgroundMessage } from '../../utils/background-router';
import { browser, type Runtime, type Tabs } from '../../utils/browser';
import { findOrCreateClient } from '../../utils/db/clients';
import { getVisit, startVisit } from '../../utils/db/visits';
import { visitInTab } from '../../utils/tab-visits';

const CALL_TAB = 12;
const OTHER_TAB = 13;
const T0 = Date.UTC(2025, 0, 6, 9, 0);

const callTab = (id: number): Tabs.Tab => ({ id, index: 0, highlighted: false, active: true, pinned: false, incognito: false });

// Sender urls follow whatever origin the fake browser gives the extension, as a real browser would.
const panelSender = (tabId = CALL_TAB): Runtime.MessageSender => ({
  id: browser.runtime.id,
  url: `${browser.runtime.getURL('/panel.html')}?platform=meet&host=meet.google.com`,
  tab: callTab(tabId),
});
const contentScriptSender = (tabId = CALL_TAB): Runtime.MessageSender => ({
  id: browser.runtime.id,
  url: 'https://meet.google.com/abc-defg-hij',
  tab: callTab(tabId),
});
const popupSender = (): Runtime.MessageSender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
const otherExtensionSender = (): Runtime.MessageSender => ({
  id: 'another-extension',
  url: 'chrome-extension://another-extension/panel.html',
  tab: callTab(CALL_TAB),
});

async function visitWith(alias: string) {
  const client = await findOrCreateClient(alias, T0);
  return startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 50 }, T0);
}

describe('handleBackgroundMessage', () => {
  it('runs against an extension origin from the fake browser', () => {
    expect(browser.runtime.id).toBe(fakeBrowser.runtime.id);
    expect(browser.runtime.getURL('/panel.html')).toBe(`chrome-extension://${fakeBrowser.runtime.id}/panel.html`);
  });

  it('answers the panel with the visit bound to its tab and the client alias', async () => {
    const visit = await visitWith('J.D.');
    expect(await handleBackgroundMessage({ type: 'visit.bind', visitId: visit.id }, panelSender())).toEqual({
      ok: true,
      value: null,
    });
    expect(await handleBackgroundMessage({ type: 'visit.current' }, panelSender())).toEqual({
      ok: true,
      value: { visitId: visit.id, alias: 'J.D.' },
    });
  });

  it('keeps visits in different tabs apart', async () => {
    const visit = await visitWith('AB');
    await handleBackgroundMessage({ type: 'visit.bind', visitId: visit.id }, panelSender(CALL_TAB));
    expect(await handleBackgroundMessage({ type: 'visit.current' }, panelSender(OTHER_TAB))).toEqual({
      ok: true,
      value: { visitId: null, alias: null },
    });
  });

  it('remembers the binding in extension storage, so it survives the service worker stopping and the extension reloading', async () => {
    const visit = await visitWith('AB');
    await handleBackgroundMessage({ type: 'visit.bind', visitId: visit.id }, panelSender());
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toContain(visit.id);
    // Ids only: no clinical text leaves IndexedDB.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('AB');
  });

  it('refuses visit.current from the content script and gives it no alias', async () => {
    const visit = await visitWith('J.D.');
    await handleBackgroundMessage({ type: 'visit.bind', visitId: visit.id }, panelSender());
    const reply = await handleBackgroundMessage({ type: 'visit.current' }, contentScriptSender());
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('"visit.current"') });
    expect(JSON.stringify(reply)).not.toContain('J.D.');
    expect(JSON.stringify(reply)).not.toContain(visit.id);
  });

  it.each([
    ['another extension', otherExtensionSender, { type: 'visit.current' }, 'another extension'],
    ['the content script binding', contentScriptSender, { type: 'visit.bind', visitId: crypto.randomUUID() }, 'bind'],
    ['the popup, which has no call tab', popupSender, { type: 'visit.current' }, 'must come from a call tab'],
  ])('refuses %s with a reason', async (_who, sender, message, reason) => {
    const reply = await handleBackgroundMessage(message, sender());
    expect(reply.ok).toBe(false);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining(reason) });
  });

  it('does not bind a tab when the binding is refused', async () => {
    const visit = await visitWith('J.D.');
    await handleBackgroundMessage({ type: 'visit.bind', visitId: visit.id }, contentScriptSender());
    expect(await visitInTab(CALL_TAB)).toBeUndefined();
  });

  it.each([
    ['nothing', undefined, '(value)'],
    ['an unknown type', { type: 'visit.delete' }, 'type'],
    ['a bind without a valid visit id', { type: 'visit.bind', visitId: 'not-a-uuid' }, 'visitId'],
  ])('rejects %s with error text naming the problem', async (_what, message, field) => {
    const reply = await handleBackgroundMessage(message, panelSender());
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('not an Attune message') });
    expect(reply).toEqual({ ok: false, error: expect.stringContaining(field) });
  });

  it('reports no current visit once the visit has ended', async () => {
    const visit = await visitWith('J.D.');
    await handleBackgroundMessage({ type: 'visit.bind', visitId: visit.id }, panelSender());
    await endVisitInClosedTab(CALL_TAB, T0 + 60_000);
    expect(await handleBackgroundMessage({ type: 'visit.current' }, panelSender())).toEqual({
      ok: true,
      value: { visitId: null, alias: null },
    });
  });

  it('releases a tab only for the visit bound to it', async () => {
    const visit = await visitWith('J.D.');
    await handleBackgroundMessage({ type: 'visit.bind', visitId: visit.id }, panelSender());

    await handleBackgroundMessage({ type: 'visit.release', visitId: crypto.randomUUID() }, panelSender());
    expect(await visitInTab(CALL_TAB)).toBe(visit.id);

    await handleBackgroundMessage({ type: 'visit.release', visitId: visit.id }, panelSender());
    expect(await visitInTab(CALL_TAB)).toBeUndefined();
  });
});

describe('endVisitInClosedTab', () => {
  it('ends the visit in the closed tab with reason "tab-closed" and releases the tab', async () => {
    const visit = await visitWith('J.D.');
    const other = await visitWith('K.L.');
    await handleBackgroundMessage({ type: 'visit.bind', visitId: visit.id }, panelSender(CALL_TAB));
    await handleBackgroundMessage({ type: 'visit.bind', visitId: other.id }, panelSender(OTHER_TAB));

    await endVisitInClosedTab(CALL_TAB, T0 + 47 * 60_000);

    expect(await getVisit(visit.id)).toMatchObject({ endedAt: T0 + 47 * 60_000, endReason: 'tab-closed' });
    expect(await visitInTab(CALL_TAB)).toBeUndefined();
    // The visit in the other tab goes on.
    expect(await getVisit(other.id)).toMatchObject({ endedAt: null, endReason: null });
    expect(await visitInTab(OTHER_TAB)).toBe(other.id);
  });

  it('does nothing for a tab with no visit', async () => {
    const visit = await visitWith('J.D.');
    await endVisitInClosedTab(CALL_TAB, T0 + 60_000);
    expect(await getVisit(visit.id)).toMatchObject({ endedAt: null });
  });
});
