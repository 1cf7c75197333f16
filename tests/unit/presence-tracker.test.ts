import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findOrCreateClient } from '../../utils/db/clients';
import { getPresenceSummary } from '../../utils/db/presence';
import { endVisit, startVisit } from '../../utils/db/visits';
import type { AttentionView } from '../../utils/presence/away-policy';
import { callsInProgress } from '../../utils/presence/in-call';
import { awayKey, cuesKey, returnedKey } from '../../utils/presence/session';
import { readAttentionView, WINDOW_ID_NONE, type Notifier, type PresenceDeps } from '../../utils/presence/tracker';
import { writeSetting } from '../../utils/settings';
import { bindVisitToTab } from '../../utils/tab-visits';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const s = (seconds: number) => T0 + seconds * 1000;

/** A fresh copy of the tracker module: what a restarted service worker has, with nothing in memory. */
async function freshWorker() {
  vi.resetModules();
  return import('../../utils/presence/tracker');
}

let view: AttentionView;
let notifier: { show: Mock<Notifier['show']>; clear: Mock<Notifier['clear']> };
let deps: PresenceDeps;
let callTab: number;
let otherTab: number;

async function visitInCall(): Promise<string> {
  const client = await findOrCreateClient('J.D.', T0);
  const visit = await startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 45 }, T0);
  await bindVisitToTab(callTab, visit.id);
  return visit.id;
}

const lookAt = (tabId: number | null, url?: string) => {
  view = { activeTab: tabId === null ? null : { id: tabId, url } };
};

async function trigger(at: number) {
  const { reconsiderPresence } = await freshWorker();
  await reconsiderPresence({ kind: 'attention', at }, deps);
}

/** Chrome answers `tabs.get` for a closed tab with an error. (The fake browser's own `tabs.remove` cannot close one.) */
function closeTab(tabId: number) {
  const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => {
    if (id === tabId) throw new Error(`No tab with id: ${id}.`);
    return get(id);
  });
}

const session = async (key: string): Promise<unknown> => (await fakeBrowser.storage.session.get(key))[key];

beforeEach(async () => {
  callTab = (await fakeBrowser.tabs.create({ url: 'https://meet.google.com/abc-defg-hij' })).id ?? -1;
  otherTab = (await fakeBrowser.tabs.create({ url: 'https://mail.example.com/' })).id ?? -1;
  lookAt(callTab);
  notifier = { show: vi.fn<Notifier['show']>(async () => undefined), clear: vi.fn<Notifier['clear']>(async () => undefined) };
  deps = { readView: async () => view, notifier };
});

describe('the background presence tracker', () => {
  it('treats a bound, open, not-ended visit as in call', async () => {
    const visitId = await visitInCall();
    expect(await callsInProgress()).toEqual([{ tabId: callTab, visitId }]);
    closeTab(callTab);
    expect(await callsInProgress()).toEqual([]);
  });

  it('records an away episode from the event timestamps, across a worker restart, and tells the panel', async () => {
    const visitId = await visitInCall();
    lookAt(otherTab);
    await trigger(s(10));
    expect(await session(awayKey(visitId))).toMatchObject({ awaySince: s(10) });

    // The worker stopped; a new one wakes for the next event, 48 s later.
    lookAt(callTab, 'https://meet.google.com/abc-defg-hij');
    await trigger(s(58));
    expect(await getPresenceSummary(visitId)).toMatchObject({ awayMs: 48_000, awayEpisodes: 1, cuesShown: 0 });
    expect(await session(returnedKey(visitId))).toEqual({ from: s(10), to: s(58), awayMs: 48_000 });
    expect(await session(awayKey(visitId))).toMatchObject({ awaySince: null });
  });

  it('ignores a glance shorter than the threshold', async () => {
    const visitId = await visitInCall();
    lookAt(otherTab);
    await trigger(s(0));
    lookAt(callTab);
    await trigger(s(12));
    expect(await getPresenceSummary(visitId)).toBeUndefined();
    expect(await session(returnedKey(visitId))).toBeUndefined();
  });

  it('does not count a tab on a listed site as away', async () => {
    await writeSetting('presence.allowedHosts', ['ehr.example.org']);
    const visitId = await visitInCall();
    lookAt(otherTab, 'https://ehr.example.org/chart');
    await trigger(s(0));
    lookAt(callTab);
    await trigger(s(300));
    expect(await getPresenceSummary(visitId)).toBeUndefined();
  });

  it('counts the browser losing focus (another application) as away', async () => {
    const visitId = await visitInCall();
    lookAt(null);
    await trigger(s(0));
    lookAt(callTab);
    await trigger(s(25));
    expect(await getPresenceSummary(visitId)).toMatchObject({ awayMs: 25_000, awayEpisodes: 1 });
  });

  it('closing the call tab while away ends the episode then, with no cue, and forgets the visit', async () => {
    const visitId = await visitInCall();
    lookAt(otherTab);
    await trigger(s(0));
    closeTab(callTab);
    const { reconsiderPresence } = await freshWorker();
    await reconsiderPresence({ kind: 'tab-closed', at: s(90), tabId: callTab }, deps);
    expect(await getPresenceSummary(visitId)).toMatchObject({ awayMs: 90_000, awayEpisodes: 1 });
    expect(await session(returnedKey(visitId))).toBeUndefined();
    expect(await session(awayKey(visitId))).toBeUndefined();
  });

  it('a visit that ended is forgotten at the next event, counted only up to its end', async () => {
    const visitId = await visitInCall();
    lookAt(otherTab);
    await trigger(s(0));
    await endVisit(visitId, 'left-call', s(40));
    await trigger(s(600));
    expect(await getPresenceSummary(visitId)).toMatchObject({ awayMs: 40_000 });
    expect(await session(awayKey(visitId))).toBeUndefined();
  });

  it('with the notification on: wakes at the threshold, notifies once, and clears on return', async () => {
    await writeSetting('presence.notifyWhenAway', true);
    const visitId = await visitInCall();
    lookAt(otherTab);
    await trigger(s(0));
    expect(await fakeBrowser.alarms.getAll()).toEqual([expect.objectContaining({ scheduledTime: s(120) })]);

    const { reconsiderPresence } = await freshWorker();
    await reconsiderPresence({ kind: 'check', at: s(125) }, deps);
    await reconsiderPresence({ kind: 'check', at: s(200) }, deps);
    expect(notifier.show).toHaveBeenCalledTimes(1);
    expect(notifier.show).toHaveBeenCalledWith(visitId);

    lookAt(callTab);
    await trigger(s(210));
    expect(notifier.clear).toHaveBeenCalledWith(visitId);
  });

  it('no notification once the clinician snoozed the visit', async () => {
    await writeSetting('presence.notifyWhenAway', true);
    const visitId = await visitInCall();
    await fakeBrowser.storage.session.set({
      [cuesKey(visitId)]: { periodicFrom: T0, lastPromptIds: { return: null, periodic: null }, snoozed: true },
    });
    lookAt(otherTab);
    await trigger(s(0));
    const { reconsiderPresence } = await freshWorker();
    await reconsiderPresence({ kind: 'check', at: s(300) }, deps);
    expect(notifier.show).not.toHaveBeenCalled();
  });

  it('turned off: records nothing and stores nothing', async () => {
    await writeSetting('presence.enabled', false);
    const visitId = await visitInCall();
    lookAt(otherTab);
    await trigger(s(0));
    lookAt(callTab);
    await trigger(s(300));
    expect(await getPresenceSummary(visitId)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(awayKey(visitId))).toEqual({});
  });

  it('handles events that arrive together one at a time', async () => {
    const visitId = await visitInCall();
    const { reconsiderPresence } = await freshWorker();
    lookAt(otherTab);
    const first = reconsiderPresence({ kind: 'attention', at: s(0) }, deps);
    const second = reconsiderPresence({ kind: 'attention', at: s(1) }, deps);
    await Promise.all([first, second]);
    expect(await session(awayKey(visitId))).toMatchObject({ awaySince: s(0) });
  });
});

describe('readAttentionView', () => {
  it('sees nothing in front when the browser lost focus', async () => {
    expect(await readAttentionView(WINDOW_ID_NONE)).toEqual({ activeTab: null });
  });

  it('sees the active tab of the window that gained focus', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://ehr.example.org/' });
    await fakeBrowser.tabs.update(tab.id, { active: true });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...tab, active: true }]);
    expect(await readAttentionView(0)).toEqual({ activeTab: { id: tab.id, url: 'https://ehr.example.org/' } });
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ active: true, windowId: 0 });
  });

  it('asks which window has focus when the event does not say', async () => {
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ id: 3, focused: false, alwaysOnTop: false, incognito: false });
    expect(await readAttentionView(undefined)).toEqual({ activeTab: null });
  });
});
