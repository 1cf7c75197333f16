/**
 * Hosts a practice uses for video visits beyond the built-in platforms. Each one is granted by the clinician through an
 * optional host permission, requested at the moment they add it, and gets Attune's call-page script registered for it
 * at run time. The list lives in storage.local, validated on every read and write.
 */
import { z } from 'zod';
import { browser } from './browser';
import type { MessageKey } from './i18n';
import { platformForHost } from './platforms';

export const CUSTOM_HOSTS_KEY = 'customHosts';
export const CUSTOM_HOSTS_MAX = 50;
/** The built content script, registered again for each custom host. */
export const CALL_SCRIPT_FILE = 'content-scripts/call.js';
const SCRIPT_ID_PREFIX = 'attune-custom-';

const hostnameSchema = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'not a host name like clinic.example.com');
export const customHostsSchema = z.array(hostnameSchema).max(CUSTOM_HOSTS_MAX);

export type HostInput = { ok: true; host: string } | { ok: false; error: MessageKey };

/** What the clinician typed (a host or any https link on it) → its host name, or why it cannot be added. */
export function parseHostInput(input: string, existing: readonly string[]): HostInput {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'customHostEmpty' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, error: 'customHostInvalid' };
  }
  if (url.protocol !== 'https:') return { ok: false, error: 'customHostNotHttps' };
  const host = url.hostname;
  if (!hostnameSchema.safeParse(host).success) return { ok: false, error: 'customHostInvalid' };
  if (platformForHost(host) !== undefined) return { ok: false, error: 'customHostBuiltIn' };
  if (existing.includes(host)) return { ok: false, error: 'customHostDuplicate' };
  if (existing.length >= CUSTOM_HOSTS_MAX) return { ok: false, error: 'customHostTooMany' };
  return { ok: true, host };
}

export const originPatternFor = (host: string) => `https://${host}/*`;
const scriptIdFor = (host: string) => `${SCRIPT_ID_PREFIX}${host}`;

export async function listCustomHosts(): Promise<string[]> {
  const stored: unknown = (await browser.storage.local.get(CUSTOM_HOSTS_KEY))[CUSTOM_HOSTS_KEY];
  if (stored === undefined) return [];
  const parsed = customHostsSchema.safeParse(stored);
  // An unreadable list is not silently emptied: the clinician is told, and the stored value stays as it is.
  if (!parsed.success) throw new Error('The list of your practice’s video-visit sites could not be read.');
  return parsed.data;
}

async function saveCustomHosts(hosts: string[]): Promise<void> {
  await browser.storage.local.set({ [CUSTOM_HOSTS_KEY]: customHostsSchema.parse(hosts) });
}

/**
 * Asks the browser for access to `host`. Must be the first thing a click handler does: browsers grant permission
 * prompts only while handling the clinician's own gesture.
 */
export function requestHostAccess(host: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPatternFor(host)] });
}

/** After access was granted: runs Attune's call-page script on the host and remembers it. */
export async function addCustomHost(host: string): Promise<string[]> {
  const hosts = await listCustomHosts();
  await registerCallScript(host);
  const next = hosts.includes(host) ? hosts : [...hosts, host];
  await saveCustomHosts(next);
  return next;
}

/** Stops running on `host`, gives its permission back and forgets it. */
export async function removeCustomHost(host: string): Promise<string[]> {
  const hosts = await listCustomHosts();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [scriptIdFor(host)] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [scriptIdFor(host)] });
  await browser.permissions.remove({ origins: [originPatternFor(host)] });
  const next = hosts.filter((known) => known !== host);
  await saveCustomHosts(next);
  return next;
}

export async function isCustomHost(host: string): Promise<boolean> {
  return (await listCustomHosts()).includes(host);
}

async function registerCallScript(host: string): Promise<void> {
  const script = { id: scriptIdFor(host), matches: [originPatternFor(host)], js: [CALL_SCRIPT_FILE], runAt: 'document_end' as const };
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [script.id] });
  if (registered.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
}

/**
 * Brings the registered scripts in line with the stored list and the permissions the browser still holds (run when
 * Attune is installed or updated): a host whose permission was withdrawn in the browser's settings stops being watched.
 */
export async function syncCustomHostScripts(): Promise<void> {
  const hosts = await listCustomHosts();
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  const kept = hosts.filter((host) => granted.has(originPatternFor(host)));
  const registered = await browser.scripting.getRegisteredContentScripts();
  const stale = registered.map((script) => script.id).filter((id) => id.startsWith(SCRIPT_ID_PREFIX) && !kept.some((host) => scriptIdFor(host) === id));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  for (const host of kept) await registerCallScript(host);
  if (kept.length !== hosts.length) await saveCustomHosts(kept);
}
