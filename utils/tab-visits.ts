/**
 * Which visit is in progress in which tab, kept in `storage.session` so it survives the background service worker
 * stopping (and a panel reload) but not the browser session. It holds ids only, never clinical text.
 */
import { browser } from './browser';

const KEY = 'tabVisits';

async function readAll(): Promise<Record<string, string>> {
  const stored: unknown = (await browser.storage.session.get(KEY))[KEY];
  if (typeof stored !== 'object' || stored === null) return {};
  return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export async function bindVisitToTab(tabId: number, visitId: string): Promise<void> {
  await browser.storage.session.set({ [KEY]: { ...(await readAll()), [tabId]: visitId } });
}

export async function visitInTab(tabId: number): Promise<string | undefined> {
  return (await readAll())[tabId];
}

export async function releaseTab(tabId: number): Promise<void> {
  const { [tabId]: _released, ...rest } = await readAll();
  await browser.storage.session.set({ [KEY]: rest });
}
