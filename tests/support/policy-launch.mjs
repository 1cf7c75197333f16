// Launches Chromium with the built extension AND a real machine policy for it, the way a practice's IT sets one on Linux
// (/etc/chromium/policies/managed/*.json with "3rdparty"). So that nothing outside the test sees the policy, Chromium runs
// in its own mount namespace where a temporary directory is mounted over /etc/chromium; the machine's files are untouched.
// Needs permission to create a mount namespace (root, as in the test container); policyLaunchSupported() says whether.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from './chromium.mjs';
import { CHROME_BUILD_DIR, launchWithExtension } from './launch.mjs';

const CHROMIUM_ETC = '/etc/chromium';

/** Chromium's id for an unpacked extension: the first 32 hex digits of SHA-256 of its absolute path, written a–p. */
export function unpackedExtensionId(path = CHROME_BUILD_DIR) {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

/** @returns {boolean} */
export function policyLaunchSupported() {
  try {
    execFileSync('unshare', ['--mount', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A Chromium to launch that reads `machinePolicy` as its machine policy (/etc/chromium/policies/managed/attune.json,
 * in its own mount namespace). `dispose()` removes the temporary directory; call it once the browser has closed.
 * @param {Record<string, unknown>} machinePolicy top-level Chromium policies, e.g. `{ ExtensionSettings: {…} }`
 * @returns {{ executablePath: string, dispose: () => void }}
 */
export function chromiumWithMachinePolicy(machinePolicy) {
  const root = mkdtempSync(join(tmpdir(), 'attune-policy-'));
  const etc = join(root, 'chromium');
  mkdirSync(join(etc, 'policies', 'managed'), { recursive: true });
  // Keep whatever else Debian's Chromium reads from /etc/chromium (master_preferences…).
  if (existsSync(CHROMIUM_ETC)) {
    for (const name of readdirSync(CHROMIUM_ETC, { withFileTypes: true })) {
      if (name.isFile()) copyFileSync(join(CHROMIUM_ETC, name.name), join(etc, name.name));
    }
  }
  writeFileSync(join(etc, 'policies', 'managed', 'attune.json'), JSON.stringify(machinePolicy, null, 2));
  const wrapper = join(root, 'chromium-with-policy.sh');
  writeFileSync(
    wrapper,
    [
      '#!/bin/sh',
      `exec unshare --mount sh -c 'mount --bind "$0" ${CHROMIUM_ETC} && exec "$@"' '${etc}' '${chromiumPath()}' "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(wrapper, 0o755);
  return { executablePath: wrapper, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * @param {{ policy: Record<string, unknown>, userDataDir: string }} options the extension's policy (its managed storage)
 * @returns {Promise<import('@playwright/test').BrowserContext>}
 */
export async function launchWithPolicy({ policy, userDataDir }) {
  const chromium = chromiumWithMachinePolicy({ '3rdparty': { extensions: { [unpackedExtensionId()]: policy } } });
  try {
    const context = await launchWithExtension({ userDataDir, executablePath: chromium.executablePath });
    context.once('close', chromium.dispose);
    return context;
  } catch (error) {
    chromium.dispose();
    throw error;
  }
}
