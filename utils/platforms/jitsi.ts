import { onlySegment } from './hosts';
import type { Platform } from './types';

// meet.jit.si/<Room>; 8x8 (JaaS) rooms are `8x8.vc/<tenant>/<Room>` or `8x8.vc/<Room>`. Leaving goes to `/` or to
// `/static/close*.html`.
const ROOM = /^[^/.]{1,128}$/;
const NOT_ROOMS = new Set(['static', 'libs', 'images', 'sounds', 'lang', 'css', 'connection-optimization']);
const room = (segment: string | undefined) => segment !== undefined && ROOM.test(segment) && !NOT_ROOMS.has(segment);

export const jitsi: Platform = {
  id: 'jitsi',
  name: 'Jitsi Meet',
  matches: ['https://meet.jit.si/*', 'https://8x8.vc/*'],
  ownsHost: (hostname) => hostname === 'meet.jit.si' || hostname === '8x8.vc',
  isMeetingUrl: (url) => {
    if (url.hostname === 'meet.jit.si') return room(onlySegment(url.pathname));
    const tenantRoom = /^\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
    return url.hostname === '8x8.vc' && (room(onlySegment(url.pathname)) || (room(tenantRoom?.[1]) && room(tenantRoom?.[2])));
  },
  hints: { lobby: '#premeeting-screen, [data-testid="prejoin.joinMeeting"]', call: '#largeVideoContainer' },
};
