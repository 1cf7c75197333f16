import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bindVisitToTab } from '../../utils/tab-visits';
import { applyUpdateWhenCalm, applyWaitingUpdate, holdUpdatesWhileOpen, PENDING_UPDATE_KEY, registerUpdateDeferral, UPDATE_ALARM } from '../../utils/update-deferral';

let reload: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  reload = vi.fn<() => void>();
  fakeBrowser.runtime.reload = reload;
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Attune', version: '0.1.0' });
  // As in Chromium: a message from the background reaches every page's listeners, the first answer is the only one
  // returned, and with no listener at all sending fails.
  fakeBrowser.runtime.sendMessage = async (message: unknown) => {
    const answers: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id });
    if (answers.length === 0) throw new Error('Could not establish connection. Receiving end does not exist.');
    return answers.find((answer) => answer !== undefined);
  };
});

const meetingTab = () => fakeBrowser.tabs.create({ url: 'https://meet.google.com/abc-defg-hij' });

describe('a waiting update of Attune', () => {
  it('is applied at once when no visit is in progress and no panel is open', async () => {
    expect(await applyUpdateWhenCalm()).toBe('applied');
    expect(reload).toHaveBeenCalledOnce();
    expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toBeUndefined();
  });

  it('waits while a visit is in progress in an open tab, and looks again in a minute', async () => {
    const tab = await meetingTab();
    await bindVisitToTab(tab.id ?? -1, 'visit-1');

    expect(await applyUpdateWhenCalm()).toBe('visit in progress');
    expect(reload).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toBeDefined();
  });

  it('does not wait for a visit whose tab is gone', async () => {
    await bindVisitToTab(4242, 'visit-1');
    expect(await applyUpdateWhenCalm()).toBe('applied');
  });

  it('waits while a panel is open on a call page, visit or not', async () => {
    holdUpdatesWhileOpen();
    expect(await applyUpdateWhenCalm()).toBe('panel open');
    expect(reload).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toBeDefined();
  });

  it('a panel answers only Attune’s background, and only its own question', async () => {
    holdUpdatesWhileOpen();
    const request = { type: 'update.pending' };
    const tab = { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false };

    expect(await fakeBrowser.runtime.onMessage.trigger(request, { id: 'another-extension' })).toEqual([undefined]);
    expect(await fakeBrowser.runtime.onMessage.trigger(request, { id: fakeBrowser.runtime.id, tab })).toEqual([undefined]);
    expect(await fakeBrowser.runtime.onMessage.trigger({ ...request, extra: 1 }, { id: fakeBrowser.runtime.id })).toEqual([undefined]);
    expect(await fakeBrowser.runtime.onMessage.trigger(request, { id: fakeBrowser.runtime.id })).toEqual([{ panelOpen: true }]);
  });

  it('is taken up from the browser’s event, and again once the visit’s tab has closed', async () => {
    registerUpdateDeferral();
    const tab = await meetingTab();
    await bindVisitToTab(tab.id ?? -1, 'visit-1');

    await fakeBrowser.runtime.onUpdateAvailable.trigger({ version: '0.2.0' });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toBeDefined());
    expect((await fakeBrowser.storage.session.get(PENDING_UPDATE_KEY))[PENDING_UPDATE_KEY]).toBe('0.2.0');
    expect(reload).not.toHaveBeenCalled();

    // The clinician closes the call tab (the fake's tabs.remove cannot: it looks the tab's window up by the tab's id);
    // the background asks again once the visit's end is recorded.
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    await applyWaitingUpdate();
    await vi.waitFor(() => expect(reload).toHaveBeenCalledOnce());
  });

  it('does nothing on its alarm when no update is waiting (the browser restarted and applied it)', async () => {
    registerUpdateDeferral();
    await fakeBrowser.alarms.onAlarm.trigger({ name: UPDATE_ALARM, scheduledTime: Date.now() });
    await fakeBrowser.storage.session.set({ [PENDING_UPDATE_KEY]: '0.1.0' });
    await fakeBrowser.alarms.onAlarm.trigger({ name: UPDATE_ALARM, scheduledTime: Date.now() });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reload).not.toHaveBeenCalled();
  });
});
