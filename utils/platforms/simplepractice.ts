import type { Platform } from './types';

// Each appointment has its own room, `video.simplepractice.com/appt-<hex id>`.
const APPOINTMENT_PATH = /^\/appt-[0-9a-f]{8,64}\/?$/i;

export const simplepractice: Platform = {
  id: 'simplepractice',
  name: 'SimplePractice',
  matches: ['https://video.simplepractice.com/*'],
  ownsHost: (hostname) => hostname === 'video.simplepractice.com',
  isMeetingUrl: (url) => url.hostname === 'video.simplepractice.com' && APPOINTMENT_PATH.test(url.pathname),
  hints: { lobby: '[data-testid="waiting-room"]', call: '[data-testid="end-call-button"]', left: '[data-testid="call-ended"]' },
};
