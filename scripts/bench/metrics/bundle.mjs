// Content-script size: everything Attune injects into every call page, raw and as gzip would ship it over the wire.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD_DIR } from '../../../tests/support/launch.mjs';

/** @type {import('./result.mjs').MetricGroup} */
export const bundleGroup = {
  id: 'bundle',
  title: 'Content script size',
  metrics: [
    {
      id: 'contentScriptRaw',
      label: 'Content script size (raw)',
      unit: 'KB',
      stat: 'value',
      decimals: 2,
      help: 'All content-script files in the Chrome build.',
    },
    {
      id: 'contentScriptGzip',
      label: 'Content script size (gzip)',
      unit: 'KB',
      stat: 'value',
      budget: 6,
      decimals: 2,
      help: 'The same files, gzip level 9.',
    },
  ],
  async measure() {
    const manifest = JSON.parse(await readFile(join(CHROME_BUILD_DIR, 'manifest.json'), 'utf8'));
    /** @type {string[]} */
    const files = (manifest.content_scripts ?? []).flatMap((/** @type {{ js?: string[] }} */ script) => script.js ?? []);
    if (files.length === 0) throw new Error('The built manifest declares no content script.');
    const contents = await Promise.all(files.map((file) => readFile(join(CHROME_BUILD_DIR, file))));
    const raw = contents.reduce((sum, content) => sum + content.length, 0);
    const gzip = contents.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).length, 0);
    const detail = files.join(', ');
    return {
      contentScriptRaw: { value: raw / 1024, detail: `${raw} bytes: ${detail}` },
      contentScriptGzip: { value: gzip / 1024, detail: `${gzip} bytes` },
    };
  },
};
