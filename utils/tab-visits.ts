/**
 * Which visit is in progress in which tab, kept in `storage.session` so it survives the background service worker
 * stopping (and a panel reload) but not the browser session. It holds ids only, never clinical text.
 * One key per tab, so updates for different tabs never overwrite each other.
 */
import { browser } from './browser';

const keyFor = (tabId: number) => `tabVisit:${tabId}`;

export async function bindVisitToTab(tabId: number, visitId: string): Promise<void> {
  await browser.storage.session.set({ [keyFor(tabId)]: visitId });
}

export async function visitInTab(tabId: number): Promise<string | undefined> {
  const stored: unknown = (await browser.storage.session.get(keyFor(tabId)))[keyFor(tabId)];
  return typeof stored === 'string' ? stored : undefined;
}

export async function releaseTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyFor(tabId));
}
