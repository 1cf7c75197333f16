import { AgendaTemplatesList } from '../../components/options/AgendaTemplatesList';
import { CueSettingsForm } from '../../components/CueSettingsForm';
import { CustomHostsEditor } from '../../components/CustomHostsEditor';
import { useAgendaTemplates } from '../../components/hooks/useAgendaTemplates';
import { useCustomHosts } from '../../components/hooks/useCustomHosts';
import { useInstruments } from '../../components/hooks/useInstruments';
import { failureText, useOptionsSettings } from '../../components/hooks/useOptionsSettings';
import { usePracticeHosts } from '../../components/hooks/usePracticeHosts';
import { InstrumentSettings } from '../../components/options/InstrumentSettings';
import { PlatformSettings } from '../../components/options/PlatformSettings';
import { PracticeHostsList } from '../../components/options/PracticeHostsList';
import { Notice } from '../../components/Notice';
import { PresenceSettings } from '../../components/PresenceSettings';
import { browser } from '../../utils/browser';
import { t } from '../../utils/i18n';
import { platforms } from '../../utils/platforms';
import { allowedHostPattern } from '../../utils/settings';

export function App() {
  const { loaded, message, setMessage, save } = useOptionsSettings();
  const customHosts = useCustomHosts();
  const practiceHosts = usePracticeHosts(loaded?.practiceHosts ?? []);
  const instruments = useInstruments();
  const templates = useAgendaTemplates();

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
  // The practice's hosts are listed (and allowed) in their own section; the clinician's list shows only their own.
  const ownHosts = customHosts.hosts?.filter((host) => !loaded.practiceHosts.includes(host));

  return (
    <main class="options stack">
      <h1>{t('optionsPageTitle')}</h1>
      {policyProblems.map((problem) => (
        <Notice key={problem} tone="error">
          {t('policyValueIgnored', [problem.slice(0, problem.indexOf(': ')), problem.slice(problem.indexOf(': ') + 2)])}
        </Notice>
      ))}
      <section class="stack" aria-labelledby="visit-defaults-heading">
        <h2 id="visit-defaults-heading">{t('visitDefaultsHeading')}</h2>
        <CueSettingsForm open settings={settings} locked={lockedKeys} onChange={(changes) => void save(changes)} />
      </section>
      <PlatformSettings
        platforms={platforms}
        disabled={settings['platforms.disabled']}
        locked={lockedKeys.includes('platforms.disabled')}
        onChange={(disabled) => void save({ 'platforms.disabled': disabled })}
      />
      <PracticeHostsList {...practiceHosts} />
      <CustomHostsEditor {...customHosts} hosts={ownHosts} />
      <InstrumentSettings
        {...instruments}
        chosen={settings['checkIn.instrument']}
        locked={lockedKeys.includes('checkIn.instrument')}
        practiceInstrument={loaded.practiceInstrument}
        onChoose={(key) => void save({ 'checkIn.instrument': key })}
      />
      <AgendaTemplatesList {...templates} />
      <PresenceSettings
        settings={settings}
        locked={lockedKeys}
        onChange={(key, value) => void save({ [key]: value })}
        onNotifyChange={(on) =>
          on
            ? askThenSave(
                browser.permissions.request({ permissions: ['notifications'] }),
                () => save({ 'presence.notifyWhenAway': true }),
                t('presenceNotifyDenied'),
              )
            : void save({ 'presence.notifyWhenAway': false })
        }
        onAddHost={(host) =>
          askThenSave(
            browser.permissions.request({ origins: [allowedHostPattern(host)] }),
            () => save({ 'presence.allowedHosts': hosts.includes(host) ? hosts : [...hosts, host] }),
            t('presenceHostDenied', host),
          )
        }
        onRemoveHost={(host) => {
          void save({ 'presence.allowedHosts': hosts.filter((listed) => listed !== host) });
          // A host the extension needs anyway (a platform's) keeps its permission; the browser refuses to remove it.
          browser.permissions.remove({ origins: [allowedHostPattern(host)] }).catch((failure: unknown) => {
            console.warn(`Attune kept its permission for ${host}.`, failure);
          });
        }}
      />
      {message !== undefined && <Notice tone={message.tone}>{message.text}</Notice>}
    </main>
  );
}
