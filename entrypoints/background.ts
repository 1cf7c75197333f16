import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Runtime } from '../utils/browser';
import { endVisitInClosedTab, handleBackgroundMessage } from '../utils/background-router';
import { registerPresenceListeners } from '../utils/presence/tracker';
import { finishGracePeriods, GRACE_ALARM } from '../utils/call-tracker';
import { syncCustomHostScripts } from '../utils/custom-hosts';
import { handlePanelCommand } from '../utils/panel-command';
import { registerRetentionListeners } from '../utils/retention';
import { keepSessionFromContentScripts } from '../utils/lock/session-access';
import { registerAutoLock } from '../utils/lock/auto-lock';
import { registerConversionResume } from '../utils/lock/resume';
import { reinjectCallScripts } from '../utils/reinject';
import { forgetLastSessionTabs } from '../utils/tab-visits';
import { keepPolicyCopy } from '../utils/policy-copy';
import { POLICY_KEYS } from '../utils/settings';
import { applyWaitingUpdate, registerUpdateDeferral } from '../utils/update-deferral';

export default defineBackground(() => {
  // First: the practice's policy copied for Attune's pages, whose own first read of it can take seconds.
  keepPolicyCopy(POLICY_KEYS);
  // Registered synchronously so events that wake a stopped service worker are delivered.
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handleBackgroundMessage(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => {
    void endVisitInClosedTab(tabId, Date.now())
      .catch((error: unknown) => console.error('Attune could not record the end of a visit whose tab closed.', error))
      // With the visit's end recorded, an update held back for it may go ahead (utils/update-deferral.ts).
      .then(applyWaitingUpdate);
  });
  registerPresenceListeners();
  // A grace period that ran out while the service worker was stopped ends when the alarm wakes it.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === GRACE_ALARM) void finishGracePeriods();
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    const synced = syncCustomHostScripts().catch((error: unknown) => {
      console.error('Attune could not restore the scripts for your practice’s video-visit sites.', error);
    });
    // Installed, updated or reloaded mid-visit: open call tabs get the panel back (utils/reinject.ts).
    if (reason === 'install' || reason === 'update') {
      void synced.then(reinjectCallScripts).catch((error: unknown) => console.error('Attune could not return to open call tabs.', error));
    }
  });
  browser.runtime.onStartup.addListener(() => {
    void forgetLastSessionTabs().catch((error: unknown) => console.error('Attune could not clear last session’s tabs.', error));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    void handlePanelCommand(command, tab).catch((error: unknown) => console.error('Attune could not open its panel.', error));
  });
  registerRetentionListeners();
  keepSessionFromContentScripts();
  registerAutoLock();
  registerConversionResume();
  // A new version waits until no visit is in progress and no panel is open (utils/update-deferral.ts).
  registerUpdateDeferral();
});
