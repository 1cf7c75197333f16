import type { Platform } from './types';
import { meet } from './meet';

export type { Platform } from './types';

/** Every built-in platform. Adding a platform is adding its file, its fixture and its URL table here. */
export const platforms: readonly Platform[] = [meet];

/** The platform whose meeting page `url` is, or undefined when `url` is not a meeting on any known platform. */
export function meetingPlatformFor(url: URL): Platform | undefined {
  return platforms.find((platform) => platform.isMeetingUrl(url));
}

export function platformById(id: string): Platform | undefined {
  return platforms.find((platform) => platform.id === id);
}

/** Match patterns for the content script, the panel's web-accessible resource and the host permissions. */
export function allMatchPatterns(): string[] {
  return platforms.flatMap((platform) => platform.matches);
}
