import { useEffect, useRef, useState } from 'preact/hooks';
import { CallStatus } from '../../components/CallStatus';
import { ClientPicker } from '../../components/ClientPicker';
import { useCallStatus } from '../../components/hooks/useCallStatus';
import { useSetAsideCount } from '../../components/hooks/useSetAsideNotice';
import { Notice } from '../../components/Notice';
import { PanelHandle } from '../../components/PanelHandle';
import { VisitPanel } from '../../components/VisitPanel';
import { findOrCreateClient, listClients } from '../../utils/db/clients';
import { getNote } from '../../utils/db/notes';
import { endVisit, getVisit, startVisit, visitMinutes } from '../../utils/db/visits';
import { t } from '../../utils/i18n';
import type { Client, Visit } from '../../utils/models';
import { bindVisit, currentVisit, releaseVisit, rememberedExpanded, setPanelExpanded } from '../../utils/panel-link';
import { callContextFrom, isCallSite } from '../../utils/panel-context';
import { visitStartFor } from '../../utils/call-state';

type Stage =
  | { kind: 'loading' }
  | { kind: 'pick'; clients: Client[] }
  | { kind: 'visit'; visit: Visit; alias: string; note: string }
  | { kind: 'ended'; visit: Visit; alias: string };

const errorText = (error: unknown) => t('genericError', error instanceof Error ? error.message : String(error));

export function App({ search }: { search: string }) {
  const claimed = callContextFrom(search);
  const context = claimed !== undefined && isCallSite(claimed, location.ancestorOrigins?.[0]) ? claimed : undefined;
  const [expanded, setExpanded] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const setAside = useSetAsideCount();
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

  // The call ended and the background ended this visit with it (after the grace period).
  useEffect(() => {
    if (stage.kind !== 'visit' || call?.endedVisitId !== stage.visit.id) return;
    const { alias } = stage;
    void getVisit(stage.visit.id)
      .then((visit) => visit !== undefined && setStage({ kind: 'ended', visit, alias }))
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
      if (stage.kind === 'visit') setStage({ kind: 'ended', visit: ended, alias: stage.alias });
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  if (!expanded) return <PanelHandle buttonRef={handleRef} onOpen={() => toggle(true, true)} />;

  return (
    <main class="panel" tabIndex={-1} ref={panelRef}>
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
      {stage.kind === 'visit' && (
        <VisitPanel key={stage.visit.id} visit={stage.visit} alias={stage.alias} initialNote={stage.note} onEnd={end} />
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
  );
}
