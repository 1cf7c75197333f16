/** The panel frame's side of the open-panel shortcut: open and take focus when the background names this frame's tab. */
import { browser, type Runtime } from './browser';
import { panelFocusMessage } from './messages';

/** Calls `onFocusRequest` when the background asks the panel in this tab to open. Returns the unsubscribe function. */
export function listenForPanelFocus(onFocusRequest: () => void): () => void {
  let ownTabId: number | undefined;
  void browser.tabs.getCurrent().then((tab) => (ownTabId = tab?.id));
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    const parsed = panelFocusMessage.safeParse(message);
    // Only Attune's background sends this: our own id, and no tab (a page or content script would have one).
    if (!parsed.success || sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    // Only the frame of the named tab answers (true), so the background knows the request arrived; the others stay
    // silent, since the first answer wins and other listeners (the background's router) answer their own messages.
    if (ownTabId === undefined || ownTabId !== parsed.data.tabId) return undefined;
    onFocusRequest();
    return Promise.resolve(true);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
