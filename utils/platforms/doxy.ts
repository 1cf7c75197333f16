import { isDomainOrSub, onlySegment } from './hosts';
import type { Platform } from './types';

// Rooms are `doxy.me/<room>` or `<clinic>.doxy.me/<room>`; the rest of the site is the provider's account and marketing.
const NOT_ROOMS = new Set(['sign-in', 'signin', 'login', 'sign-up', 'signup', 'account', 'dashboard', 'pricing', 'features',
  'blog', 'help', 'support', 'about', 'privacy', 'terms', 'contact', 'legal', 'security', 'static', 'assets']);

export const doxy: Platform = {
  id: 'doxy',
  name: 'Doxy.me',
  matches: ['https://*.doxy.me/*'],
  ownsHost: (hostname) => isDomainOrSub(hostname, 'doxy.me'),
  isMeetingUrl: (url) => {
    const room = onlySegment(url.pathname)?.toLowerCase();
    return doxy.ownsHost(url.hostname) && room !== undefined && /^[\w.-]{2,64}$/.test(room) && !NOT_ROOMS.has(room);
  },
  hints: { lobby: '[data-testid="checkin-form"]', call: '[data-testid="call-controls"]', left: '[data-testid="call-ended"]' },
};
