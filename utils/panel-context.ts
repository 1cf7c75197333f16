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
