import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAutosave, type Autosave } from '../../utils/autosave';
import { bindVisitToTab } from '../../utils/tab-visits';
import { applyUpdateWhenCalm, holdUpdateFor, registerUpdateDeferral, UPDATE_ALARM } from '../../utils/update-deferral';
import { useEnglishMessages } from './support-messages';

let reload: ReturnType<typeof vi.fn<() => void>>;
const letGo: (() => void)[] = [];

beforeEach(() => {
  useEnglishMessages();
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

afterEach(() => {
  for (const release of letGo.splice(0)) release();
});

/** An Attune page's autosave, holding the update like the panel's note does. */
function pageAutosave(save: (text: string) => Promise<void>): Autosave {
  const autosave = createAutosave({ save, onState: () => undefined, now: Date.now, retryMs: 50 });
  letGo.push(holdUpdateFor(autosave), () => autosave.dispose());
  return autosave;
}

describe('a waiting update of Attune', () => {
  it('is applied at once when no visit is in progress and no page is open', async () => {
    expect(await applyUpdateWhenCalm()).toBe('applied');
    expect(reload).toHaveBeenCalledOnce();
    expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toBeUndefined();
  });

  it('waits while a visit is in progress in an open tab, and looks again in a minute', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://meet.google.com/abc-defg-hij' });
    await bindVisitToTab(tab.id ?? -1, 'visit-1');

    expect(await applyUpdateWhenCalm()).toBe('visit in progress');
    expect(reload).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toBeDefined();
  });

  it('does not wait for a visit whose tab is gone', async () => {
    await bindVisitToTab(4242, 'visit-1');
    expect(await applyUpdateWhenCalm()).toBe('applied');
  });

  it('has the draft typed just before it saved first, then restarts', async () => {
    const saved: string[] = [];
    const autosave = pageAutosave(async (text) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      saved.push(text);
    });
    autosave.update('Talked about the new job');
    reload.mockImplementation(() => expect(saved).toEqual(['Talked about the new job']));

    expect(await applyUpdateWhenCalm()).toBe('applied');
    expect(reload).toHaveBeenCalledOnce();
    expect(autosave.unsaved()).toBeUndefined();
  });

  it('waits, keeping the draft, while a page cannot save it (a full disk)', async () => {
    const autosave = pageAutosave(() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')));
    autosave.update('Sleep is better since the move');

    expect(await applyUpdateWhenCalm({ askForMs: 300 })).toBe('unsaved text');
    expect(reload).not.toHaveBeenCalled();
    expect(autosave.unsaved()).toBe('Sleep is better since the move');
    expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toBeDefined();
  });

  it('answers a save request only from Attune’s background', async () => {
    const save = vi.fn(() => Promise.resolve());
    pageAutosave(save).update('draft');
    const request = { type: 'drafts.flush' };

    expect(await fakeBrowser.runtime.onMessage.trigger(request, { id: 'another-extension' })).toEqual([undefined]);
    expect(await fakeBrowser.runtime.onMessage.trigger(request, { id: fakeBrowser.runtime.id, tab: { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false } })).toEqual([undefined]);
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'drafts.flush', extra: 1 }, { id: fakeBrowser.runtime.id })).toEqual([undefined]);
    expect(save).not.toHaveBeenCalled();
    expect(await fakeBrowser.runtime.onMessage.trigger(request, { id: fakeBrowser.runtime.id })).toEqual([{ unsaved: false }]);
    expect(save).toHaveBeenCalledWith('draft');
  });

  it('is taken up from the browser’s event, and again by the alarm once the visit has ended', async () => {
    registerUpdateDeferral();
    const tab = await fakeBrowser.tabs.create({ url: 'https://meet.google.com/abc-defg-hij' });
    await bindVisitToTab(tab.id ?? -1, 'visit-1');

    await fakeBrowser.runtime.onUpdateAvailable.trigger({ version: '9.9.9' });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toBeDefined());
    expect(reload).not.toHaveBeenCalled();

    await fakeBrowser.storage.local.clear();
    await fakeBrowser.alarms.onAlarm.trigger({ name: UPDATE_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(() => expect(reload).toHaveBeenCalledOnce());
  });
});
