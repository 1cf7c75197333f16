import { useEffect, useRef, useState } from 'preact/hooks';
import { CallStatus } from '../../components/CallStatus';
import { CheckInSection } from '../../components/CheckInSection';
import { ClientPicker } from '../../components/ClientPicker';
import { CueSettingsForm } from '../../components/CueSettingsForm';
import { useAnnouncer } from '../../components/hooks/useAnnouncer';
import { useCallStatus } from '../../components/hooks/useCallStatus';
import { useCheckInDue } from '../../components/hooks/useCheckInDue';
import { useNow } from '../../components/hooks/useNow';
import { usePanelLayout } from '../../components/hooks/usePanelLayout';
import { usePresenceCues } from '../../components/hooks/usePresenceCues';
import { useReminders } from '../../components/hooks/useReminders';
import { useSetAsideCount } from '../../components/hooks/useSetAsideNotice';
import { useSettings } from '../../components/hooks/useSettings';
import { useVisitSession } from '../../components/hooks/useVisitSession';
import { LiveAnnouncer } from '../../components/LiveAnnouncer';
import { AutoLockWarning } from '../../components/lock/AutoLockWarning';
import { LiveRegion } from '../../components/LiveRegion';
import { UnlockForm } from '../../components/lock/UnlockForm';
import { LockRequiredNotice } from '../../components/lock/LockRequiredNotice';
import { useLockStatus } from '../../components/lock/useLockStatus';
import { Notice } from '../../components/Notice';
import { PanelHandle } from '../../components/PanelHandle';
import { PresenceCue } from '../../components/PresenceCue';
import { PresenceSummaryLine } from '../../components/PresenceSummaryLine';
import { PreviousCheckIn } from '../../components/PreviousCheckIn';
import { reminderText } from '../../components/ReminderList';
import { VisitPanel } from '../../components/VisitPanel';
import { visitStartFor } from '../../utils/call-state';
import { findOrCreateClient } from '../../utils/db/clients';
import { getPresenceSummary } from '../../utils/db/presence';
import { endVisit, getVisit, startVisit, visitMinutes } from '../../utils/db/visits';
import { t } from '../../utils/i18n';
import type { Visit } from '../../utils/models';
import { callContextFrom, isCallSite } from '../../utils/panel-context';
import { bindVisit, releaseVisit } from '../../utils/panel-link';
import { cueText } from '../../utils/presence/prompts';
import { loadStage, pickStage, type Stage } from './stage';

const errorText = (error: unknown) => t('genericError', error instanceof Error ? error.message : String(error));

// Reminders and the timer need no finer grain; durations always come from timestamps.
const CLOCK_REFRESH_MS = 5_000;
/** How long a presence cue stays before it fades away on its own. */
const PRESENCE_CUE_VISIBLE_MS = 45_000;

export function App({
  search,
  openOnStart = false,
  startExpanded = false,
  onOpenChange,
}: {
  search: string;
  openOnStart?: boolean;
  /** The frame was sized open from the clinician's last choice: the panel starts open, without taking focus. */
  startExpanded?: boolean;
  /** Told whether the panel is open, whenever that changes (the clickjacking guard watches only an open panel). */
  onOpenChange?: (open: boolean) => void;
}) {
  const claimed = callContextFrom(search);
  const context = claimed !== undefined && isCallSite(claimed, location.ancestorOrigins?.[0]) ? claimed : undefined;
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const reportError = (failure: unknown) => setError(errorText(failure));
  const layout = usePanelLayout(reportError, openOnStart, startExpanded);
  const [settings, settingsProblems, changeSettings, lockedSettings] = useSettings(reportError);
  const setAside = useSetAsideCount();
  const now = useNow(CLOCK_REFRESH_MS);
  const [announcement, announce] = useAnnouncer();
  const visit = stage.kind === 'visit' ? stage.visit : undefined;
  const session = useVisitSession(visit, reportError);
  const reminders = useReminders(visit, session, settings, now, (appearing) => announce(appearing.map(reminderText).join(' ')));
  const call = useCallStatus(reportError);
  const checkInDue = useCheckInDue(visit, !layout.expanded);
  // Periodic presence prompts wait while the clinician is answering the check-in.
  const [checkInOpen, setCheckInOpen] = useState(false);
  const presence = usePresenceCues(visit, checkInOpen, reportError);
  const presenceAnnouncement = presence.cue !== null ? cueText(presence.cue) : presence.snoozed ? t('presenceCueSnoozed') : '';

  useEffect(() => onOpenChange?.(layout.expanded), [layout.expanded]);
  // The open panel is built the first time it opens, then kept while collapsed (below).
  const opened = useRef(false);
  opened.current ||= layout.expanded;

  // Collapsed, a presence cue is only a mark on the handle; it still goes away on its own.
  useEffect(() => {
    if (layout.expanded || presence.cue === null) return undefined;
    const timer = setTimeout(presence.expire, PRESENCE_CUE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [layout.expanded, presence.cue?.id]);

  const toPicker = async () => setStage(await pickStage());

  // Locked, the panel drops what it showed (an unsaved draft is kept sealed first, by VisitPanel) and asks for the
  // passphrase; unlocked again, it comes back to the same visit.
  const lock = useLockStatus();
  const usable = lock.status === 'off' || lock.status === 'unlocked';
  // The practice requires the lock and no passphrase is set: no visit starts, and nothing clinical is written.
  const passphraseFirst = settings['lock.required'] && lock.status === 'off';
  const resumeVisitId = useRef<string>();
  useEffect(() => {
    if (lock.status === 'locked') {
      if (stage.kind === 'visit' || stage.kind === 'ended') resumeVisitId.current = stage.visit.id;
      setStage({ kind: 'loading' });
    }
    if (!usable) return undefined;
    // A load that was still running when Attune locked must not bring the visit back into view.
    let stale = false;
    void loadStage(resumeVisitId.current)
      .then((loaded) => {
        if (stale) return;
        setStage(loaded);
        if (loaded.kind === 'visit' && loaded.restoredDraft === true) announce(t('lockDraftRestored'));
      })
      .catch(reportError);
    return () => {
      stale = true;
    };
  }, [usable, lock.status]);

  // The call ended and the background ended this visit with it (after the grace period).
  useEffect(() => {
    if (stage.kind !== 'visit' || call?.endedVisitId !== stage.visit.id) return;
    const { alias } = stage;
    void Promise.all([getVisit(stage.visit.id), getPresenceSummary(stage.visit.id)])
      .then(([ended, summary]) => ended !== undefined && setStage({ kind: 'ended', visit: ended, alias, presence: summary }))
      .catch(reportError);
  }, [call?.endedVisitId]);

  // The clinician's own click removes the cue; their focus goes back to the panel rather than being lost.
  const afterCue = (action: () => void) => {
    action();
    layout.panelRef.current?.focus();
  };

  const start = async (alias: string, plannedMinutes: number) => {
    if (context === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const client = await findOrCreateClient(alias, Date.now());
      // A call already in progress when the clinician picks the client counts from its start.
      const started = await startVisit({ clientId: client.id, ...context, plannedMinutes }, visitStartFor(call, Date.now()));
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
      const summary = await getPresenceSummary(ending.id);
      if (stage.kind === 'visit') setStage({ kind: 'ended', visit: ended, alias: stage.alias, presence: summary });
    } catch (failure) {
      reportError(failure);
    }
  };

  // Nothing of a visit or a client shows while Attune is locked, whatever a load or an ending that was already
  // running when it locked sets the stage to.
  const shown: Stage = lock.status === 'locked' ? { kind: 'loading' } : stage;

  return (
    <>
      {/* Both live regions exist from the first render, collapsed or open, so screen readers announce reliably. */}
      <LiveAnnouncer message={announcement} />
      <LiveRegion id="presence-announcer" text={presenceAnnouncement} />
      <AutoLockWarning showControls={false} />
      {/* Collapsing hides the open panel but keeps it: what the clinician typed (note, next time, check-in) stays in its
          editors and is not replaced by what was stored when the panel loaded. */}
      {!layout.expanded && (
        <PanelHandle
          buttonRef={layout.handleRef}
          reminderCount={reminders.visible.length}
          checkInDue={checkInDue}
          cueWaiting={presence.cue !== null}
          onOpen={() => layout.toggle(true, 'panel')}
          onMove={layout.moveHandle}
        />
      )}
      {opened.current && (
        <main
          class="panel"
          hidden={!layout.expanded}
          tabIndex={-1}
          ref={layout.panelRef}
          aria-label={t('panelFrameTitle')}
          onKeyDown={(event) => {
            presence.typed();
            layout.onPanelKeyDown(event);
          }}
        >
          <header class="panel-bar">
            <h1>{t('panelHeading')}</h1>
            <button type="button" class="icon" aria-expanded="true" aria-label={t('panelCollapse')} onClick={() => layout.toggle(false, 'handle')}>
              <span aria-hidden="true">›</span>
            </button>
          </header>
          <p class="visually-hidden">{t('panelEscHint')}</p>
          <AutoLockWarning announce={false} />
          {context === undefined && <Notice tone="error">{t('panelOutsideCall')}</Notice>}
          {error !== undefined && <Notice tone="error">{error}</Notice>}
          {setAside > 0 && <Notice tone="info">{t('recordsSetAside', String(setAside))}</Notice>}
          {settingsProblems.map((problem) => (
            <Notice key={problem} tone="info">
              {t('settingIgnored', [problem.slice(0, problem.indexOf(': ')), problem.slice(problem.indexOf(': ') + 2)])}
            </Notice>
          ))}
          {context !== undefined && <CallStatus status={call} />}
          {lock.problem !== undefined && <Notice tone="error">{lock.problem}</Notice>}
          {lock.status === 'locked' && <UnlockForm id="panel-unlock" />}
          {shown.kind === 'loading' && lock.status !== 'locked' && <p>{t('loading')}</p>}
          {passphraseFirst && (shown.kind === 'pick' || shown.kind === 'visit') && <LockRequiredNotice />}
          {shown.kind === 'pick' && context !== undefined && !passphraseFirst && (
            <>
              <ClientPicker
                clients={shown.clients}
                busy={busy}
                defaultPlannedMinutes={settings['visit.defaultPlannedMinutes']}
                onStart={(alias, minutes) => void start(alias, minutes)}
              />
              <CueSettingsForm settings={settings} locked={lockedSettings} onChange={changeSettings} />
            </>
          )}
          {shown.kind === 'visit' && presence.cue !== null && (
            <PresenceCue
              key={presence.cue.id}
              text={cueText(presence.cue)}
              visibleMs={PRESENCE_CUE_VISIBLE_MS}
              onAcknowledge={() => afterCue(presence.acknowledge)}
              onSnooze={() => afterCue(presence.snooze)}
              onExpire={presence.expire}
            />
          )}
          {shown.kind === 'visit' && (
            <VisitPanel
              key={shown.visit.id}
              visit={shown.visit}
              alias={shown.alias}
              initialNote={shown.note}
              restoredDraft={shown.restoredDraft}
              now={now}
              session={session}
              reminders={reminders}
              snoozeMinutes={settings['cues.snoozeMinutes']}
              announce={announce}
              renderPreviousCheckIn={() => <PreviousCheckIn clientId={shown.visit.clientId} before={shown.visit.startedAt} />}
              onEnd={end}
              onCheckInOpenChange={setCheckInOpen}
              onProblem={reportError}
            />
          )}
          {shown.kind === 'ended' && (
            <section class="stack" aria-labelledby="ended-heading">
              <h2 id="ended-heading">{t('visitEndedHeading')}</h2>
              <p>{t('visitEndedSummary', [shown.alias, String(visitMinutes(shown.visit, Date.now()))])}</p>
              <PresenceSummaryLine summary={shown.presence} />
              <CheckInSection visit={shown.visit} now={now} />
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
