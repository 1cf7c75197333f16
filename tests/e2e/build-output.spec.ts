// Checks on the BUILT extension that no runtime test can see as directly: what the content script could touch, what
// the bundles could send, and what the manifest asks for.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CHROME_BUILD_DIR } from '../support/launch.mjs';

async function jsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.js')).map((entry) => join(entry.parentPath, entry.name));
}

test('the content script references no web storage: from a call page it would be the call site’s', async () => {
  const files = await jsFiles(join(CHROME_BUILD_DIR, 'content-scripts'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const code = await readFile(file, 'utf8');
    expect(code, file).not.toMatch(/indexedDB|localStorage|sessionStorage|openDatabase|caches\./);
  }
});

test('no bundle contains a way to send data off the device', async () => {
  for (const file of await jsFiles(CHROME_BUILD_DIR)) {
    const code = await readFile(file, 'utf8');
    expect(code, file).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts\(/);
  }
});

test('the manifest asks only for what Attune needs and forbids remote code and connections', async () => {
  const manifest = JSON.parse(await readFile(join(CHROME_BUILD_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  // scripting (custom hosts, "Show Attune on this page") and alarms (grace periods, the away notification): no install warning.
  expect(manifest.permissions.sort()).toEqual(['alarms', 'idle', 'scripting', 'storage', 'unlimitedStorage']);
  // Asked for only when the clinician turns a feature on: the away notification, and single https hosts.
  expect(manifest.optional_permissions).toEqual(['notifications']);
  const contentMatches = manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches).sort();
  expect(manifest.host_permissions.sort()).toEqual(contentMatches);
  // A practice's own host is asked for one origin at a time when the clinician adds it: optional, https only.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  expect(manifest.host_permissions).not.toContain('https://*/*');
  expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|http:\/\//);
  const csp: string = manifest.content_security_policy.extension_pages;
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  // The panel frame must also load on custom hosts, which cannot be added to this list at run time.
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['panel.html'], matches: ['https://*/*'] }]);
});
