import { isDomainOrSub } from './hosts';
import type { Platform } from './types';

// Zoom's web client: `/wc/<meeting id>/join|start` (older links: `/wc/join/<id>`). `/j/<id>` only launches the app,
// and leaving replaces the URL with `/wc/leave` without a page load. Zoom for Healthcare accounts use the same client on
// their vanity subdomains (`<org>.zoom.us`); Zoom for Government serves it from zoomgov.com.
const WEB_CLIENT_PATH = /^\/wc\/(?:\d{9,11}\/(?:join|start)|join\/\d{9,11})\/?$/;
const DOMAINS = ['zoom.us', 'zoomgov.com'];

export const zoom: Platform = {
  id: 'zoom',
  name: 'Zoom',
  matches: ['https://*.zoom.us/*', 'https://*.zoomgov.com/*'],
  ownsHost: (hostname) => DOMAINS.some((domain) => isDomainOrSub(hostname, domain)),
  isMeetingUrl: (url) => zoom.ownsHost(url.hostname) && WEB_CLIENT_PATH.test(url.pathname),
  hints: { lobby: '#preview-meeting-info, .preview-join-button', call: '#wc-footer, #wc-container-left' },
};
