import { browser } from '../../utils/browser';
import { t } from '../../utils/i18n';
import { allowedHostPattern, type Settings } from '../../utils/settings';
import type { PresenceSettingsProps } from '../PresenceSettings';
import { failureText, type OptionsMessage } from './useOptionsSettings';

/**
 * The options page's presence-nudge handlers: the away notification and each expected site need the browser's
 * permission, asked for inside the clinician's click (browsers grant it only then), before anything is saved.
 */
export function usePresenceHandlers(
  settings: Settings,
  save: (changes: Partial<Settings>) => Promise<void>,
  setMessage: (message: OptionsMessage) => void,
): Pick<PresenceSettingsProps, 'onChange' | 'onNotifyChange' | 'onAddHost' | 'onRemoveHost'> {
  const hosts = settings['presence.allowedHosts'];
  const askThenSave = (request: Promise<boolean>, onGranted: () => Promise<void>, denied: string) =>
    void request.then(
      (granted) => (granted ? onGranted() : setMessage({ tone: 'error', text: denied })),
      (failure: unknown) => setMessage({ tone: 'error', text: failureText(failure) }),
    );
  return {
    onChange: (key, value) => void save({ [key]: value }),
    onNotifyChange: (on) =>
      on
        ? askThenSave(
            browser.permissions.request({ permissions: ['notifications'] }),
            () => save({ 'presence.notifyWhenAway': true }),
            t('presenceNotifyDenied'),
          )
        : void save({ 'presence.notifyWhenAway': false }),
    onAddHost: (host) =>
      askThenSave(
        browser.permissions.request({ origins: [allowedHostPattern(host)] }),
        () => save({ 'presence.allowedHosts': hosts.includes(host) ? hosts : [...hosts, host] }),
        t('presenceHostDenied', host),
      ),
    onRemoveHost: (host) => {
      void save({ 'presence.allowedHosts': hosts.filter((listed) => listed !== host) });
      // A host the extension needs anyway (a platform's) keeps its permission; the browser refuses to remove it.
      browser.permissions.remove({ origins: [allowedHostPattern(host)] }).catch((failure: unknown) => {
        console.warn(`Attune kept its permission for ${host}.`, failure);
      });
    },
  };
}
