import { browser } from 'wxt/browser';
import type { Wording } from './instrument';

/**
 * The text of an instrument's wording: Attune's translation for a shipped instrument's key, the practice's own text for
 * a loaded one. A key without a translation shows the key itself, which the i18n test makes impossible to ship.
 */
export function wordingText(wording: Wording): string {
  if ('text' in wording) return wording.text;
  // The key is checked against messages.json by the instrument tests; the browser API takes any message name.
  return browser.i18n.getMessage(wording.key as Parameters<typeof browser.i18n.getMessage>[0]) || wording.key;
}
