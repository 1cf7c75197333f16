/**
 * Runs in the content script on a platform's pages: shows the panel frame on meeting pages (including after
 * single-page navigation), sizes it when the panel opens or collapses and moves the handle where the clinician put it.
 * It holds no clinical data and never touches web storage (from here it would belong to the call site); the only things
 * it reads are those two layout preferences in extension storage.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from './i18n';
import { mountPanelFrame, type PanelFrame } from './panel-frame';
import { handleOffset, isExpanded, PANEL_EXPANDED_KEY, PANEL_HANDLE_OFFSET_KEY } from './panel-layout';
import { meetingPlatformFor } from './platforms';

export function watchCallPage(ctx: ContentScriptContext): void {
  let frame: PanelFrame | undefined;
  let layout: Record<string, unknown> = {};

  // WXT reports in-app navigation before `location` changes, so the new URL comes from the event.
  const sync = (url: URL) => {
    const platform = meetingPlatformFor(url);
    if (platform !== undefined && frame === undefined) {
      const src = browser.runtime.getURL('/panel.html');
      const query = new URLSearchParams({ platform: platform.id, host: url.hostname });
      frame = mountPanelFrame(document, `${src}?${query.toString()}`, t('panelFrameTitle'));
      applyLayout({});
    } else if (platform === undefined && frame !== undefined) {
      frame.remove();
      frame = undefined;
    }
  };

  const applyLayout = (stored: Record<string, unknown>) => {
    layout = { ...layout, ...stored };
    frame?.setHandleOffset(handleOffset(layout));
    frame?.setExpanded(isExpanded(layout));
  };
  const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const changed: Record<string, unknown> = {};
    for (const key of [PANEL_EXPANDED_KEY, PANEL_HANDLE_OFFSET_KEY]) if (key in changes) changed[key] = changes[key]?.newValue;
    if (Object.keys(changed).length > 0) applyLayout(changed);
  };

  sync(new URL(location.href));
  ctx.addEventListener(window, 'wxt:locationchange', (event) => sync(event.newUrl));
  void browser.storage.local.get([PANEL_EXPANDED_KEY, PANEL_HANDLE_OFFSET_KEY]).then(applyLayout);
  browser.storage.onChanged.addListener(onStorageChanged);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorageChanged);
    frame?.remove();
  });
}
