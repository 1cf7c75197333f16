/** The panel frame's side of the open-panel shortcut: open and take focus when the background names this frame's tab. */
import { browser, type Runtime } from './browser';
import { panelFocusMessage } from './messages';

/** Calls `onFocusRequest` when the background asks the panel in this tab to open. Returns the unsubscribe function. */
export function listenForPanelFocus(onFocusRequest: () => void): () => void {
  const ownTab = browser.tabs.getCurrent().then((tab) => tab?.id);
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    const parsed = panelFocusMessage.safeParse(message);
    // Only Attune's background sends this: our own id, and no tab (a page or content script would have one).
    if (!parsed.success || sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    void ownTab.then((tabId) => {
      if (tabId === parsed.data.tabId) onFocusRequest();
    });
    // No reply: other listeners (the background's router) answer their own messages.
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
