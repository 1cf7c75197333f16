import { isDomainOrSub, onlySegment } from './hosts';
import type { Platform } from './types';

// Rooms are `whereby.com/<room>` or `<sub>.whereby.com/<room>`; these first segments are the site, not rooms.
const NOT_ROOMS = new Set(['user', 'login', 'signup', 'information', 'org', 'pricing', 'blog', 'about', 'legal',
  'support', 'contact', 'embed', 'download', 'business', 'api', 'static']);

export const whereby: Platform = {
  id: 'whereby',
  name: 'Whereby',
  matches: ['https://*.whereby.com/*'],
  ownsHost: (hostname) => isDomainOrSub(hostname, 'whereby.com'),
  isMeetingUrl: (url) => {
    const room = onlySegment(url.pathname)?.toLowerCase();
    return whereby.ownsHost(url.hostname) && room !== undefined && /^[a-z0-9-]{2,64}$/.test(room) && !NOT_ROOMS.has(room);
  },
  hints: { lobby: '[data-testid="join-button"]', call: '[data-testid="leave-button"]' },
};
