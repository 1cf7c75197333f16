import { useEffect, useRef, useState } from 'preact/hooks';
import { CustomHostsEditor } from '../../components/CustomHostsEditor';
import { useCustomHosts } from '../../components/hooks/useCustomHosts';
import { LockSettings } from '../../components/lock/LockSettings';
import { Notice } from '../../components/Notice';
import { PresenceSettings } from '../../components/PresenceSettings';
import { BackupSection } from '../../components/review/BackupSection';
import { RetentionSetting } from '../../components/review/RetentionSetting';
import { browser } from '../../utils/browser';
import { t } from '../../utils/i18n';
import {
  allowedHostPattern,
  onSettingsChangedWithProblems,
  readSettingsWithProblems,
  writeSetting,
  type SettingKey,
  type Settings,
  type SettingsWithProblems,
} from '../../utils/settings';

type Message = { tone: 'info' | 'error'; text: string };
const failureText = (failure: unknown) => t('genericError', failure instanceof Error ? failure.message : String(failure));

export function App() {
  const [loaded, setLoaded] = useState<SettingsWithProblems>();
  const [message, setMessage] = useState<Message>();
  const customHosts = useCustomHosts();
  // While a change of the clinician's is being saved, a reload that began before it would show the old value again.
  const saving = useRef(0);

  useEffect(() => {
    readSettingsWithProblems().then(setLoaded, (failure: unknown) => setMessage({ tone: 'error', text: failureText(failure) }));
    return onSettingsChangedWithProblems((next) => {
      if (saving.current === 0) setLoaded(next);
    });
  }, []);

  function save<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
    saving.current += 1;
    return writeSetting(key, value)
      .then(
        () => setMessage({ tone: 'info', text: t('settingsSaved') }),
        (failure: unknown) => setMessage({ tone: 'error', text: failureText(failure) }),
      )
      .finally(() => {
        saving.current -= 1;
        return readSettingsWithProblems().then(setLoaded, () => undefined);
      });
  }

  // Browsers grant a permission only while handling the click, so each request is made before anything is awaited.
  const askThenSave = (request: Promise<boolean>, onGranted: () => Promise<void>, denied: string) =>
    void request.then(
      (granted) => (granted ? onGranted() : setMessage({ tone: 'error', text: denied })),
      (failure: unknown) => setMessage({ tone: 'error', text: failureText(failure) }),
    );

  if (loaded === undefined) {
    return (
      <main class="options">
        {message === undefined ? <p>{t('loading')}</p> : <Notice tone={message.tone}>{message.text}</Notice>}
      </main>
    );
  }
  const { settings, policyProblems, lockedKeys } = loaded;
  const hosts = settings['presence.allowedHosts'];

  return (
    <main class="options stack">
      <h1>{t('optionsPageTitle')}</h1>
      {policyProblems.map((problem) => (
        <Notice key={problem} tone="error">
          {t('policyValueIgnored', [problem.slice(0, problem.indexOf(': ')), problem.slice(problem.indexOf(': ') + 2)])}
        </Notice>
      ))}
      <CustomHostsEditor {...customHosts} />
      <PresenceSettings
        settings={settings}
        locked={lockedKeys}
        onChange={(key, value) => void save(key, value)}
        onNotifyChange={(on) =>
          on
            ? askThenSave(
                browser.permissions.request({ permissions: ['notifications'] }),
                () => save('presence.notifyWhenAway', true),
                t('presenceNotifyDenied'),
              )
            : void save('presence.notifyWhenAway', false)
        }
        onAddHost={(host) =>
          askThenSave(
            browser.permissions.request({ origins: [allowedHostPattern(host)] }),
            () => save('presence.allowedHosts', hosts.includes(host) ? hosts : [...hosts, host]),
            t('presenceHostDenied', host),
          )
        }
        onRemoveHost={(host) => {
          void save('presence.allowedHosts', hosts.filter((listed) => listed !== host));
          // A host the extension needs anyway (a platform's) keeps its permission; the browser refuses to remove it.
          browser.permissions.remove({ origins: [allowedHostPattern(host)] }).catch((failure: unknown) => {
            console.warn(`Attune kept its permission for ${host}.`, failure);
          });
        }}
      />
      <RetentionSetting
        visitDays={settings['retention.visitDays']}
        locked={lockedKeys.includes('retention.visitDays')}
        onSave={(days) => void save('retention.visitDays', days)}
      />
      <BackupSection />
      <LockSettings required={settings['lock.required']} />
      {message !== undefined && <Notice tone={message.tone}>{message.text}</Notice>}
    </main>
  );
}
