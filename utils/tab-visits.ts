/**
 * Which visit is in progress in which tab. It holds ids only, never clinical text, one key per tab so updates for
 * different tabs never overwrite each other. Kept in `storage.local`, not `storage.session`, so it survives the
 * extension being reloaded or updated mid-visit (which empties storage.session); tab ids are only meaningful within one
 * browser session, so the links left from the last session are forgotten when the browser starts.
 */
import { browser } from './browser';

const KEY_PREFIX = 'tabVisit:';
const keyFor = (tabId: number) => `${KEY_PREFIX}${tabId}`;

export async function bindVisitToTab(tabId: number, visitId: string): Promise<void> {
  await browser.storage.local.set({ [keyFor(tabId)]: visitId });
}

export async function visitInTab(tabId: number): Promise<string | undefined> {
  const stored: unknown = (await browser.storage.local.get(keyFor(tabId)))[keyFor(tabId)];
  return typeof stored === 'string' ? stored : undefined;
}

export async function releaseTab(tabId: number): Promise<void> {
  await browser.storage.local.remove(keyFor(tabId));
}

/** Every tab with a visit bound to it. */
export async function boundTabs(): Promise<{ tabId: number; visitId: string }[]> {
  const all = await browser.storage.local.get(null);
  return Object.entries(all).flatMap(([key, visitId]) => {
    const tabId = Number(key.slice(KEY_PREFIX.length));
    return key.startsWith(KEY_PREFIX) && Number.isInteger(tabId) && typeof visitId === 'string' ? [{ tabId, visitId }] : [];
  });
}

/** The browser started: last session's tab ids may be reused by new tabs, so no link from then may stand. */
export async function forgetLastSessionTabs(): Promise<void> {
  const stale = (await boundTabs()).map(({ tabId }) => keyFor(tabId));
  if (stale.length > 0) await browser.storage.local.remove(stale);
}
