import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

/** Every key in Attune's English messages; the i18n test checks every other shipped language has the same keys. */
export type MessageKey = keyof typeof english;

/** A user-visible string in the browser's language. Substitutions fill `$1`…`$9` placeholders declared in messages.json. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/** Dates and times in the browser's own locale and conventions. */
export function formatDateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

export function formatTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(epochMs);
}

/** The browser's UI language, for the `lang` attribute of Attune's pages. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** A short duration for people: "48 s", "2 min 5 s". Whole seconds, rounded down. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const number = new Intl.NumberFormat();
  if (seconds < 60) return t('durationSeconds', number.format(seconds));
  return t('durationMinutesSeconds', [number.format(Math.floor(seconds / 60)), number.format(seconds % 60)]);
}

/** A date alone, in the browser's locale. */
export function formatDate(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(epochMs);
}
