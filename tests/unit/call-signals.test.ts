import { describe, expect, it } from 'vitest';
import { documentsOf, domSignal, mediaSignal, readCallSignals } from '../../utils/call-signals';
import { meet } from '../../utils/platforms/meet';

// Minimal stand-ins for the few DOM and media APIs the watcher reads (unit tests run without a DOM; the e2e suite
// runs the same code on real pages with real MediaStreams).
interface FakeTrack { readyState: 'live' | 'ended'; settings: Record<string, unknown> }
interface FakeMedia { tag: 'video' | 'audio'; tracks?: FakeTrack[]; connected?: boolean; blob?: boolean }
interface FakeElement { selector: string; shown: boolean }
interface FakePage { media?: FakeMedia[]; elements?: FakeElement[]; frames?: (FakePage | 'cross-origin')[] }

const camera: FakeTrack = { readyState: 'live', settings: { deviceId: 'cam', groupId: 'g1' } };
const screenShare: FakeTrack = { readyState: 'live', settings: { deviceId: 'screen:0', displaySurface: 'monitor' } };
const remoteVideo: FakeTrack = { readyState: 'live', settings: { deviceId: '7dbf715e-c652-43b5-a02b-cbe1675973b5' } };
const stoppedRemote: FakeTrack = { ...remoteVideo, readyState: 'ended' };

function fakeDocument(page: FakePage): Document {
  const byTag = (tag: string) => {
    if (tag === 'iframe') {
      return (page.frames ?? []).map((frame) => ({
        get contentDocument() {
          if (frame === 'cross-origin') throw new DOMException('Blocked a frame', 'SecurityError');
          return fakeDocument(frame);
        },
      }));
    }
    return (page.media ?? [])
      .filter((media) => media.tag === tag)
      .map((media) => ({
        isConnected: media.connected ?? true,
        srcObject: media.blob
          ? new Blob()
          : media.tracks === undefined
            ? null
            : { getTracks: () => media.tracks!.map((track) => ({ readyState: track.readyState, getSettings: () => track.settings })) },
      }));
  };
  const document = {
    getElementsByTagName: byTag,
    querySelectorAll: (selector: string) =>
      (page.elements ?? [])
        .filter((element) => element.selector === selector)
        .map((element) => ({ checkVisibility: () => element.shown })),
  };
  return document as unknown as Document;
}

describe('mediaSignal', () => {
  it.each<[string, FakePage, 'none' | 'local' | 'remote']>([
    ['no media elements', {}, 'none'],
    ['an element with nothing attached', { media: [{ tag: 'video' }] }, 'none'],
    ['a recorded video (not a stream)', { media: [{ tag: 'video', blob: true }] }, 'none'],
    ['the clinician’s own camera preview (lobby)', { media: [{ tag: 'video', tracks: [camera] }] }, 'local'],
    ['their own screen share', { media: [{ tag: 'video', tracks: [screenShare] }] }, 'local'],
    ['media from the other side', { media: [{ tag: 'video', tracks: [camera] }, { tag: 'audio', tracks: [remoteVideo] }] }, 'remote'],
    ['remote media that was stopped', { media: [{ tag: 'video', tracks: [stoppedRemote] }] }, 'none'],
    ['remote media in an element removed from the page', { media: [{ tag: 'video', tracks: [remoteVideo], connected: false }] }, 'none'],
    ['remote media in a same-origin frame (Zoom)', { frames: [{ media: [{ tag: 'video', tracks: [remoteVideo] }] }] }, 'remote'],
    ['a cross-origin frame is skipped, not fatal', { frames: ['cross-origin'], media: [{ tag: 'video', tracks: [camera] }] }, 'local'],
  ])('%s → %s', (_name, page, expected) => {
    expect(mediaSignal(documentsOf(fakeDocument(page)))).toBe(expected);
  });

  it('reads where each track comes from once, however often the page is read, and tells tracks apart', () => {
    const reads = new Map<string, number>();
    const track = (id: string, settings: Record<string, unknown>) => ({
      readyState: 'live',
      getSettings: () => {
        reads.set(id, (reads.get(id) ?? 0) + 1);
        return settings;
      },
    });
    const own = track('camera', camera.settings);
    const other = track('remote', remoteVideo.settings);
    const page = (tracks: unknown[]) =>
      ({ getElementsByTagName: (tag: string) => (tag === 'video' ? [{ isConnected: true, srcObject: { getTracks: () => tracks } }] : []) }) as unknown as Document;
    for (let second = 0; second < 5; second += 1) expect(mediaSignal([page([own])])).toBe('local');
    for (let second = 0; second < 5; second += 1) expect(mediaSignal([page([own, other])])).toBe('remote');
    expect(Object.fromEntries(reads)).toEqual({ camera: 1, remote: 1 });
  });
});

describe('domSignal', () => {
  const hints = { lobby: '#lobby', call: '#hang-up', left: '#rejoin' };
  it.each<[string, FakeElement[], 'none' | 'lobby' | 'call' | 'left']>([
    ['no hints on the page', [], 'none'],
    ['the lobby', [{ selector: '#lobby', shown: true }], 'lobby'],
    ['the call, with the lobby kept hidden in the DOM', [{ selector: '#lobby', shown: false }, { selector: '#hang-up', shown: true }], 'call'],
    ['the after-call screen wins over controls still shown', [{ selector: '#hang-up', shown: true }, { selector: '#rejoin', shown: true }], 'left'],
    ['hidden screens say nothing', [{ selector: '#rejoin', shown: false }, { selector: '#hang-up', shown: false }], 'none'],
  ])('%s → %s', (_name, elements, expected) => {
    expect(domSignal([fakeDocument({ elements })], hints)).toBe(expected);
  });

  it('says nothing for a custom host, which has no hints', () => {
    expect(domSignal([fakeDocument({ elements: [{ selector: '#lobby', shown: true }] })], undefined)).toBe('none');
  });
});

describe('readCallSignals', () => {
  it('combines the URL, the markup and the media of a Meet call', () => {
    const page = fakeDocument({ elements: [{ selector: meet.hints!.call!, shown: true }], media: [{ tag: 'video', tracks: [remoteVideo] }] });
    expect(readCallSignals(page, new URL('https://meet.google.com/abc-defg-hij'), meet)).toEqual({
      meetingPage: true,
      dom: 'call',
      media: 'remote',
      pageGone: false,
    });
  });

  it('has no meeting-path answer on a custom host', () => {
    expect(readCallSignals(fakeDocument({}), new URL('https://telehealth.example.org/room'), undefined).meetingPage).toBeNull();
  });
});
