/**
 * Read, change, write back, when the write needs WebCrypto (the lock seals it): an IndexedDB transaction closes while
 * anything else is awaited, so the record is read and sealed first, and the write transaction checks that the stored row
 * is still the one read. If another page wrote in between, the change is made again on top of that write.
 */

/** How often a change is retried on top of another page's write before giving up with an error. */
export const UNCHANGED_ATTEMPTS = 5;

/** Whether two stored rows are the same (a sealed value is re-drawn with a fresh IV on every write, so any write differs). */
export function sameStoredRow(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class ConcurrentChangeError extends Error {
  override name = 'ConcurrentChangeError';
  constructor(what: string) {
    super(`The ${what} was not saved: it kept changing in another Attune window. Try again.`);
  }
}
