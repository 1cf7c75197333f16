import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bindVisitToTab, boundTabs, forgetLastSessionTabs, releaseTab, visitInTab } from '../../utils/tab-visits';

const VISIT_A = '7b0c54f4-5d0e-4c53-9a43-1f0f3c8d2a11';
const VISIT_B = '0d5b5a0e-2f3c-4f57-8b61-6d3a9b2c4e22';
const VISIT_C = 'a9e4f3c2-1b0d-4e5f-9a8b-7c6d5e4f3a33';

describe('which visit is in which tab', () => {
  it('keeps both bindings when two tabs start visits at the same moment', async () => {
    await Promise.all([bindVisitToTab(1, VISIT_A), bindVisitToTab(2, VISIT_B)]);
    expect(await visitInTab(1)).toBe(VISIT_A);
    expect(await visitInTab(2)).toBe(VISIT_B);
  });

  it('releases one tab while another binds, without undoing either', async () => {
    await bindVisitToTab(1, VISIT_A);
    await Promise.all([releaseTab(1), bindVisitToTab(3, VISIT_C)]);
    expect(await visitInTab(1)).toBeUndefined();
    expect(await visitInTab(3)).toBe(VISIT_C);
  });

  it('a tab with no visit reads as none', async () => {
    expect(await visitInTab(42)).toBeUndefined();
  });
});

describe('the tab links across a reload and a new browser session', () => {
  it('survive the extension being reloaded or updated, which empties session storage', async () => {
    await bindVisitToTab(7, VISIT_A);
    await fakeBrowser.storage.session.clear();
    expect(await visitInTab(7)).toBe(VISIT_A);
  });

  it('are forgotten when the browser starts, since tab ids are reused; other stored values stay', async () => {
    await bindVisitToTab(7, VISIT_A);
    await bindVisitToTab(8, VISIT_B);
    await fakeBrowser.storage.local.set({ 'panel.expanded': true });
    await forgetLastSessionTabs();
    expect(await boundTabs()).toEqual([]);
    expect(await fakeBrowser.storage.local.get('panel.expanded')).toEqual({ 'panel.expanded': true });
  });
});
