// Lets an e2e test drive a REAL update of the built extension in Chromium, the way a clinician's browser receives one,
// with no network. The build is packed twice (the built version and a higher one) into CRX files signed with one
// throwaway key, so both carry the same extension id; a local HTTP server answers Chromium's update checks; and a
// machine policy (tests/support/policy-launch.mjs) force-installs the extension from that server. The test then
// offers the higher version and asks for an update check: Chromium downloads it, fires runtime.onUpdateAvailable in
// the running service worker, and installs it when the extension reloads.
//
// Three settings are needed, each found by its absence:
// - The policy's update URL serves only the first install: afterwards Chromium updates an extension from its
//   manifest's update_url, and Attune's has none, so Chromium asks its Web Store update service instead (which answers
//   "no_update" at once, offline). `override_update_url` keeps every update check on the local server.
// - Chromium forbids DevTools, and so Playwright, on policy-installed extensions unless DeveloperToolsAvailability
//   allows them: the service worker would run but the test would never see it.
// - Under --disable-background-networking or Playwright's default --disable-extensions the extension is never
//   installed (launchWithExtension's `extensionUpdates` drops both).
// Needs what policy-launch.mjs needs (a private mount namespace); policyLaunchSupported() says whether.
import { execFile } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromiumPath } from './chromium.mjs';
import { CHROME_BUILD_DIR, launchWithExtension } from './launch.mjs';
import { chromiumWithMachinePolicy } from './policy-launch.mjs';

/**
 * Chromium's id for a packed extension: the first 32 hex digits of SHA-256 of its public key (DER), written a–p.
 * @param {string} privateKeyPem
 */
function packedExtensionId(privateKeyPem) {
  const publicKey = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(publicKey).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

/**
 * The next patch version: "0.1.0" → "0.1.1".
 * @param {string} version
 */
export function nextPatchVersion(version) {
  const parts = version.split('.').map(Number);
  return [...parts.slice(0, -1), (parts.at(-1) ?? 0) + 1].join('.');
}

/**
 * Packs `buildDir` once per version (only the manifest's "version" differs) with one new key. Chromium packs it
 * itself (--pack-extension), so the CRX format is whatever this Chromium accepts; a failure rejects with its message.
 * @param {{ buildDir?: string, versions: string[], workDir: string }} options
 * @returns {Promise<{ extensionId: string, crxFiles: Record<string, string> }>}
 */
export async function packExtensionVersions({ buildDir = CHROME_BUILD_DIR, versions, workDir }) {
  const keyFile = join(workDir, 'key.pem');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  await writeFile(keyFile, privateKeyPem, { mode: 0o600 });
  const manifest = JSON.parse(await readFile(join(buildDir, 'manifest.json'), 'utf8'));
  /** @type {Record<string, string>} */
  const crxFiles = {};
  await Promise.all(
    versions.map(async (version) => {
      const dir = join(workDir, `attune-${version}`);
      await cp(buildDir, dir, { recursive: true });
      await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version }));
      await promisify(execFile)(chromiumPath(), [
        '--headless',
        '--no-sandbox',
        `--user-data-dir=${join(workDir, `pack-profile-${version}`)}`,
        `--pack-extension=${dir}`,
        `--pack-extension-key=${keyFile}`,
      ]);
      crxFiles[version] = `${dir}.crx`;
    }),
  );
  return { extensionId: packedExtensionId(privateKeyPem), crxFiles };
}

/**
 * Serves Chromium's update protocol for one extension on 127.0.0.1: /updates.xml names the offered version and where
 * its CRX is. `requests` lists every path asked for, in order.
 * @param {{ extensionId: string, crxFiles: Record<string, string>, offered: string }} options
 * @returns {Promise<{ updateUrl: string, offer: (version: string) => void, requests: string[], close: () => Promise<void> }>}
 */
export async function startUpdateServer({ extensionId, crxFiles, offered }) {
  let current = offered;
  /** @type {string[]} */
  const requests = [];
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    if (path === '/updates.xml') {
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(
        '<?xml version="1.0" encoding="UTF-8"?>' +
          '<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">' +
          `<app appid="${extensionId}"><updatecheck codebase="http://127.0.0.1:${port}/${current}.crx" version="${current}"/></app>` +
          '</gupdate>',
      );
      return;
    }
    const version = path.match(/^\/(.+)\.crx$/)?.[1];
    if (version !== undefined && crxFiles[version] !== undefined) {
      response.writeHead(200, { 'content-type': 'application/x-chrome-extension' });
      response.end(await readFile(crxFiles[version]));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    updateUrl: `http://127.0.0.1:${port}/updates.xml`,
    offer: (version) => {
      if (crxFiles[version] === undefined) throw new Error(`No CRX was packed for version ${version}.`);
      current = version;
    },
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections(); // Chromium keeps its update connection alive.
      }),
  };
}

/**
 * Launches Chromium with the built extension force-installed, by machine policy, from a local update server that
 * offers `fromVersion` (the built version unless given). `offer(toVersion)` makes the next update check find
 * `toVersion` (the next patch version unless given). `close()` closes the browser and the server and removes every
 * temporary file except `userDataDir`.
 * @param {{ userDataDir: string, buildDir?: string, fromVersion?: string, toVersion?: string }} options
 * @returns {Promise<{ context: import('@playwright/test').BrowserContext, extensionId: string, fromVersion: string,
 *   toVersion: string, offer: (version: string) => void, requests: string[], close: () => Promise<void> }>}
 */
export async function launchUpdatableExtension({ userDataDir, buildDir = CHROME_BUILD_DIR, fromVersion, toVersion }) {
  const builtVersion = JSON.parse(await readFile(join(buildDir, 'manifest.json'), 'utf8')).version;
  const from = fromVersion ?? builtVersion;
  const to = toVersion ?? nextPatchVersion(from);
  const workDir = await mkdtemp(join(tmpdir(), 'attune-update-'));
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [() => rm(workDir, { recursive: true, force: true })];
  const close = async () => {
    for (let cleanup = cleanups.pop(); cleanup !== undefined; cleanup = cleanups.pop()) await cleanup();
  };
  try {
    const { extensionId, crxFiles } = await packExtensionVersions({ buildDir, versions: [from, to], workDir });
    const server = await startUpdateServer({ extensionId, crxFiles, offered: from });
    cleanups.push(server.close);
    const chromium = chromiumWithMachinePolicy({
      DeveloperToolsAvailability: 1,
      ExtensionSettings: {
        [extensionId]: { installation_mode: 'force_installed', update_url: server.updateUrl, override_update_url: true },
      },
    });
    cleanups.push(async () => chromium.dispose());
    const context = await launchWithExtension({
      userDataDir,
      extensionDir: null,
      extensionUpdates: true,
      executablePath: chromium.executablePath,
    });
    cleanups.push(() => context.close());
    return { context, extensionId, fromVersion: from, toVersion: to, offer: server.offer, requests: server.requests, close };
  } catch (error) {
    await close();
    throw error;
  }
}
