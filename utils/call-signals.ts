/**
 * Reads what a call page shows right now, for the call-state machine (utils/call-state.ts). Runs in the content script,
 * so it stays small and imports only types. Pure: the document and URL come in as parameters.
 *
 * The media signal works on any platform: live MediaStreams attached to <video>/<audio> elements. A track from the
 * clinician's own camera or microphone carries a device group id (or a display surface, for screen sharing); media
 * from the other side (a peer connection, a decoded or generated stream) does not. Own media alone = lobby; any other
 * live media = in call.
 */
import type { CallSignals } from './messages';
import type { DomHints, Platform } from './platforms/types';

/** The page's document plus those of same-origin frames one level down (Zoom may render the meeting in one). */
export function documentsOf(doc: Document): Document[] {
  const docs = [doc];
  for (const frame of Array.from(doc.getElementsByTagName('iframe'))) {
    try {
      // Cross-origin frames throw or give null; they are not the call's own UI.
      const inner = frame.contentDocument;
      if (inner !== null) docs.push(inner);
    } catch {
      continue;
    }
  }
  return docs;
}

// Where a track comes from never changes, and the page is read every second: each track's settings are read once.
const ownCapture = new WeakMap<MediaStreamTrack, boolean>();

function isOwnCapture(track: MediaStreamTrack): boolean {
  let own = ownCapture.get(track);
  if (own === undefined) {
    const settings = track.getSettings() as MediaTrackSettings & { displaySurface?: string };
    own = Boolean(settings.groupId) || Boolean(settings.displaySurface);
    ownCapture.set(track, own);
  }
  return own;
}

export function mediaSignal(docs: readonly Document[]): CallSignals['media'] {
  let media: CallSignals['media'] = 'none';
  for (const doc of docs) {
    for (const tag of ['video', 'audio'] as const) {
      for (const element of Array.from(doc.getElementsByTagName(tag))) {
        const stream = element.srcObject;
        if (!element.isConnected || stream === null || !('getTracks' in stream)) continue;
        for (const track of stream.getTracks()) {
          if (track.readyState !== 'live') continue;
          if (!isOwnCapture(track)) return 'remote';
          media = 'local';
        }
      }
    }
  }
  return media;
}

/** Rendered, not merely in the DOM: apps keep screens they are not showing hidden. */
function isShown(element: Element): boolean {
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : element.getClientRects().length > 0;
}

/** The strongest marker on the page: after-call screen, then in-call controls, then the lobby. */
export function domSignal(docs: readonly Document[], hints: DomHints | undefined): CallSignals['dom'] {
  if (hints === undefined) return 'none';
  const present = (selector: string | undefined) =>
    selector !== undefined && docs.some((doc) => Array.from(doc.querySelectorAll(selector)).some(isShown));
  if (present(hints.left)) return 'left';
  if (present(hints.call)) return 'call';
  if (present(hints.lobby)) return 'lobby';
  return 'none';
}

/** `platform` is undefined on a custom host, which has no meeting-path rule and no markup hints. */
export function readCallSignals(doc: Document, url: URL, platform: Platform | undefined): CallSignals {
  const docs = documentsOf(doc);
  return {
    meetingPage: platform === undefined ? null : platform.isMeetingUrl(url),
    dom: domSignal(docs, platform?.hints),
    media: mediaSignal(docs),
    pageGone: false,
  };
}
