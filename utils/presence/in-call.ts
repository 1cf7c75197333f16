/**
 * Which visits are in call, for the presence nudge: a visit bound to a tab (utils/tab-visits.ts) that has not ended,
 * whose tab is open, and whose call is not known to be in the lobby or over (utils/call-tracker.ts). A visit the
 * clinician started where no call signal is seen at all (a practice's own platform) still counts: their word wins.
 */
import { browser } from '../browser';
import { callStatus } from '../call-tracker';
import { getVisit } from '../db/visits';
import { boundTabs } from '../tab-visits';

export interface CallInProgress {
  tabId: number;
  visitId: string;
}

/** Whether the visit bound to `tabId` is in call now: not ended, and its tab still open. */
export async function isVisitInCall(tabId: number, visitId: string): Promise<boolean> {
  const [visit, tabOpen, call] = await Promise.all([getVisit(visitId), tabExists(tabId), callStatus(tabId)]);
  return tabOpen && visit !== undefined && visit.endedAt === null && call.phase !== 'waiting' && call.phase !== 'ended';
}

// A closed tab's binding is released a moment after the tab goes, so the tab itself is asked (no permission needed).
async function tabExists(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.get(tabId)) !== undefined;
  } catch {
    return false;
  }
}

export async function callsInProgress(): Promise<CallInProgress[]> {
  const tabs = await boundTabs();
  const inCall = await Promise.all(tabs.map(({ tabId, visitId }) => isVisitInCall(tabId, visitId)));
  return tabs.filter((_, index) => inCall[index]);
}
