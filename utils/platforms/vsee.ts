import { isDomainOrSub } from './hosts';
import type { Platform } from './types';

// VSee Clinic runs on `<clinic>.vsee.me`: a client waits in the provider's room `/u/<provider>`, and visits run at
// `/visits/<id>` (the provider side). Dashboards and settings on the same host are not calls.
const VISIT_PATH = /^\/(?:u\/[\w.-]{1,64}|visits\/[\w-]{4,64}(?:\/call)?)\/?$/;

export const vsee: Platform = {
  id: 'vsee',
  name: 'VSee',
  matches: ['https://*.vsee.me/*'],
  ownsHost: (hostname) => isDomainOrSub(hostname, 'vsee.me'),
  isMeetingUrl: (url) => vsee.ownsHost(url.hostname) && VISIT_PATH.test(url.pathname),
  hints: { lobby: '[data-testid="waiting-room"]', call: '[data-testid="call-hangup"]', left: '[data-testid="visit-ended"]' },
};
