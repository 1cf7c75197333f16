// `npm run screenshots` makes the store listings' images: each a PNG of exactly 1280×800, as the stores require.
import { readFileSync } from 'node:fs';
import { SCREENSHOT_SIZE, takeStoreScreenshots } from '../../scripts/screenshots.mjs';
import { expect, test } from './support/test';

/** A PNG's width and height, from its IHDR chunk (bytes 16–23), after checking the PNG signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the screenshot script writes the listing images as 1280×800 PNGs', async ({}, testInfo) => {
  test.setTimeout(90_000);
  const files = await takeStoreScreenshots(testInfo.outputPath('screenshots'));
  expect(files.map((file) => file.slice(file.lastIndexOf('/') + 1))).toEqual([
    '01-visit-panel-agenda.png',
    '02-visit-panel-notes.png',
    '03-settings.png',
  ]);
  for (const file of files) expect(pngSize(file)).toEqual(SCREENSHOT_SIZE);
});
