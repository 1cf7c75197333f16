/**
 * A new version of Attune is applied between visits, never in the middle of one, and never over unsaved text.
 *
 * Restarting the extension to apply an update tears down every panel, popup and history page at once; text typed in
 * the moments before (the autosave's pause) would go with them, and the clinician would see the panel vanish and come
 * back mid-call. Chromium already holds an update while any Attune page is open, but Firefox applies it at once unless
 * the extension listens for `runtime.onUpdateAvailable`. So the background listens, and applies the update itself once
 * no tab has a visit in progress and every open Attune page has saved what it holds; until then it looks again every
 * minute. The browser also applies a held update when it next starts.
 */
import { browser, type Runtime } from './browser';
import type { Autosave } from './autosave';
import { draftsFlushMessage, draftsFlushReply, type DraftsFlushMessage, type DraftsFlushReply } from './messages';
import { boundTabs } from './tab-visits';

export const UPDATE_ALARM = 'attune-apply-update';
const RETRY_MINUTES = 1;
const ASK_EVERY_MS = 200;
const ASK_FOR_MS = 10_000;

// ── every Attune page: its autosaves answer the background ─────────────────────────────────────────────────────────

const autosaves = new Set<Autosave>();

function onFlushRequest(message: unknown, sender: Runtime.MessageSender): Promise<DraftsFlushReply> | undefined {
  // Only Attune's background asks: our own id, and no tab (a page or content script would have one).
  if (!draftsFlushMessage.safeParse(message).success || sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  const pending = [...autosaves].filter((autosave) => autosave.unsaved() !== undefined);
  // Silence means "nothing unsaved here": the first answer is the only one the background hears.
  if (pending.length === 0) return undefined;
  return Promise.all(pending.map((autosave) => autosave.flush())).then(() => ({
    unsaved: [...autosaves].some((autosave) => autosave.unsaved() !== undefined),
  }));
}

/** Lets a waiting update see this autosave's unsaved text and save it first. Returns the function that lets go. */
export function holdUpdateFor(autosave: Autosave): () => void {
  if (autosaves.size === 0) browser.runtime.onMessage.addListener(onFlushRequest);
  autosaves.add(autosave);
  return () => {
    autosaves.delete(autosave);
    if (autosaves.size === 0) browser.runtime.onMessage.removeListener(onFlushRequest);
  };
}

// ── the background ───────────────────────────────────────────────────────────────────────────────────────────────

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks every open Attune page to save now, until none has anything unsaved (true) or `forMs` has passed with some page
 * still unable to save (false: the disk is full, or Attune is locked).
 */
export async function everyPageSaved(forMs = ASK_FOR_MS): Promise<boolean> {
  const until = Date.now() + forMs;
  const request: DraftsFlushMessage = { type: 'drafts.flush' };
  for (;;) {
    let reply: unknown;
    try {
      reply = await browser.runtime.sendMessage(request);
    } catch (error) {
      // No Attune page is open to receive it.
      if (/receiving end does not exist|no listeners/i.test(String(error))) return true;
      throw error;
    }
    if (reply === undefined || reply === null) return true;
    // A page answered after saving; ask again until every page is silent (only the first answer arrives each time).
    if (Date.now() >= until) return false;
    if (!draftsFlushReply.safeParse(reply).success) console.warn('Attune ignored a malformed answer to its save request.', reply);
    await sleep(ASK_EVERY_MS);
  }
}

export type UpdateOutcome = 'applied' | 'visit in progress' | 'unsaved text';

/**
 * Applies a waiting update now if nothing would be lost or interrupted; otherwise looks again in a minute.
 * `askForMs` is how long pages get to save before a page still unable to is taken as "unsaved".
 */
export async function applyUpdateWhenCalm({ askForMs = ASK_FOR_MS } = {}): Promise<UpdateOutcome> {
  const openTabs = new Set((await browser.tabs.query({})).map((tab) => tab.id));
  const inVisit = (await boundTabs()).some(({ tabId }) => openTabs.has(tabId));
  const outcome: UpdateOutcome = inVisit ? 'visit in progress' : (await everyPageSaved(askForMs)) ? 'applied' : 'unsaved text';
  if (outcome !== 'applied') {
    await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: RETRY_MINUTES });
    return outcome;
  }
  await browser.alarms.clear(UPDATE_ALARM);
  browser.runtime.reload();
  return outcome;
}

/** The waiting version, kept in session storage: gone once the browser restarts, which applies the update itself. */
const PENDING_KEY = 'pendingUpdate';

export function registerUpdateDeferral(): void {
  const apply = () =>
    void applyUpdateWhenCalm().catch((error: unknown) => {
      console.error('Attune could not apply its update; it will try again.', error);
      void browser.alarms.create(UPDATE_ALARM, { delayInMinutes: RETRY_MINUTES });
    });
  browser.runtime.onUpdateAvailable.addListener(({ version }) => {
    void browser.storage.session.set({ [PENDING_KEY]: version }).finally(apply);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== UPDATE_ALARM) return;
    void browser.storage.session.get(PENDING_KEY).then((stored) => {
      const pending = stored[PENDING_KEY];
      if (typeof pending === 'string' && pending !== browser.runtime.getManifest().version) apply();
    });
  });
}
