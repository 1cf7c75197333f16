import { describe, expect, it } from 'vitest';
import { browser as wxtBrowser } from 'wxt/browser';
import { isExpanded, PANEL_EXPANDED_KEY } from '../../utils/panel-layout';
import { rememberedExpanded, setPanelExpanded } from '../../utils/panel-link';

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
