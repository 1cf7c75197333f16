import { useEffect, useState } from 'preact/hooks';
import { ClientPicker } from '../../components/ClientPicker';
import { CueSettingsForm } from '../../components/CueSettingsForm';
import { useAnnouncer } from '../../components/hooks/useAnnouncer';
import { useNow } from '../../components/hooks/useNow';
import { usePanelLayout } from '../../components/hooks/usePanelLayout';
import { useReminders } from '../../components/hooks/useReminders';
import { useSetAsideCount } from '../../components/hooks/useSetAsideNotice';
import { useSettings } from '../../components/hooks/useSettings';
import { useVisitSession } from '../../components/hooks/useVisitSession';
import { LiveAnnouncer } from '../../components/LiveAnnouncer';
import { Notice } from '../../components/Notice';
import { PanelHandle } from '../../components/PanelHandle';
import { reminderText } from '../../components/ReminderList';
import { VisitPanel } from '../../components/VisitPanel';
import { findOrCreateClient, listClients } from '../../utils/db/clients';
import { getNote } from '../../utils/db/notes';
import { endVisit, getVisit, startVisit, visitMinutes } from '../../utils/db/visits';
import { t } from '../../utils/i18n';
import type { Client, Visit } from '../../utils/models';
import { bindVisit, currentVisit, releaseVisit } from '../../utils/panel-link';
import { callContextFrom } from '../../utils/panel-context';

type Stage =
  | { kind: 'loading' }
  | { kind: 'pick'; clients: Client[] }
  | { kind: 'visit'; visit: Visit; alias: string; note: string }
  | { kind: 'ended'; visit: Visit; alias: string };

const errorText = (error: unknown) => t('genericError', error instanceof Error ? error.message : String(error));

// Reminders and the timer need no finer grain; durations always come from timestamps.
const CLOCK_REFRESH_MS = 5_000;

export function App({ search }: { search: string }) {
  const context = callContextFrom(search);
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const reportError = (failure: unknown) => setError(errorText(failure));
  const layout = usePanelLayout(reportError);
  const [settings, settingsProblems, changeSettings] = useSettings(reportError);
  const setAside = useSetAsideCount();
  const now = useNow(CLOCK_REFRESH_MS);
  const [announcement, announce] = useAnnouncer();
  const visit = stage.kind === 'visit' ? stage.visit : undefined;
  const session = useVisitSession(visit, reportError);
  const reminders = useReminders(visit, session, settings, now, (appearing) => announce(appearing.map(reminderText).join(' ')));

  const toPicker = async () => setStage({ kind: 'pick', clients: await listClients() });

  useEffect(() => {
    void (async () => {
      const current = await currentVisit();
      const found = current.visitId === null ? undefined : await getVisit(current.visitId);
      if (found === undefined) return toPicker();
      setStage({ kind: 'visit', visit: found, alias: current.alias ?? '?', note: (await getNote(found.id))?.text ?? '' });
    })().catch(reportError);
  }, []);

  const start = async (alias: string, plannedMinutes: number) => {
    if (context === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const client = await findOrCreateClient(alias, Date.now());
      const started = await startVisit({ clientId: client.id, ...context, plannedMinutes }, Date.now());
      await bindVisit(started.id);
      setStage({ kind: 'visit', visit: started, alias: client.alias, note: '' });
    } catch (failure) {
      reportError(failure);
    } finally {
      setBusy(false);
    }
  };

  const end = async (ending: Visit) => {
    try {
      const ended = (await endVisit(ending.id, 'manual', Date.now())) ?? ending;
      await releaseVisit(ending.id);
      if (stage.kind === 'visit') setStage({ kind: 'ended', visit: ended, alias: stage.alias });
    } catch (failure) {
      reportError(failure);
    }
  };

  return (
    <>
      <LiveAnnouncer message={announcement} />
      {!layout.expanded ? (
        <PanelHandle
          buttonRef={layout.handleRef}
          reminderCount={reminders.visible.length}
          onOpen={() => layout.toggle(true, 'panel')}
          onMove={layout.moveHandle}
        />
      ) : (
        <main class="panel" tabIndex={-1} ref={layout.panelRef} aria-label={t('panelFrameTitle')} onKeyDown={layout.onPanelKeyDown}>
          <header class="panel-bar">
            <h1>{t('panelHeading')}</h1>
            <button type="button" class="icon" aria-expanded="true" aria-label={t('panelCollapse')} onClick={() => layout.toggle(false, 'handle')}>
              <span aria-hidden="true">›</span>
            </button>
          </header>
          <p class="visually-hidden">{t('panelEscHint')}</p>
          {context === undefined && <Notice tone="error">{t('panelOutsideCall')}</Notice>}
          {error !== undefined && <Notice tone="error">{error}</Notice>}
          {setAside > 0 && <Notice tone="info">{t('recordsSetAside', String(setAside))}</Notice>}
          {settingsProblems.map(({ setting, reason }) => (
            <Notice key={setting} tone="info">
              {t('settingIgnored', [setting, reason])}
            </Notice>
          ))}
          {stage.kind === 'loading' && <p>{t('loading')}</p>}
          {stage.kind === 'pick' && context !== undefined && (
            <>
              <ClientPicker
                clients={stage.clients}
                busy={busy}
                defaultPlannedMinutes={settings.defaultPlannedMinutes}
                onStart={(alias, minutes) => void start(alias, minutes)}
              />
              <CueSettingsForm settings={settings} onChange={changeSettings} />
            </>
          )}
          {stage.kind === 'visit' && (
            <VisitPanel
              key={stage.visit.id}
              visit={stage.visit}
              alias={stage.alias}
              initialNote={stage.note}
              now={now}
              session={session}
              reminders={reminders}
              snoozeMinutes={settings.snoozeMinutes}
              announce={announce}
              onEnd={end}
            />
          )}
          {stage.kind === 'ended' && (
            <section class="stack" aria-labelledby="ended-heading">
              <h2 id="ended-heading">{t('visitEndedHeading')}</h2>
              <p>{t('visitEndedSummary', [stage.alias, String(visitMinutes(stage.visit, Date.now()))])}</p>
              <button type="button" class="primary" onClick={() => void toPicker()}>
                {t('startAnotherVisit')}
              </button>
            </section>
          )}
        </main>
      )}
    </>
  );
}
