import type { Platform } from './types';

// Meeting codes are three letters, four letters, three letters; `/lookup/NAME` resolves a nickname to a meeting.
const MEETING_CODE_PATH = /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}\/?$/;
const LOOKUP_PATH = /^\/lookup\/[\w-]+\/?$/;

export const meet: Platform = {
  id: 'meet',
  name: 'Google Meet',
  matches: ['https://meet.google.com/*'],
  ownsHost: (hostname) => hostname === 'meet.google.com',
  isMeetingUrl: (url) =>
    url.hostname === 'meet.google.com' && (MEETING_CODE_PATH.test(url.pathname) || LOOKUP_PATH.test(url.pathname)),
  // The meeting URL does not change when the clinician joins or leaves, so Meet's stable `jsname` attributes tell the
  // lobby's join control, the in-call hang-up control and the after-call screen apart in every UI language.
  hints: { lobby: '[jsname="Qx7uuf"]', call: '[jsname="CQylAd"]', left: '[jsname="r8qRAd"]' },
};
