import { browser } from './browser';
import { callStatus, updateCall } from './call-tracker';
import { isCustomHost } from './custom-hosts';
import { platformForHost } from './platforms';
import { getClient } from './db/clients';
import { endVisit, getVisit } from './db/visits';
import { LockedError } from './lock/state';
import { describeIssues } from './models';
import { refusalFor, toBackgroundMessage, type CurrentVisitReply, type MessageSender, type Reply } from './messages';
import { bindVisitToTab, releaseTab, visitInTab } from './tab-visits';

/** Answers every runtime message the background receives. Invalid or unauthorised messages get a reason, never data. */
export async function handleBackgroundMessage(message: unknown, sender: MessageSender): Promise<Reply<unknown>> {
  const parsed = toBackgroundMessage.safeParse(message);
  if (!parsed.success) return { ok: false, error: `Refused: not an Attune message (${describeIssues(parsed.error)}).` };
  const request = parsed.data;
  const refusal = refusalFor(sender, browser.runtime.id, browser.runtime.getURL('/'), request);
  if (refusal !== undefined) return { ok: false, error: refusal };
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false, error: `Refused: "${request.type}" must come from a call tab.` };

  switch (request.type) {
    case 'visit.bind':
      await bindVisitToTab(tabId, request.visitId);
      return { ok: true, value: null };
    case 'visit.release':
      if ((await visitInTab(tabId)) === request.visitId) await releaseTab(tabId);
      return { ok: true, value: null };
    case 'visit.current':
      return { ok: true, value: await currentVisit(tabId) };
    case 'call.state':
      return { ok: true, value: await callStatus(tabId) };
    case 'call.signals': {
      const host = sender.url === undefined ? '' : new URL(sender.url).hostname;
      if (platformForHost(host) === undefined && !(await isCustomHost(host))) {
        return { ok: false, error: `Refused: ${host || 'this page'} is not a video-visit site Attune watches.` };
      }
      await updateCall(tabId, { kind: 'signals', signals: request.signals }, Date.now());
      return { ok: true, value: null };
    }
  }
}

async function currentVisit(tabId: number): Promise<CurrentVisitReply> {
  const visitId = await visitInTab(tabId);
  const visit = visitId === undefined ? undefined : await getVisit(visitId);
  if (visit === undefined || visit.endedAt !== null) return { visitId: null, alias: null };
  return { visitId: visit.id, alias: await aliasUnlessLocked(visit.clientId) };
}

/** The client's alias for the panel's heading; while Attune is locked the alias stays sealed and the panel shows none. */
async function aliasUnlessLocked(clientId: string): Promise<string | null> {
  try {
    return (await getClient(clientId))?.alias ?? null;
  } catch (failure) {
    if (failure instanceof LockedError) return null;
    throw failure;
  }
}

/** A call tab closed with a visit in progress: the visit ends then, with that reason. */
export async function endVisitInClosedTab(tabId: number, now: number): Promise<void> {
  // A call still ending keeps the time it was last seen; otherwise the visit ends now.
  await updateCall(tabId, { kind: 'tab-closed' }, now);
  const visitId = await visitInTab(tabId);
  if (visitId === undefined) return;
  await endVisit(visitId, 'tab-closed', now);
  await releaseTab(tabId);
}
