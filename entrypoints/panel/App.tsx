import { useEffect, useRef, useState } from 'preact/hooks';
import { ClientPicker } from '../../components/ClientPicker';
import { CueSettingsForm } from '../../components/CueSettingsForm';
import { useAnnouncer } from '../../components/hooks/useAnnouncer';
import { useNow } from '../../components/hooks/useNow';
import { useReminders } from '../../components/hooks/useReminders';
import { useSetAsideCount } from '../../components/hooks/useSetAsideNotice';
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
import { listenForPanelFocus } from '../../utils/panel-focus';
import { movedHandleOffset } from '../../utils/panel-layout';
import {
  bindVisit,
  currentVisit,
  releaseVisit,
  rememberedExpanded,
  rememberedHandleOffset,
  setHandleOffset,
  setPanelExpanded,
} from '../../utils/panel-link';
import { callContextFrom } from '../../utils/panel-context';
import { DEFAULT_SETTINGS, loadSettings, saveClinicianSettings, type Settings, type SettingsLayer, type SettingsProblem } from '../../utils/settings';

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
  const [expanded, setExpanded] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [settingsProblems, setSettingsProblems] = useState<SettingsProblem[]>([]);
  const setAside = useSetAsideCount();
  const now = useNow(CLOCK_REFRESH_MS);
  const [announcement, announce] = useAnnouncer();
  const visit = stage.kind === 'visit' ? stage.visit : undefined;
  const session = useVisitSession(visit, (failure) => setError(errorText(failure)));
  const reminders = useReminders(visit, session, settings, now, (appearing) => announce(appearing.map(reminderText).join(' ')));
  const handleOffset = useRef(0.5);

  // Focus moves only when the clinician opens or collapses the panel themselves (click, key or shortcut), never on load.
  const [focusRequest, setFocusRequest] = useState<'panel' | 'handle' | 'none'>('none');
  const handleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusRequest === 'none') return;
    (focusRequest === 'panel' ? panelRef : handleRef).current?.focus();
    setFocusRequest('none');
  }, [expanded, focusRequest]);

  const toPicker = async () => setStage({ kind: 'pick', clients: await listClients() });

  useEffect(() => {
    void rememberedExpanded().then((open) => open && toggle(true));
    void rememberedHandleOffset().then((offset) => (handleOffset.current = offset));
    void loadSettings().then((loaded) => {
      setSettings(loaded.settings);
      setSettingsProblems(loaded.problems);
    });
    void (async () => {
      const current = await currentVisit();
      const found = current.visitId === null ? undefined : await getVisit(current.visitId);
      if (found === undefined) return toPicker();
      setStage({ kind: 'visit', visit: found, alias: current.alias ?? '?', note: (await getNote(found.id))?.text ?? '' });
    })().catch((failure: unknown) => setError(errorText(failure)));
    // The open-panel shortcut: open (if collapsed) and move focus into the panel.
    return listenForPanelFocus(() => toggle(true, 'panel'));
  }, []);

  const toggle = (open: boolean, focus: 'panel' | 'handle' | 'none' = 'none') => {
    setFocusRequest(focus);
    setExpanded(open);
    void setPanelExpanded(open).catch((failure: unknown) => setError(errorText(failure)));
  };

  // Esc gives the keyboard back to the call page: the panel collapses and its frame lets go of focus.
  const onPanelKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    toggle(false);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.parent.focus();
  };

  const moveHandle = (move: { by: number } | { to: number }) => {
    const offset = 'to' in move ? move.to : movedHandleOffset(handleOffset.current, move.by);
    handleOffset.current = offset;
    void setHandleOffset(offset).catch((failure: unknown) => setError(errorText(failure)));
  };

  const changeSettings = (changes: SettingsLayer) => {
    saveClinicianSettings(changes)
      .then(setSettings)
      .catch((failure: unknown) => setError(errorText(failure)));
  };

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
      setError(errorText(failure));
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
      setError(errorText(failure));
    }
  };

  return (
    <>
      <LiveAnnouncer message={announcement} />
      {!expanded ? (
        <PanelHandle buttonRef={handleRef} reminderCount={reminders.visible.length} onOpen={() => toggle(true, 'panel')} onMove={moveHandle} />
      ) : (
        <main class="panel" tabIndex={-1} ref={panelRef} aria-label={t('panelFrameTitle')} onKeyDown={onPanelKeyDown}>
          <header class="panel-bar">
            <h1>{t('panelHeading')}</h1>
            <button type="button" class="icon" aria-expanded="true" aria-label={t('panelCollapse')} onClick={() => toggle(false, 'handle')}>
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
