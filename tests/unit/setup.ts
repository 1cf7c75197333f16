/**
 * Runs before every unit-test file. Extension-origin code imports Mozilla's polyfill (utils/browser.ts) while the
 * content script uses `wxt/browser`; both must be the one fake browser the tests drive, or a value written through one
 * would be invisible to the other. IndexedDB is fake-indexeddb, replaced by an empty database before each test.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeAttuneDb } from '../../utils/db/open';

vi.mock('webextension-polyfill', async () => ({
  default: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no idle API: the background's wiring is inert here; lockOnIdleState is tested directly.
  vi.spyOn(fakeBrowser.idle.onStateChanged, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.idle, 'setDetectionInterval').mockImplementation(() => undefined);
  // Drop the cached connection first: it belongs to the previous test's database.
  closeAttuneDb();
  globalThis.indexedDB = new IDBFactory();
});
