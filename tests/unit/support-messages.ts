/**
 * The fake browser does not implement `i18n.getMessage`; this answers from Attune's English messages.json the way
 * browsers do (`$1`…`$9` filled from the substitutions), for tests that check text a clinician reads.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const english: Record<string, { message: string }> = JSON.parse(
  readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
);

export function useEnglishMessages(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) => {
    const values = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
    return (english[key]?.message ?? '').replace(/\$([1-9])/g, (_match, index: string) => values[Number(index) - 1] ?? '');
  });
}
