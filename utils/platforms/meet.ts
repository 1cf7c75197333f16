import type { Platform } from './types';

// Meeting codes are three letters, four letters, three letters; `/lookup/NAME` resolves a nickname to a meeting.
const MEETING_CODE_PATH = /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}\/?$/;
const LOOKUP_PATH = /^\/lookup\/[\w-]+\/?$/;

export const meet: Platform = {
  id: 'meet',
  name: 'Google Meet',
  matches: ['https://meet.google.com/*'],
  isMeetingUrl: (url) =>
    url.hostname === 'meet.google.com' && (MEETING_CODE_PATH.test(url.pathname) || LOOKUP_PATH.test(url.pathname)),
};
