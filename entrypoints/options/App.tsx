import { AgendaTemplatesList } from '../../components/options/AgendaTemplatesList';
import { CueSettingsForm } from '../../components/CueSettingsForm';
import { CustomHostsEditor } from '../../components/CustomHostsEditor';
import { useAgendaTemplates } from '../../components/hooks/useAgendaTemplates';
import { useCustomHosts } from '../../components/hooks/useCustomHosts';
import { useInstruments } from '../../components/hooks/useInstruments';
import { useOptionsSettings } from '../../components/hooks/useOptionsSettings';
import { usePresenceHandlers } from '../../components/hooks/usePresenceHandlers';
import { usePracticeHosts } from '../../components/hooks/usePracticeHosts';
import { InstrumentSettings } from '../../components/options/InstrumentSettings';
import { PlatformSettings } from '../../components/options/PlatformSettings';
import { PracticeHostsList } from '../../components/options/PracticeHostsList';
import { AutoLockSettings } from '../../components/lock/AutoLockSettings';
import { AutoLockWarning } from '../../components/lock/AutoLockWarning';
import { LockSettings } from '../../components/lock/LockSettings';
import { Notice } from '../../components/Notice';
import { PresenceSettings } from '../../components/PresenceSettings';
import { BackupSection } from '../../components/review/BackupSection';
import { RetentionSetting } from '../../components/review/RetentionSetting';
import { t } from '../../utils/i18n';
import { platforms } from '../../utils/platforms';
import { defaultSettings } from '../../utils/settings';

export function App() {
  const { loaded, message, setMessage, save } = useOptionsSettings();
  const customHosts = useCustomHosts();
  const practiceHosts = usePracticeHosts(loaded?.practiceHosts ?? []);
  const instruments = useInstruments();
  const templates = useAgendaTemplates();
  const presence = usePresenceHandlers(loaded?.settings ?? defaultSettings(), save, setMessage);

  if (loaded === undefined) {
    return (
      <main class="options">
        {message === undefined ? <p>{t('loading')}</p> : <Notice tone={message.tone}>{message.text}</Notice>}
      </main>
    );
  }
  const { settings, policyProblems, lockedKeys } = loaded;
  // The practice's hosts are listed (and allowed) in their own section; the clinician's list shows only their own.
  const ownHosts = customHosts.hosts?.filter((host) => !loaded.practiceHosts.includes(host));

  return (
    <main class="options stack">
      <h1>{t('optionsPageTitle')}</h1>
      <AutoLockWarning />
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
      <PresenceSettings settings={settings} locked={lockedKeys} {...presence} />
      <RetentionSetting
        visitDays={settings['retention.visitDays']}
        locked={lockedKeys.includes('retention.visitDays')}
        onSave={(days) => void save({ 'retention.visitDays': days })}
      />
      <BackupSection />
      <LockSettings required={settings['lock.required']} />
      <AutoLockSettings settings={settings} locked={lockedKeys} onChange={(changes) => void save(changes)} />
      {message !== undefined && <Notice tone={message.tone}>{message.text}</Notice>}
    </main>
  );
}
