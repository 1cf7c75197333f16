import { describe, expect, it } from 'vitest';
import { browser as wxtBrowser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser as polyfillBrowser } from '../../utils/browser';

// Every other unit test relies on one fake browser behind both imports; if this breaks, they test nothing real.
describe('test harness', () => {
  it('gives the polyfill and wxt/browser the same fake browser', () => {
    expect(polyfillBrowser).toBe(fakeBrowser);
    expect(wxtBrowser).toBe(fakeBrowser);
  });

  it('starts every test with empty extension storage', async () => {
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    await fakeBrowser.storage.session.set({ leftover: 1 });
  });

  it('does not carry storage over from the previous test', async () => {
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
