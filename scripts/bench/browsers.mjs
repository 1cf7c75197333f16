// The three browsers every figure compares: no extension, a no-op extension (the floor: the cost of having any
// content script at all) and Attune. All three are open for the whole run and measured in turn, so a busy machine
// weighs on them alike.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD_DIR, extensionIdOf, launchWithExtension } from '../../tests/support/launch.mjs';
import { routeFixtureSites } from '../../tests/support/fixture-routes.mjs';
import { installBenchProbe } from './probe.mjs';

/**
 * @typedef {'none' | 'floor' | 'attune'} BrowserName
 * @typedef {{ name: BrowserName, label: string, context: import('@playwright/test').BrowserContext,
 *   extensionId: string | null, userDataDir: string, extensionDir: string | null }} BenchBrowser
 */

export const BROWSER_LABELS = { none: 'no extension', floor: 'no-op extension', attune: 'Attune' };

/**
 * A minimal MV3 extension with Attune's content-script matches and an empty content script, in a fresh temp folder.
 * @param {string} attuneDir the built Attune, whose manifest gives the matches and run_at
 */
export async function makeNoopExtension(attuneDir = CHROME_BUILD_DIR) {
  const attune = JSON.parse(await readFile(join(attuneDir, 'manifest.json'), 'utf8'));
  const scripts = attune.content_scripts ?? [];
  if (scripts.length === 0) throw new Error(`${attuneDir}/manifest.json declares no content script to match.`);
  const dir = await mkdtemp(join(tmpdir(), 'attune-bench-noop-'));
  const manifest = {
    manifest_version: 3,
    name: 'No-op content script (bench floor)',
    version: '1.0.0',
    content_scripts: scripts.map((/** @type {{ matches: string[], run_at?: string }} */ script) => ({
      matches: script.matches,
      run_at: script.run_at ?? 'document_idle',
      js: ['content.js'],
    })),
    // The floor for the panel: the bench frames this page on the call page (an extension frame that draws one row).
    web_accessible_resources: [{ resources: ['page.html', 'page.js'], matches: scripts.flatMap((/** @type {{ matches: string[] }} */ script) => script.matches) }],
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(dir, 'content.js'), '// Intentionally empty: the cost of injecting any content script.\n');
  // The floor for the popup and the panel: an extension page that draws one list row from one module script, no more.
  await writeFile(
    join(dir, 'page.html'),
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Floor</title>' +
      '<script type="module" src="/page.js"></script></head><body><ul id="rows"></ul></body></html>\n',
  );
  await writeFile(
    join(dir, 'page.js'),
    "const row = document.createElement('li');\nrow.className = 'visit-row';\nrow.textContent = 'A visit';\n" +
      "document.getElementById('rows').append(row);\n",
  );
  return dir;
}

/**
 * The id Chromium gives an unpacked extension loaded from `dir` (without a key): the first 128 bits of the SHA-256 of
 * its absolute path, written with the letters a–p. The no-op extension has no service worker to ask for it.
 * @param {string} dir
 */
export async function unpackedExtensionId(dir) {
  const digest = createHash('sha256').update(await realpath(dir)).digest('hex').slice(0, 32);
  return [...digest].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/**
 * @param {{ name: BrowserName, extensionDir: string | null }} spec
 * @returns {Promise<BenchBrowser>}
 */
async function launch({ name, extensionDir }) {
  const userDataDir = await mkdtemp(join(tmpdir(), `attune-bench-${name}-`));
  const context = await launchWithExtension({ extensionDir, userDataDir });
  await routeFixtureSites(context);
  await context.addInitScript(installBenchProbe);
  // Attune's id comes from its service worker; the no-op extension has none, so its id comes from its folder.
  const extensionId =
    name === 'attune' ? await extensionIdOf(context) : name === 'floor' && extensionDir !== null ? await unpackedExtensionId(extensionDir) : null;
  return { name, label: BROWSER_LABELS[name], context, extensionId, userDataDir, extensionDir };
}

/** @returns {Promise<Record<BrowserName, BenchBrowser>>} */
export async function launchBenchBrowsers() {
  const floorDir = await makeNoopExtension();
  const [none, floor, attune] = await Promise.all([
    launch({ name: 'none', extensionDir: null }),
    launch({ name: 'floor', extensionDir: floorDir }),
    launch({ name: 'attune', extensionDir: CHROME_BUILD_DIR }),
  ]);
  for (const page of [none, floor, attune].flatMap((browser) => browser.context.pages())) await page.close();
  return { none, floor, attune };
}

/**
 * Closes the browsers and deletes their temporary profiles and the generated no-op extension.
 * @param {Record<BrowserName, BenchBrowser>} browsers
 */
export async function closeBenchBrowsers(browsers) {
  await Promise.all(Object.values(browsers).map((browser) => browser.context.close()));
  const temporary = [...Object.values(browsers).map((browser) => browser.userDataDir), browsers.floor.extensionDir ?? ''];
  await Promise.all(temporary.filter((dir) => dir.startsWith(tmpdir())).map((dir) => rm(dir, { recursive: true, force: true })));
}
