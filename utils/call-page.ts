/**
 * Runs in the content script on a platform's pages (and on the custom hosts a clinician added): reports what the call
 * page shows to the background once a second (utils/call-signals.ts; sent only when it changes), and shows the panel
 * frame on meeting pages, once a call is seen on any other page of the host (Teams runs calls inside its app), or when
 * the clinician asks for it from the toolbar or shortcut. It holds no clinical data, never touches web storage (from
 * here it would belong to the call site) and receives no messages; the only things it reads from extension storage
 * are two layout preferences (whether the panel is open, where the clinician put the handle), the frame's title, and
 * whether the clinician or the practice turned Attune off on this platform: then it does nothing at all on this page.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readCallSignals } from './call-signals';
import { t } from './i18n';
import type { CallSignals, ToBackgroundMessage } from './messages';
import { mountPanelFrame, type PanelFrame } from './panel-frame';
import { guardPanelHost, mountedHost, showTamperNotice, type PanelGuard } from './panel-guard';
import {
  handleOffset,
  isExpanded,
  OPENS_EXPANDED_PARAM,
  PANEL_EXPANDED_KEY,
  PANEL_FRAME_TITLE_KEY,
  PANEL_HANDLE_OFFSET_KEY,
  SHOW_PANEL_GLOBAL,
  storedFrameTitle,
  WATCHER_ALIVE_GLOBAL,
} from './panel-layout';
import { isPlatformOff, LAST_POLICY_KEY, lastPolicy, PLATFORMS_DISABLED_KEY } from './platform-switch';
import { CUSTOM_PLATFORM_ID, platformForHost } from './platforms';

const CHECK_EVERY_MS = 1000;

export function watchCallPage(ctx: ContentScriptContext): void {
  const platform = platformForHost(location.hostname);
  let frame: PanelFrame | undefined;
  // The page tampered with the panel's host again and again: it stays closed on this page (utils/panel-guard.ts).
  let guard: PanelGuard | undefined;
  let closedForTampering = false;
  let layout: Record<string, unknown> = {};
  // Sticky for this page: once a call was seen or the clinician asked, the panel stays (e.g. for the end-of-visit view).
  let callSeen = false;
  let summoned = false;
  let lastReport = '';
  // Attune is off on this platform (the clinician's or the practice's choice): nothing is watched or shown.
  let off = false;
  let started = false;

  const report = (signals: CallSignals) => {
    const key = JSON.stringify(signals);
    if (key === lastReport) return;
    lastReport = key;
    const message: ToBackgroundMessage = { type: 'call.signals', signals };
    // A refusal or a stopped extension must not break the call page; the next change reports again.
    browser.runtime.sendMessage(message).catch(() => (lastReport = ''));
  };

  const closeForTampering = () => {
    closedForTampering = true;
    frame?.remove();
    frame = guard = undefined;
    showTamperNotice(document, t('panelClosedTampering'), t('panelClosedTamperingDismiss'));
  };

  const place = (show: boolean) => {
    if (show && frame === undefined && !closedForTampering) {
      const query = new URLSearchParams({
        platform: platform?.id ?? CUSTOM_PLATFORM_ID,
        host: location.hostname,
        [OPENS_EXPANDED_PARAM]: isExpanded(layout) ? '1' : '0',
      });
      // Only until a panel has stored its title once (the first call page after installing, or a new UI language).
      const title = storedFrameTitle(layout) ?? t('panelFrameTitle');
      frame = mountPanelFrame(document, `${browser.runtime.getURL('/panel.html')}?${query.toString()}`, title);
      const host = mountedHost(document);
      guard = host && guardPanelHost(document, host, closeForTampering);
      applyLayout({});
    } else if (!show && frame !== undefined) {
      guard?.stop();
      guard = undefined;
      frame.remove();
      frame = undefined;
    }
  };

  // WXT reports in-app navigation before `location` changes, so the new URL comes from the event.
  const check = (url = new URL(location.href)) => {
    if (off) return;
    const signals = readCallSignals(document, url, platform);
    callSeen ||= signals.dom === 'call' || signals.media === 'remote';
    place(signals.meetingPage === true || callSeen || summoned);
    report(signals);
  };

  const applyLayout = (stored: Record<string, unknown>) => {
    layout = { ...layout, ...stored };
    frame?.setHandleOffset(handleOffset(layout));
    frame?.setExpanded(isExpanded(layout));
    guard?.accept();
  };
  const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const changed: Record<string, unknown> = {};
    for (const key of [PANEL_EXPANDED_KEY, PANEL_HANDLE_OFFSET_KEY]) if (key in changes) changed[key] = changes[key]?.newValue;
    if (Object.keys(changed).length > 0) applyLayout(changed);
  };

  const start = () => {
    if (started || !ctx.isValid) return;
    started = true;
    check();
    ctx.setInterval(() => check(), CHECK_EVERY_MS);
    ctx.addEventListener(window, 'wxt:locationchange', (event) => check(event.newUrl));
    ctx.addEventListener(window, 'pagehide', () => report({ meetingPage: null, dom: 'none', media: 'none', pageGone: true }));
  };

  // "Show Attune on this page" (utils/summon-panel.ts) calls this; it answers false where Attune is off. Not reachable
  // from the page: this global lives in the extension's isolated world.
  Object.defineProperty(globalThis, SHOW_PANEL_GLOBAL, {
    configurable: true,
    value: () => {
      if (off) return false;
      summoned = true;
      start();
      check();
      return true;
    },
  });

  Object.defineProperty(globalThis, WATCHER_ALIVE_GLOBAL, { configurable: true, value: () => ctx.isValid });

  // Watching starts once the layout preferences are known, so the frame appears at its final size and place:
  // resizing it just after mounting would move it on the page (a layout shift the call page never asked for).
  // Whether Attune is off here comes from the same read: the clinician's choice, and the practice's policy as the
  // background last read it, so this script never waits on (or pays for) a read of the policy store itself.
  void browser.storage.local
    .get([PANEL_EXPANDED_KEY, PANEL_HANDLE_OFFSET_KEY, PANEL_FRAME_TITLE_KEY, PLATFORMS_DISABLED_KEY, LAST_POLICY_KEY])
    .catch((): Record<string, unknown> => ({}))
    .then((stored) => {
      applyLayout(stored);
      off = platform !== undefined && isPlatformOff(platform.id, stored, lastPolicy(stored));
      if (!off) start();
    });
  browser.storage.onChanged.addListener(onStorageChanged);
  // After an update or reload the browser cuts this script off (WXT's context notices within a second, at the next
  // check) and runs the new version's beside it: the panel goes first. A cut-off script has no extension APIs left, so
  // touching one first would throw and leave the old panel on the page beside the new one.
  ctx.onInvalidated(() => {
    guard?.stop();
    frame?.remove();
    Reflect.deleteProperty(globalThis, SHOW_PANEL_GLOBAL);
    Reflect.deleteProperty(globalThis, WATCHER_ALIVE_GLOBAL);
    browser.storage?.onChanged.removeListener(onStorageChanged);
  });
}
