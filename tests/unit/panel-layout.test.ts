import { describe, expect, it } from 'vitest';
import { browser as wxtBrowser } from 'wxt/browser';
import { isExpanded, PANEL_EXPANDED_KEY, PANEL_FRAME_TITLE_KEY, storedFrameTitle } from '../../utils/panel-layout';
import { rememberedExpanded, rememberFrameTitle, setPanelExpanded } from '../../utils/panel-link';

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

describe('panel frame title kept for the content script', () => {
  it.each([
    [{}, undefined],
    [{ [PANEL_FRAME_TITLE_KEY]: 'Panel de Attune' }, 'Panel de Attune'],
    [{ [PANEL_FRAME_TITLE_KEY]: '  ' }, undefined],
    [{ [PANEL_FRAME_TITLE_KEY]: 42 }, undefined],
    [{ [PANEL_FRAME_TITLE_KEY]: 'x'.repeat(81) }, undefined],
  ])('storedFrameTitle(%j) is %s', (stored, expected) => {
    expect(storedFrameTitle(stored)).toBe(expected);
  });

  it('is what the panel last showed, read where the content script reads it, and rewritten when the language changes', async () => {
    await rememberFrameTitle('Attune panel');
    expect(storedFrameTitle(await wxtBrowser.storage.local.get(PANEL_FRAME_TITLE_KEY))).toBe('Attune panel');
    await rememberFrameTitle('Panel de Attune');
    expect(storedFrameTitle(await wxtBrowser.storage.local.get(PANEL_FRAME_TITLE_KEY))).toBe('Panel de Attune');
  });
});
