/**
 * The one message protocol between Attune's contexts. Every receiver parses with these schemas and checks the sender.
 *
 * The content script receives no messages (it only reads the panel's open/collapsed preference from extension
 * storage), so no validator is injected into call pages; it may send messages, importing only their types.
 */
import { z } from 'zod';
import { visitEndReasonSchema } from './models';

const visitId = z.string().uuid();

// ── panel frame → background ─────────────────────────────────────────────────────────────────────────────────────
/** The panel started (or resumed) a visit in its tab; the background remembers it across panel reloads. */
export const visitBindMessage = z.object({ type: z.literal('visit.bind'), visitId });
/** The panel asks which visit is in progress in its tab. Reads clinical data: extension pages only. */
export const visitCurrentMessage = z.object({ type: z.literal('visit.current') });
/** The panel ended the visit in its tab. */
export const visitReleaseMessage = z.object({ type: z.literal('visit.release'), visitId });

/** The panel asks where its tab is in the call (no clinical data: a phase, times and ids). */
export const callStateMessage = z.object({ type: z.literal('call.state') });

// ── content script → background ──────────────────────────────────────────────────────────────────────────────────
/**
 * What the call page shows right now (utils/call-signals.ts). Hints only: the page shares the DOM and could fake them,
 * so they can move a call between phases but never read or write clinical data.
 */
export const callSignalsSchema = z.object({
  /** The URL is a meeting page of its platform; null on a custom host, which has no meeting-path rule. */
  meetingPage: z.boolean().nullable(),
  /** Which of the platform's language-independent markers is on the page. */
  dom: z.enum(['none', 'lobby', 'call', 'left']),
  /** Live media playing: only the clinician's own camera/microphone (`local`), or media from elsewhere (`remote`). */
  media: z.enum(['none', 'local', 'remote']),
  /** The page is unloading (navigation or reload). */
  pageGone: z.boolean(),
});
export type CallSignals = z.infer<typeof callSignalsSchema>;
export const callSignalsMessage = z.object({ type: z.literal('call.signals'), signals: callSignalsSchema });

export const toBackgroundMessage = z.discriminatedUnion('type', [
  visitBindMessage,
  visitCurrentMessage,
  visitReleaseMessage,
  callStateMessage,
  callSignalsMessage,
]);
export type ToBackgroundMessage = z.infer<typeof toBackgroundMessage>;

/** Messages whose answer contains clinical data (aliases, notes). A content script asking for one is refused. */
export const CLINICAL_REQUESTS: ReadonlySet<ToBackgroundMessage['type']> = new Set(['visit.current']);

export const currentVisitReply = z.object({
  visitId: visitId.nullable(),
  alias: z.string().nullable(),
});
export type CurrentVisitReply = z.infer<typeof currentVisitReply>;

const epochMs = z.number().int().nonnegative();
export const callStatusReply = z.object({
  phase: z.enum(['idle', 'waiting', 'in-call', 'ending', 'ended']),
  callStartedAt: epochMs.nullable(),
  endedAt: epochMs.nullable(),
  endReason: visitEndReasonSchema.nullable(),
  /** The visit Attune ended in this tab when the call ended, so the panel can show it ended. */
  endedVisitId: visitId.nullable(),
});
export type CallStatusReply = z.infer<typeof callStatusReply>;

// ── background → panel frames ──────────────────────────────────────────────────────────────────────────────────
/**
 * The clinician pressed the open-panel shortcut in tab `tabId`. Every panel frame hears it; only the one in that tab
 * opens and takes focus. Carries no clinical data.
 */
export const panelFocusMessage = z.object({ type: z.literal('panel.focus'), tabId: z.number().int().nonnegative() });
export type PanelFocusMessage = z.infer<typeof panelFocusMessage>;

/**
 * An update of Attune is waiting: every open panel frame answers that it is open, which holds the update back
 * (utils/update-deferral.ts). Other pages stay silent.
 */
export const updatePendingMessage = z.strictObject({ type: z.literal('update.pending') });
export type UpdatePendingMessage = z.infer<typeof updatePendingMessage>;
export const updatePendingReply = z.object({ panelOpen: z.boolean() });
export type UpdatePendingReply = z.infer<typeof updatePendingReply>;

// ── replies ─────────────────────────────────────────────────────────────────────────────────────────────────────
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Who sent a runtime message, as the browser reports it (a subset of `runtime.MessageSender`). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** Why a sender may not make a request, or undefined when it may. `extensionOrigin` ends with a slash. */
export function refusalFor(
  sender: MessageSender,
  ownId: string,
  extensionOrigin: string,
  request?: ToBackgroundMessage,
): string | undefined {
  if (sender.id !== ownId) return 'Refused: the message came from another extension.';
  const fromExtensionPage = sender.url?.startsWith(extensionOrigin) === true;
  if (request !== undefined && CLINICAL_REQUESTS.has(request.type) && !fromExtensionPage) {
    return `Refused: "${request.type}" returns clinical data and may only be asked by Attune’s own pages.`;
  }
  if (request?.type === 'visit.bind' && !fromExtensionPage) {
    return 'Refused: only the Attune panel can bind a visit to its tab.';
  }
  if (request?.type === 'call.signals' && (fromExtensionPage || sender.url === undefined)) {
    return 'Refused: only Attune’s watcher on the call page reports call signals.';
  }
  return undefined;
}
