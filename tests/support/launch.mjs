// Launches Debian's Chromium with the BUILT extension loaded, for the e2e suite, the demo and the benchmark.
import { mkdtemp } from 'node:fs/promises';
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
 * @param {{ extensionDir?: string | null, userDataDir?: string, headless?: boolean, viewport?: { width: number, height: number } | null, executablePath?: string }} [options]
 *   `extensionDir: null` launches without any extension (a baseline for measurements); `executablePath` replaces the
 *   Chromium binary (tests/support/policy-launch.mjs wraps it to give the browser a machine policy).
 * @returns {Promise<import('@playwright/test').BrowserContext>}
 */
export async function launchWithExtension(options = {}) {
  const extensionDir = options.extensionDir === undefined ? CHROME_BUILD_DIR : options.extensionDir;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'attune-profile-')));
  const extensionArgs = extensionDir === null ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? chromiumPath(),
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    args: [
      ...extensionArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
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
