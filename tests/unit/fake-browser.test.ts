import { describe, expect, it } from 'vitest';
import { browser as wxtBrowser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser as polyfillBrowser } from '../../utils/browser';
import { isExpanded, PANEL_EXPANDED_KEY } from '../../utils/panel-layout';
import { rememberedExpanded, setPanelExpanded } from '../../utils/panel-link';

// The unit tests rely on one fake browser behind both imports; if this breaks, every other test lies.
describe('test harness', () => {
  it('gives the polyfill and wxt/browser the same fake browser', () => {
    expect(polyfillBrowser).toBe(fakeBrowser);
    expect(wxtBrowser).toBe(fakeBrowser);
  });

  it('starts every test with empty extension storage', async () => {
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('panel open/collapsed preference', () => {
  it.each([
    [{}, false],
    [{ [PANEL_EXPANDED_KEY]: true }, true],
    [{ [PANEL_EXPANDED_KEY]: false }, false],
    [{ [PANEL_EXPANDED_KEY]: 'true' }, false],
    [{ [PANEL_EXPANDED_KEY]: 1 }, false],
  ])('isExpanded(%j) is %s', (stored, expected) => {
    expect(isExpanded(stored)).toBe(expected);
  });

  it('is collapsed by default and remembered once set, where the content script reads it', async () => {
    expect(await rememberedExpanded()).toBe(false);
    await setPanelExpanded(true);
    expect(await rememberedExpanded()).toBe(true);
    // The content script reads the same key through wxt/browser.
    expect(isExpanded(await wxtBrowser.storage.local.get(PANEL_EXPANDED_KEY))).toBe(true);
    await setPanelExpanded(false);
    expect(await rememberedExpanded()).toBe(false);
  });
});
