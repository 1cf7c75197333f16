import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from '../../utils/browser';
import {
  addCustomHost,
  CALL_SCRIPT_FILE,
  CUSTOM_HOSTS_KEY,
  listCustomHosts,
  parseHostInput,
  removeCustomHost,
  requestHostAccess,
  syncCustomHostScripts,
} from '../../utils/custom-hosts';
import type { MessageKey } from '../../utils/i18n';

describe('parseHostInput', () => {
  it.each<[string, string]>([
    ['telehealth.example-clinic.org', 'telehealth.example-clinic.org'],
    ['  Telehealth.Example-Clinic.org  ', 'telehealth.example-clinic.org'],
    ['https://telehealth.example-clinic.org/rooms/drsmith?x=1', 'telehealth.example-clinic.org'],
    ['video.practice.example', 'video.practice.example'],
  ])('%s → %s', (input, host) => {
    expect(parseHostInput(input, [])).toEqual({ ok: true, host });
  });

  it.each<[string, string, string[], MessageKey]>([
    ['nothing typed', '   ', [], 'customHostEmpty'],
    ['a plain-http site', 'http://telehealth.example-clinic.org/', [], 'customHostNotHttps'],
    ['not a host name', 'my clinic', [], 'customHostInvalid'],
    ['a bare word without a domain', 'localhost', [], 'customHostInvalid'],
    ['an IP address', '192.168.1.20', [], 'customHostInvalid'],
    ['a built-in platform', 'https://meet.google.com/abc-defg-hij', [], 'customHostBuiltIn'],
    ['a built-in platform’s subdomain', 'mercyhealth.zoom.us', [], 'customHostBuiltIn'],
    ['a host already added', 'telehealth.example-clinic.org', ['telehealth.example-clinic.org'], 'customHostDuplicate'],
    ['one too many', 'new.example.org', Array.from({ length: 50 }, (_, index) => `h${index}.example.org`), 'customHostTooMany'],
  ])('refuses %s', (_name, input, existing, error) => {
    expect(parseHostInput(input, existing)).toEqual({ ok: false, error });
  });
});

/** The browser's registered scripts and granted origins, in memory (the fake browser does not implement them). */
function fakeScriptingAndPermissions(granted: string[] = []) {
  const scripts = new Map<string, { id: string; matches?: string[]; js?: string[] }>();
  const origins = new Set(granted);
  vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockImplementation(async (filter) =>
    [...scripts.values()].filter((script) => filter?.ids === undefined || filter.ids.includes(script.id)),
  );
  vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation(async (added) => {
    for (const script of added) {
      if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      scripts.set(script.id, script);
    }
  });
  vi.spyOn(browser.scripting, 'updateContentScripts').mockImplementation(async (updated) => {
    for (const script of updated) scripts.set(script.id, script);
  });
  vi.spyOn(browser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    for (const id of filter?.ids ?? []) scripts.delete(id);
  });
  vi.spyOn(browser.permissions, 'request').mockImplementation(async (request) => {
    for (const origin of request.origins ?? []) origins.add(origin);
    return true;
  });
  vi.spyOn(browser.permissions, 'remove').mockImplementation(async (request) => {
    for (const origin of request.origins ?? []) origins.delete(origin);
    return true;
  });
  vi.spyOn(browser.permissions, 'getAll').mockImplementation(async () => ({ origins: [...origins], permissions: [] }));
  return { scripts, origins };
}

describe('custom hosts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for exactly the one https origin the clinician added', async () => {
    const { origins } = fakeScriptingAndPermissions();
    expect(await requestHostAccess('telehealth.example-clinic.org')).toBe(true);
    expect([...origins]).toEqual(['https://telehealth.example-clinic.org/*']);
  });

  it('registers the call-page script for an added host and remembers it', async () => {
    const { scripts } = fakeScriptingAndPermissions(['https://telehealth.example-clinic.org/*']);
    expect(await addCustomHost('telehealth.example-clinic.org')).toEqual(['telehealth.example-clinic.org']);
    expect([...scripts.values()]).toEqual([
      expect.objectContaining({ matches: ['https://telehealth.example-clinic.org/*'], js: [CALL_SCRIPT_FILE] }),
    ]);
    expect(await listCustomHosts()).toEqual(['telehealth.example-clinic.org']);
    // Adding it again (e.g. after re-granting) neither duplicates it nor fails.
    expect(await addCustomHost('telehealth.example-clinic.org')).toEqual(['telehealth.example-clinic.org']);
    expect(scripts.size).toBe(1);
  });

  it('removing a host unregisters its script, gives its permission back and forgets it', async () => {
    const { scripts, origins } = fakeScriptingAndPermissions(['https://a.example.org/*', 'https://b.example.org/*']);
    await addCustomHost('a.example.org');
    await addCustomHost('b.example.org');
    expect(await removeCustomHost('a.example.org')).toEqual(['b.example.org']);
    expect([...scripts.values()].map((script) => script.matches)).toEqual([['https://b.example.org/*']]);
    expect([...origins]).toEqual(['https://b.example.org/*']);
    expect(await listCustomHosts()).toEqual(['b.example.org']);
  });

  it('on install or update, drops hosts whose permission the clinician withdrew in the browser', async () => {
    const { scripts, origins } = fakeScriptingAndPermissions(['https://a.example.org/*', 'https://b.example.org/*']);
    await addCustomHost('a.example.org');
    await addCustomHost('b.example.org');
    origins.delete('https://a.example.org/*');
    await syncCustomHostScripts();
    expect([...scripts.keys()]).toEqual(['attune-custom-b.example.org']);
    expect(await listCustomHosts()).toEqual(['b.example.org']);
  });

  it('reports an unreadable stored list instead of treating it as empty, and leaves it as it was', async () => {
    await browser.storage.local.set({ [CUSTOM_HOSTS_KEY]: ['fine.example.org', 'not a host'] });
    await expect(listCustomHosts()).rejects.toThrow('could not be read');
    expect((await browser.storage.local.get(CUSTOM_HOSTS_KEY))[CUSTOM_HOSTS_KEY]).toEqual(['fine.example.org', 'not a host']);
  });
});
