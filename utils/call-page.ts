/**
 * Runs in the content script on a platform's pages: shows the panel frame on meeting pages (including after
 * single-page navigation) and sizes it when the panel opens or collapses. It holds no clinical data and never touches
 * web storage (from here it would belong to the call site); the one thing it reads is the panel's open/collapsed
 * preference in extension storage.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from './i18n';
import { mountPanelFrame, type PanelFrame } from './panel-frame';
import { isExpanded, PANEL_EXPANDED_KEY } from './panel-layout';
import { meetingPlatformFor } from './platforms';

export function watchCallPage(ctx: ContentScriptContext): void {
  let frame: PanelFrame | undefined;
  let expanded = false;

  // WXT reports in-app navigation before `location` changes, so the new URL comes from the event.
  const sync = (url: URL) => {
    const platform = meetingPlatformFor(url);
    if (platform !== undefined && frame === undefined) {
      const src = browser.runtime.getURL('/panel.html');
      const query = new URLSearchParams({ platform: platform.id, host: url.hostname });
      frame = mountPanelFrame(document, `${src}?${query.toString()}`, t('panelFrameTitle'));
      frame.setExpanded(expanded);
    } else if (platform === undefined && frame !== undefined) {
      frame.remove();
      frame = undefined;
    }
  };

  const applyLayout = (stored: Record<string, unknown>) => {
    expanded = isExpanded(stored);
    frame?.setExpanded(expanded);
  };
  const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[PANEL_EXPANDED_KEY];
    if (area === 'local' && change !== undefined) applyLayout({ [PANEL_EXPANDED_KEY]: change.newValue });
  };

  // The frame is mounted once the open/collapsed preference is known, so it appears at its final size: resizing it
  // just after mounting would move it on the page (a layout shift the call page never asked for).
  void browser.storage.local
    .get(PANEL_EXPANDED_KEY)
    .then(isExpanded, () => false)
    .then((open) => {
      if (ctx.isInvalid) return;
      expanded = open;
      sync(new URL(location.href));
      ctx.addEventListener(window, 'wxt:locationchange', (event) => sync(event.newUrl));
    });
  browser.storage.onChanged.addListener(onStorageChanged);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorageChanged);
    frame?.remove();
  });
}
