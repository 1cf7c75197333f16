import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { endVisitInClosedTab, handleBackgroundMessage } from '../../utils/background-router';
import { browser } from '../../utils/browser';
import { GRACE_MS } from '../../utils/call-state';
import { CALL_STATES_KEY, callStatus, finishGracePeriods, GRACE_ALARM } from '../../utils/call-tracker';
import { CUSTOM_HOSTS_KEY } from '../../utils/custom-hosts';
import { findOrCreateClient } from '../../utils/db/clients';
import { getVisit, startVisit } from '../../utils/db/visits';
import type { CallSignals } from '../../utils/messages';
import { visitInTab } from '../../utils/tab-visits';

const TAB = 21;
const T0 = Date.UTC(2025, 0, 6, 9, 0);

const contentScript = (url = 'https://meet.google.com/abc-defg-hij', tabId = TAB) => ({ id: browser.runtime.id, url, tab: { id: tabId } });
const panel = (tabId = TAB) => ({ id: browser.runtime.id, url: browser.runtime.getURL('/panel.html'), tab: { id: tabId } });

const lobby: CallSignals = { meetingPage: true, dom: 'lobby', media: 'local', pageGone: false };
const inCall: CallSignals = { meetingPage: true, dom: 'call', media: 'remote', pageGone: false };
const afterCall: CallSignals = { meetingPage: true, dom: 'left', media: 'none', pageGone: false };
const mediaDropped: CallSignals = { meetingPage: true, dom: 'none', media: 'none', pageGone: false };

async function report(signals: CallSignals, sender = contentScript()) {
  return handleBackgroundMessage({ type: 'call.signals', signals }, sender);
}

async function boundVisit(tabId = TAB) {
  const client = await findOrCreateClient('J.D.', T0);
  const visit = await startVisit({ clientId: client.id, platform: 'meet', host: 'meet.google.com', plannedMinutes: 45 }, Date.now());
  await handleBackgroundMessage({ type: 'visit.bind', visitId: visit.id }, panel(tabId));
  return visit;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('call tracking in the background', () => {
  it('follows the call from the lobby into the call and tells the panel', async () => {
    expect(await report(lobby)).toEqual({ ok: true, value: null });
    expect(await callStatus(TAB)).toMatchObject({ phase: 'waiting' });
    vi.setSystemTime(T0 + 30_000);
    await report(inCall);
    const reply = await handleBackgroundMessage({ type: 'call.state' }, panel());
    expect(reply).toEqual({
      ok: true,
      value: { phase: 'in-call', callStartedAt: T0 + 30_000, endedAt: null, endReason: null, endedVisitId: null },
    });
  });

  it('ends the bound visit when the call ends, at the moment the call was last seen, with the reason', async () => {
    const visit = await boundVisit();
    await report(inCall);
    vi.setSystemTime(T0 + 50 * 60_000);
    await report(afterCall);
    expect((await getVisit(visit.id))?.endedAt).toBeNull();

    // The in-memory grace timer fires on time.
    await vi.advanceTimersByTimeAsync(GRACE_MS.leftCall + 100);
    await vi.waitFor(async () => expect((await getVisit(visit.id))?.endReason).toBe('left-call'));
    expect((await getVisit(visit.id))?.endedAt).toBe(T0 + 50 * 60_000);
    expect(await visitInTab(TAB)).toBeUndefined();
    expect(await callStatus(TAB)).toMatchObject({ phase: 'ended', endReason: 'left-call', endedVisitId: visit.id });
  });

  it('keeps the call in storage.session, so a restarted service worker finishes the grace period from the alarm', async () => {
    const visit = await boundVisit();
    await report(inCall);
    vi.setSystemTime(T0 + 20 * 60_000);
    await report(mediaDropped);
    expect(await fakeBrowser.alarms.get(GRACE_ALARM)).toMatchObject({ scheduledTime: T0 + 20 * 60_000 + GRACE_MS.mediaStopped + 50 });
    const stored = (await browser.storage.session.get(CALL_STATES_KEY))[CALL_STATES_KEY];
    expect(stored).toMatchObject({ [TAB]: { state: { phase: 'ending', endReason: 'media-stopped' } } });

    // The worker stopped: its timer is gone; the alarm wakes a new one, which reads the state back.
    vi.clearAllTimers();
    await finishGracePeriods(T0 + 20 * 60_000 + GRACE_MS.mediaStopped + 50);
    expect(await getVisit(visit.id)).toMatchObject({ endReason: 'media-stopped', endedAt: T0 + 20 * 60_000 });
    expect(await fakeBrowser.alarms.get(GRACE_ALARM)).toBeUndefined();
  });

  it('does not end the visit when the media comes back within the grace period', async () => {
    const visit = await boundVisit();
    await report(inCall);
    await report(mediaDropped);
    vi.setSystemTime(T0 + 10_000);
    await report(inCall);
    await vi.advanceTimersByTimeAsync(GRACE_MS.mediaStopped * 2);
    await finishGracePeriods(Date.now());
    expect((await getVisit(visit.id))?.endedAt).toBeNull();
    expect(await callStatus(TAB)).toMatchObject({ phase: 'in-call', callStartedAt: T0 });
  });

  it('a closed tab mid-call ends the visit as tab closed and forgets the tab', async () => {
    const visit = await boundVisit();
    await report(inCall);
    vi.setSystemTime(T0 + 40 * 60_000);
    await endVisitInClosedTab(TAB, Date.now());
    expect(await getVisit(visit.id)).toMatchObject({ endReason: 'tab-closed', endedAt: T0 + 40 * 60_000 });
    expect(await callStatus(TAB)).toMatchObject({ phase: 'idle' });
  });

  it('a call that ends with no visit bound ends nothing but is remembered for the panel', async () => {
    await report(inCall);
    await report(afterCall);
    await finishGracePeriods(T0 + GRACE_MS.leftCall);
    expect(await callStatus(TAB)).toMatchObject({ phase: 'ended', endedVisitId: null });
  });

  it('tracks each tab on its own', async () => {
    await report(inCall, contentScript('https://meet.google.com/abc-defg-hij', 1));
    await report(lobby, contentScript('https://app.zoom.us/wc/84512345678/join', 2));
    expect((await callStatus(1)).phase).toBe('in-call');
    expect((await callStatus(2)).phase).toBe('waiting');
  });

  it('ignores a stored entry it cannot read instead of trusting it', async () => {
    await browser.storage.session.set({ [CALL_STATES_KEY]: { [TAB]: { state: { phase: 'party' } } } });
    expect(await callStatus(TAB)).toMatchObject({ phase: 'idle' });
  });

  it.each([
    ['a site Attune does not watch', contentScript('https://example.com/room'), 'example.com is not a video-visit site'],
    ['the panel frame', panel(), 'only Attune’s watcher on the call page'],
    ['another extension', { id: 'other', url: 'https://meet.google.com/abc-defg-hij', tab: { id: TAB } }, 'another extension'],
  ])('refuses call signals from %s and changes nothing', async (_name, sender, refusal) => {
    const reply = await report(inCall, sender);
    expect(reply).toMatchObject({ ok: false });
    expect(JSON.stringify(reply)).toContain(refusal);
    expect(await callStatus(TAB)).toMatchObject({ phase: 'idle' });
  });

  it('accepts call signals from a custom host the clinician added', async () => {
    await browser.storage.local.set({ [CUSTOM_HOSTS_KEY]: ['telehealth.example-clinic.org'] });
    const reply = await report({ meetingPage: null, dom: 'none', media: 'remote', pageGone: false }, contentScript('https://telehealth.example-clinic.org/room/7'));
    expect(reply).toEqual({ ok: true, value: null });
    expect((await callStatus(TAB)).phase).toBe('in-call');
  });

  it('refuses malformed signals, naming the field', async () => {
    const reply = await handleBackgroundMessage({ type: 'call.signals', signals: { ...inCall, media: 'loud' } }, contentScript());
    expect(reply).toMatchObject({ ok: false });
    expect(JSON.stringify(reply)).toContain('signals.media');
  });
});
