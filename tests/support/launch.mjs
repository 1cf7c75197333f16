// Launches Debian's Chromium with the BUILT extension loaded, for the e2e suite, the demo and the benchmark.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium.mjs';

export const CHROME_BUILD_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/**
 * Playwright's own --disable-features list switches off ThirdPartyStoragePartitioning, under which Chromium refuses
 * IndexedDB to extension frames embedded in web pages. Passing our own list replaces Playwright's (the last switch
 * wins), so the browser behaves like a clinician's Chrome.
 */
const DISABLED_FEATURES = ['Translate', 'MediaRouter', 'OptimizationHints', 'DialMediaRouteProvider', 'LensOverlay'];

/**
 * With either of these switches (ours, and one of Playwright's defaults), Chromium never installs or runs an extension
 * that a policy installs from an update URL. Every launch passes them except the update tests'
 * (tests/support/update-launch.mjs), which need Chromium's extension updater.
 */
const UPDATER_BLOCKING_SWITCHES = ['--disable-background-networking', '--disable-extensions'];

/**
 * @param {{ extensionDir?: string | null, userDataDir?: string, headless?: boolean, viewport?: { width: number, height: number } | null, executablePath?: string, extensionUpdates?: boolean, developerMode?: boolean }} [options]
 *   `extensionDir: null` launches without any extension (a baseline for measurements); `executablePath` replaces the
 *   Chromium binary (tests/support/policy-launch.mjs wraps it to give the browser a machine policy);
 *   `extensionUpdates: true` lets Chromium install and update extensions from an update URL. `developerMode` starts
 *   the profile with chrome://extensions' developer mode on: only then does Chromium load an unpacked extension again
 *   after `runtime.reload()` (without it, the extension stayed unloaded for minutes whenever one of its pages was
 *   open); the store build a clinician installs is not unpacked and needs no such switch.
 * @returns {Promise<import('@playwright/test').BrowserContext>}
 */
export async function launchWithExtension(options = {}) {
  const extensionDir = options.extensionDir === undefined ? CHROME_BUILD_DIR : options.extensionDir;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'attune-profile-')));
  if (options.developerMode === true) await turnOnDeveloperMode(userDataDir);
  const extensionArgs = extensionDir === null ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
  const updates = options.extensionUpdates ?? false;
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? chromiumPath(),
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    ignoreDefaultArgs: updates ? UPDATER_BLOCKING_SWITCHES : undefined,
    args: [
      ...extensionArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      ...(updates ? [] : ['--disable-background-networking']),
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ],
  });
}

/**
 * The extension's id, read from its service worker's URL.
 * @param {import('@playwright/test').BrowserContext} context
 * @returns {Promise<string>}
 */
export async function extensionIdOf(context) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/**
 * Writes a new profile's preferences with developer mode on (an existing profile keeps its own).
 * @param {string} userDataDir
 */
async function turnOnDeveloperMode(userDataDir) {
  await mkdir(join(userDataDir, 'Default'), { recursive: true });
  await writeFile(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }), { flag: 'wx' }).catch(
    (/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
}
