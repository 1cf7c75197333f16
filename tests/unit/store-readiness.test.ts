// What the stores check on upload, and what their review asks for, kept true as the code changes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMatchPatterns } from '../../utils/platforms';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const locales = readdirSync(join(root, 'public/_locales'));

/** A PNG's width and height, from its IHDR chunk, after checking the PNG signature. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(join(root, path));
  expect(bytes.subarray(0, 8).toString('hex'), path).toBe('89504e470d0a1a0a');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the package’s name and description fit every store, in every language', () => {
  it.each(locales)('%s', (locale) => {
    const messages = JSON.parse(read(`public/_locales/${locale}/messages.json`)) as Record<string, { message: string }>;
    // addons.mozilla.org allows 50 characters for a name; the Chrome Web Store rejects a description over 132.
    expect(messages.extName!.message.length).toBeLessThanOrEqual(50);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});

describe('icons and store images at the sizes each store needs', () => {
  it.each([16, 32, 48, 96, 128])('public/icon/%i.png is %i pixels square', (size) => {
    expect(pngSize(`public/icon/${size}.png`)).toEqual([size, size]);
  });
  it.each<[string, [number, number]]>([
    ['store/logo-300.png', [300, 300]],
    ['store/promo-440x280.png', [440, 280]],
  ])('%s', (path, size) => expect(pngSize(path)).toEqual(size));
});

describe('the documents a review asks for', () => {
  const permissions = read('PERMISSIONS.md');
  const config = read('wxt.config.ts');

  it('PERMISSIONS.md justifies every permission the manifest asks for, and every platform host', () => {
    const declared = /permissions: \[([^\]]*)\]/.exec(config)?.[1]?.match(/'[^']+'/g)?.map((quoted) => quoted.slice(1, -1)) ?? [];
    expect(declared).toEqual(['storage', 'unlimitedStorage', 'scripting', 'alarms', 'idle']);
    for (const permission of [...declared, 'notifications', 'https://*/*', ...allMatchPatterns()]) {
      expect(permissions, permission).toContain(`\`${permission}\``);
    }
  });

  it('PRIVACY.md says what is stored and where, that nothing is collected or sent, and how to export and delete', () => {
    const privacy = read('PRIVACY.md');
    for (const heading of ['## Nothing is collected or transmitted', '## What is stored, and where', '## Export and delete']) {
      expect(privacy).toContain(heading);
    }
    expect(privacy).toContain('the history page (opened from the popup) or the options page');
    expect(privacy).toContain('Uninstalling Attune');
  });

  it('the store listing has a long description in English and in Spanish, and a category', () => {
    const listing = read('store/listing.md');
    expect(listing).toMatch(/## English[\s\S]*\*\*Long description:\*\*/);
    expect(listing).toMatch(/## Español[\s\S]*\*\*Descripción larga:\*\*/);
    expect(listing).toContain('**Category:**');
  });

  it('the reviewers’ build instructions give the commands that make each store’s package', () => {
    const review = read('SOURCE_CODE_REVIEW.md');
    for (const command of ['npm ci', 'npx wxt zip -b firefox', 'npx wxt zip -b edge', 'npx wxt zip']) expect(review).toContain(command);
    const zip = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.zip;
    expect(zip).toBe('wxt zip && wxt zip -b edge && wxt zip -b firefox');
  });
});
