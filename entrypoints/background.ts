import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Runtime } from '../utils/browser';
import { endVisitInClosedTab, handleBackgroundMessage } from '../utils/background-router';
import { handlePanelCommand } from '../utils/panel-command';

export default defineBackground(() => {
  // Registered synchronously so events that wake a stopped service worker are delivered.
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleBackgroundMessage(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => {
    void endVisitInClosedTab(tabId, Date.now()).catch((error: unknown) => {
      console.error('Attune could not record the end of a visit whose tab closed.', error);
    });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    void handlePanelCommand(command, tab).catch((error: unknown) => console.error('Attune could not open its panel.', error));
  });
});
