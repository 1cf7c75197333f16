import { doxy } from './doxy';
import { jitsi } from './jitsi';
import { meet } from './meet';
import { simplepractice } from './simplepractice';
import type { Platform } from './types';
import { teams } from './teams';
import { vsee } from './vsee';
import { whereby } from './whereby';
import { zoom } from './zoom';

export type { DomHints, Platform } from './types';

/**
 * Every built-in platform. Adding a platform is adding its file, its fixture (tests/fixtures/<id>/, routed in
 * tests/support/fixture-routes.mjs) and its URL table (tests/unit/platforms.test.ts); a meta-test checks all three.
 */
export const platforms: readonly Platform[] = [meet, zoom, teams, doxy, simplepractice, whereby, jitsi, vsee];

/** Id stored on visits recorded on a host the clinician added themselves (see utils/custom-hosts.ts). */
export const CUSTOM_PLATFORM_ID = 'custom';

/** The platform whose meeting page `url` is, or undefined when `url` is not a meeting on any known platform. */
export function meetingPlatformFor(url: URL): Platform | undefined {
  return platforms.find((platform) => platform.isMeetingUrl(url));
}

/** The built-in platform serving `hostname`, meeting page or not. */
export function platformForHost(hostname: string): Platform | undefined {
  const host = hostname.toLowerCase();
  return platforms.find((platform) => platform.ownsHost(host));
}

export function platformById(id: string): Platform | undefined {
  return platforms.find((platform) => platform.id === id);
}

/** Match patterns for the content script and the host permissions. */
export function allMatchPatterns(): string[] {
  return platforms.flatMap((platform) => platform.matches);
}
