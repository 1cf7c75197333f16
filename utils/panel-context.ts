import { CUSTOM_PLATFORM_ID, platformById } from './platforms';

export interface CallContext {
  platform: string;
  host: string;
}

/** The call the panel frame belongs to, from the query the content script put on its URL; undefined if unusable. */
export function callContextFrom(search: string): CallContext | undefined {
  const params = new URLSearchParams(search);
  const id = params.get('platform') ?? '';
  const platform = id === CUSTOM_PLATFORM_ID ? id : platformById(id)?.id;
  const host = params.get('host') ?? '';
  if (platform === undefined || !/^[a-z0-9.-]{1,253}$/i.test(host)) return undefined;
  return { platform, host };
}

/**
 * Whether the page hosting the panel frame is the call's own site. `panel.html` is web-accessible to https pages (so it
 * can load on a practice's own hosts), so a page could frame it with a query claiming another site's call; the
 * browser-reported embedder origin (`location.ancestorOrigins`, where the browser has it) settles that. A built-in
 * platform id is believed only on that platform's hosts.
 */
export function isCallSite(context: CallContext, embedderOrigin: string | undefined): boolean {
  const host = context.host.toLowerCase();
  const platform = platformById(context.platform);
  if (platform !== undefined && !platform.ownsHost(host)) return false;
  return embedderOrigin === undefined || embedderOrigin.toLowerCase() === `https://${host}`;
}
