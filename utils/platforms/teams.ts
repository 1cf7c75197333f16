import type { Platform } from './types';

// Teams is one app for chat, calendar and calls; only the join links are meeting URLs. A call started inside the app
// (e.g. from the calendar) keeps an app URL, so there the media signal or the clinician's "Show Attune" finds it.
const HOSTS = new Set(['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft']);
const MEETING_PATH = /^(?:\/v2)?\/(?:l\/meetup-join\/[^/]+\/[^/]+|meet\/\d{6,20})\/?$/;

export const teams: Platform = {
  id: 'teams',
  name: 'Microsoft Teams',
  matches: ['https://teams.microsoft.com/*', 'https://teams.live.com/*', 'https://teams.cloud.microsoft/*'],
  ownsHost: (hostname) => HOSTS.has(hostname),
  isMeetingUrl: (url) => HOSTS.has(url.hostname) && MEETING_PATH.test(url.pathname),
  hints: {
    lobby: '[data-tid="prejoin-join-button"]',
    call: '[data-tid="hangup-main-btn"]',
    left: '[data-tid="call-ended-screen"]',
  },
};
