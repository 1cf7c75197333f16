/** The panel frame's side of the protocol: talks to the background and to the content script of its own tab. */
import { browser } from './browser';
import { CALL_STATES_KEY } from './call-tracker';
import {
  callStatusReply,
  currentVisitReply,
  type CallStatusReply,
  type CurrentVisitReply,
  type ToBackgroundMessage,
} from './messages';
import { handleOffset, isExpanded, PANEL_EXPANDED_KEY, PANEL_FRAME_TITLE_KEY, PANEL_HANDLE_OFFSET_KEY } from './panel-layout';

async function ask(message: ToBackgroundMessage): Promise<unknown> {
  const reply: unknown = await browser.runtime.sendMessage(message);
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new Error('Attune\u2019s background did not answer. Reload the page.');
  }
  if (reply.ok !== true) throw new Error('error' in reply && typeof reply.error === 'string' ? reply.error : 'Refused.');
  return 'value' in reply ? reply.value : undefined;
}

export async function currentVisit(): Promise<CurrentVisitReply> {
  const parsed = currentVisitReply.safeParse(await ask({ type: 'visit.current' }));
  if (!parsed.success) throw new Error('Attune\u2019s background sent an unexpected answer.');
  return parsed.data;
}

/** Where this tab is in its call, as the background's call tracker sees it. */
export async function callStatus(): Promise<CallStatusReply> {
  const parsed = callStatusReply.safeParse(await ask({ type: 'call.state' }));
  if (!parsed.success) throw new Error('Attune\u2019s background sent an unexpected answer.');
  return parsed.data;
}

/** Calls `listener` whenever any tab's call changes (the tracker keeps calls in storage.session). */
export function onCallChanged(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && CALL_STATES_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export async function bindVisit(visitId: string): Promise<void> {
  await ask({ type: 'visit.bind', visitId });
}

export async function releaseVisit(visitId: string): Promise<void> {
  await ask({ type: 'visit.release', visitId });
}

/** Whether the clinician last left the panel open. Collapsed by default. */
export async function rememberedExpanded(): Promise<boolean> {
  return isExpanded(await browser.storage.local.get(PANEL_EXPANDED_KEY));
}

/** Remembers the choice; the content script sees the change and resizes the frame. */
export async function setPanelExpanded(expanded: boolean): Promise<void> {
  await browser.storage.local.set({ [PANEL_EXPANDED_KEY]: expanded });
}

/** Where the clinician last put the handle along the edge (0 top … 1 bottom); the middle by default. */
export async function rememberedHandleOffset(): Promise<number> {
  return handleOffset(await browser.storage.local.get(PANEL_HANDLE_OFFSET_KEY));
}

/** Remembers the handle's place; the content script sees the change and moves the frame. */
export async function setHandleOffset(offset: number): Promise<void> {
  await browser.storage.local.set({ [PANEL_HANDLE_OFFSET_KEY]: offset });
}

/** Keeps the frame title the content script gives the next panel frame in the language the panel is shown in. */
export async function rememberFrameTitle(title: string): Promise<void> {
  const stored = await browser.storage.local.get(PANEL_FRAME_TITLE_KEY);
  if (stored[PANEL_FRAME_TITLE_KEY] !== title) await browser.storage.local.set({ [PANEL_FRAME_TITLE_KEY]: title });
}
