import { useEffect, useRef, useState } from 'preact/hooks';
import { CallStatus } from '../../components/CallStatus';
import { CheckInSection } from '../../components/CheckInSection';
import { ClientPicker } from '../../components/ClientPicker';
import { useCallStatus } from '../../components/hooks/useCallStatus';
import { useCheckInDue } from '../../components/hooks/useCheckInDue';
import { usePresenceCues } from '../../components/hooks/usePresenceCues';
import { useSetAsideCount } from '../../components/hooks/useSetAsideNotice';
import { LiveRegion } from '../../components/LiveRegion';
import { Notice } from '../../components/Notice';
import { PanelHandle } from '../../components/PanelHandle';
import { PresenceCue } from '../../components/PresenceCue';
import { PresenceSummaryLine } from '../../components/PresenceSummaryLine';
import { VisitPanel } from '../../components/VisitPanel';
import { findOrCreateClient, listClients } from '../../utils/db/clients';
import { getNote } from '../../utils/db/notes';
import { getPresenceSummary } from '../../utils/db/presence';
import { endVisit, getVisit, startVisit, visitMinutes } from '../../utils/db/visits';
import { t } from '../../utils/i18n';
import type { Client, PresenceSummary, Visit } from '../../utils/models';
import { bindVisit, currentVisit, releaseVisit, rememberedExpanded, setPanelExpanded } from '../../utils/panel-link';
import { visitStartFor } from '../../utils/call-state';
import { callContextFrom, isCallSite } from '../../utils/panel-context';
import { cueText } from '../../utils/presence/prompts';

type Stage =
  | { kind: 'loading' }
  | { kind: 'pick'; clients: Client[] }
  | { kind: 'visit'; visit: Visit; alias: string; note: string }
  | { kind: 'ended'; visit: Visit; alias: string; presence?: PresenceSummary };

const errorText = (error: unknown) => t('genericError', error instanceof Error ? error.message : String(error));

/** How long a presence cue stays before it fades away on its own. */
const PRESENCE_CUE_VISIBLE_MS = 45_000;

export function App({ search }: { search: string }) {
  const claimed = callContextFrom(search);
  const context = claimed !== undefined && isCallSite(claimed, location.ancestorOrigins?.[0]) ? claimed : undefined;
  const [expanded, setExpanded] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const setAside = useSetAsideCount();
  const checkInDue = useCheckInDue(stage.kind === 'visit' ? stage.visit : undefined, !expanded);
  // Periodic presence prompts wait while the clinician is answering the check-in.
  const [checkInOpen, setCheckInOpen] = useState(false);
  const presence = usePresenceCues(stage.kind === 'visit' ? stage.visit : undefined, checkInOpen, (failure) =>
    setError(errorText(failure)),
  );
  const announcement = presence.cue !== null ? cueText(presence.cue) : presence.snoozed ? t('presenceCueSnoozed') : '';
  // Collapsed, a cue is only a mark on the handle; it still goes away on its own.
  useEffect(() => {
    if (expanded || presence.cue === null) return undefined;
    const timer = setTimeout(presence.expire, PRESENCE_CUE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [expanded, presence.cue?.id]);
  const call = useCallStatus((failure) => setError(errorText(failure)));
  // Focus moves only when the clinician opens or collapses the panel themselves, never on load.
  const focusAfterToggle = useRef(false);
  const handleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusAfterToggle.current) (expanded ? panelRef : handleRef).current?.focus();
    focusAfterToggle.current = false;
  }, [expanded]);

  const toPicker = async () => setStage({ kind: 'pick', clients: await listClients() });

  useEffect(() => {
    void rememberedExpanded().then((open) => open && toggle(true));
    void (async () => {
      const current = await currentVisit();
      const visit = current.visitId === null ? undefined : await getVisit(current.visitId);
      if (visit === undefined) return toPicker();
      setStage({ kind: 'visit', visit, alias: current.alias ?? '?', note: (await getNote(visit.id))?.text ?? '' });
    })().catch((failure: unknown) => setError(errorText(failure)));
  }, []);

  // The clinician's own click removes the cue; their focus goes back to the panel rather than being lost.
  const afterCue = (action: () => void) => {
    action();
    panelRef.current?.focus();
  };

  // The call ended and the background ended this visit with it (after the grace period).
  useEffect(() => {
    if (stage.kind !== 'visit' || call?.endedVisitId !== stage.visit.id) return;
    const { alias } = stage;
    void Promise.all([getVisit(stage.visit.id), getPresenceSummary(stage.visit.id)])
      .then(([visit, presence]) => visit !== undefined && setStage({ kind: 'ended', visit, alias, presence }))
      .catch((failure: unknown) => setError(errorText(failure)));
  }, [call?.endedVisitId]);

  const toggle = (open: boolean, byClinician = false) => {
    focusAfterToggle.current = byClinician;
    setExpanded(open);
    void setPanelExpanded(open).catch((failure: unknown) => setError(errorText(failure)));
  };

  const start = async (alias: string, plannedMinutes: number) => {
    if (context === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const client = await findOrCreateClient(alias, Date.now());
      // A call already in progress when the clinician picks the client counts from its start.
      const visit = await startVisit({ clientId: client.id, ...context, plannedMinutes }, visitStartFor(call, Date.now()));
      await bindVisit(visit.id);
      setStage({ kind: 'visit', visit, alias: client.alias, note: '' });
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  const end = async (visit: Visit) => {
    try {
      const ended = (await endVisit(visit.id, 'manual', Date.now())) ?? visit;
      await releaseVisit(visit.id);
      const summary = await getPresenceSummary(visit.id);
      if (stage.kind === 'visit') setStage({ kind: 'ended', visit: ended, alias: stage.alias, presence: summary });
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  // The live region exists from the first render, collapsed or open, so screen readers announce cues reliably.
  if (!expanded) {
    return (
      <>
        <PanelHandle
          buttonRef={handleRef}
          checkInDue={checkInDue}
          cueWaiting={presence.cue !== null}
          onOpen={() => toggle(true, true)}
        />
        <LiveRegion id="presence-announcer" text={announcement} />
      </>
    );
  }

  return (
    <main class="panel" tabIndex={-1} ref={panelRef} onKeyDown={presence.typed}>
      <LiveRegion id="presence-announcer" text={announcement} />
      <header class="panel-bar">
        <h1>{t('panelHeading')}</h1>
        <button type="button" class="icon" aria-expanded="true" aria-label={t('panelCollapse')} onClick={() => toggle(false, true)}>
          <span aria-hidden="true">›</span>
        </button>
      </header>
      <CallStatus status={call} />
      {context === undefined && <Notice tone="error">{t('panelOutsideCall')}</Notice>}
      {error !== undefined && <Notice tone="error">{error}</Notice>}
      {setAside > 0 && <Notice tone="info">{t('recordsSetAside', String(setAside))}</Notice>}
      {stage.kind === 'loading' && <p>{t('loading')}</p>}
      {stage.kind === 'pick' && context !== undefined && (
        <ClientPicker clients={stage.clients} busy={busy} onStart={(alias, minutes) => void start(alias, minutes)} />
      )}
      {stage.kind === 'visit' && presence.cue !== null && (
        <PresenceCue
          key={presence.cue.id}
          text={cueText(presence.cue)}
          visibleMs={PRESENCE_CUE_VISIBLE_MS}
          onAcknowledge={() => afterCue(presence.acknowledge)}
          onSnooze={() => afterCue(presence.snooze)}
          onExpire={presence.expire}
        />
      )}
      {stage.kind === 'visit' && (
        <VisitPanel
          key={stage.visit.id}
          visit={stage.visit}
          alias={stage.alias}
          initialNote={stage.note}
          onEnd={end}
          onCheckInOpenChange={setCheckInOpen}
        />
      )}
      {stage.kind === 'ended' && (
        <section class="stack" aria-labelledby="ended-heading">
          <h2 id="ended-heading">{t('visitEndedHeading')}</h2>
          <p>{t('visitEndedSummary', [stage.alias, String(visitMinutes(stage.visit, Date.now()))])}</p>
          <PresenceSummaryLine summary={stage.presence} />
          <CheckInSection visit={stage.visit} now={Date.now()} />
          <button type="button" class="primary" onClick={() => void toPicker()}>
            {t('startAnotherVisit')}
          </button>
        </section>
      )}
    </main>
  );
}
