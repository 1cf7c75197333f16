/**
 * A new version of Attune is applied between visits: never while a panel is open on a call page or a visit is in
 * progress.
 *
 * Restarting the extension to apply an update tears down every panel at once: the clinician would see it vanish and
 * come back mid-call, and lose a check-in half filled in or text typed in the autosave's pause. Chromium already holds
 * an update while any Attune page is open, but Firefox applies it at once unless the extension listens for
 * `runtime.onUpdateAvailable`. So the background listens, and applies the update itself once no open tab has a visit
 * in progress and no panel answers that it is open: at once if that is already so, else when a call tab has closed,
 * and every minute. The browser also applies a held update when it next starts.
 */
import { browser, type Runtime } from './browser';
import { updatePendingMessage, updatePendingReply, type UpdatePendingMessage, type UpdatePendingReply } from './messages';
import { boundTabs } from './tab-visits';

export const UPDATE_ALARM = 'attune-apply-update';
/** The waiting version, kept in session storage: gone once the browser restarts, which applies the update itself. */
export const PENDING_UPDATE_KEY = 'pendingUpdate';
const RETRY_MINUTES = 1;

// ── a panel frame ────────────────────────────────────────────────────────────────────────────────────────────────

function answerWhileOpen(message: unknown, sender: Runtime.MessageSender): Promise<UpdatePendingReply> | undefined {
  // Only Attune's background asks: our own id, and no tab (a page or content script would have one).
  if (!updatePendingMessage.safeParse(message).success || sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  return Promise.resolve({ panelOpen: true });
}

/** Holds any waiting update for as long as this panel frame is open. */
export function holdUpdatesWhileOpen(): void {
  browser.runtime.onMessage.addListener(answerWhileOpen);
}

// ── the background ───────────────────────────────────────────────────────────────────────────────────────────────

/** Whether any panel frame is open: one answering is enough (only the first answer arrives). */
async function anyPanelOpen(): Promise<boolean> {
  const request: UpdatePendingMessage = { type: 'update.pending' };
  try {
    return updatePendingReply.safeParse(await browser.runtime.sendMessage(request)).data?.panelOpen === true;
  } catch (error) {
    // No Attune page is open to receive it.
    if (/receiving end does not exist|no listeners/i.test(String(error))) return false;
    throw error;
  }
}

export type UpdateOutcome = 'applied' | 'visit in progress' | 'panel open';

/** Applies the waiting update now if no visit would be interrupted; otherwise looks again in a minute. */
export async function applyUpdateWhenCalm(): Promise<UpdateOutcome> {
  const openTabs = new Set((await browser.tabs.query({})).map((tab) => tab.id));
  const inVisit = (await boundTabs()).some(({ tabId }) => openTabs.has(tabId));
  const outcome: UpdateOutcome = inVisit ? 'visit in progress' : (await anyPanelOpen()) ? 'panel open' : 'applied';
  if (outcome !== 'applied') {
    await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: RETRY_MINUTES });
    return outcome;
  }
  await browser.alarms.clear(UPDATE_ALARM);
  browser.runtime.reload();
  return outcome;
}

function apply(): void {
  void applyUpdateWhenCalm().catch((error: unknown) => {
    console.error('Attune could not apply its update; it will try again.', error);
    void browser.alarms.create(UPDATE_ALARM, { delayInMinutes: RETRY_MINUTES });
  });
}

/**
 * Applies a waiting update if now is a calm moment. The background calls it once a call tab has closed and the end
 * of its visit is recorded: that is the likeliest moment the last panel goes, and restarting any earlier could cut
 * that record off.
 */
export async function applyWaitingUpdate(): Promise<void> {
  const pending = (await browser.storage.session.get(PENDING_UPDATE_KEY))[PENDING_UPDATE_KEY];
  if (typeof pending === 'string' && pending !== browser.runtime.getManifest().version) apply();
}

export function registerUpdateDeferral(): void {
  browser.runtime.onUpdateAvailable.addListener(({ version }) => {
    void browser.storage.session.set({ [PENDING_UPDATE_KEY]: version }).finally(apply);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void applyWaitingUpdate();
  });
}
