import { useMemo, useRef, useState } from 'preact/hooks';
import type { VisitSearch } from '../../utils/db/review';
import { deleteClient, deleteVisit } from '../../utils/db/deletion';
import { t } from '../../utils/i18n';
import { useClientOverview, useFlagged, useVisitDetail, useVisitPages } from '../hooks/useReview';
import { Notice } from '../Notice';
import { RecentFlags } from '../RecentFlags';
import { ClientView } from './ClientView';
import { VisitDetailView } from './VisitDetailView';
import { VisitListSection } from './VisitListSection';
import { VisitSearchForm } from './VisitSearchForm';

export interface ReviewBrowserProps {
  /** Visits per page: fewer in the popup, more on the history page. */
  pageSize: number;
  /** Unique on the page, for ids. */
  id: string;
}

type Route = { name: 'home' } | { name: 'visit'; visitId: string } | { name: 'client'; clientId: string };

const EVERYONE: VisitSearch = { alias: '', from: null, to: null };
const FLAGGED_SHOWN = 5;

/**
 * Reviewing past visits, shared by the popup and the history page: flagged check-ins and recent visits first, a search
 * by alias and date range, a visit's detail and a client's overview with the alliance trend, and deletion.
 */
export function ReviewBrowser({ pageSize, id }: ReviewBrowserProps) {
  const [route, setRoute] = useState<Route>({ name: 'home' });
  const [search, setSearch] = useState<VisitSearch>(EVERYONE);
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string>();
  const now = useMemo(() => Date.now(), [version, route]);
  const pages = useVisitPages(search, pageSize);
  const flagged = useFlagged(FLAGGED_SHOWN, version, pages.summaries !== undefined || pages.error !== undefined);
  const searching = search !== EVERYONE;

  // A view the clinician went to puts the keyboard at its heading, as a page change would; the first screen does not.
  const navigated = useRef(false);
  const go = (next: Route) => {
    navigated.current = true;
    setMessage(undefined);
    setRoute(next);
  };
  const afterDeletion = (text: string) => {
    setMessage(text);
    setVersion((value) => value + 1);
    pages.reload();
    navigated.current = true;
    setRoute({ name: 'home' });
  };

  return (
    <div class="review stack">
      {route.name !== 'home' && (
        <button type="button" class="link-button" onClick={() => go({ name: 'home' })}>
          {t('reviewBack')}
        </button>
      )}
      {message !== undefined && <Notice tone="info">{message}</Notice>}
      {route.name === 'home' && (
        <>
          <RecentFlags flagged={flagged} onOpen={(visit) => go({ name: 'visit', visitId: visit.id })} />
          <VisitSearchForm id={`${id}-search`} onSearch={setSearch} onClear={() => setSearch(EVERYONE)} />
          <VisitListSection
            heading={searching ? t('reviewFound') : t('reviewAllVisitsHeading')}
            label={searching ? t('reviewFound') : t('visitListLabel')}
            pages={pages}
            now={now}
            emptyText={searching ? t('reviewNothingFound') : t('popupEmpty')}
            onOpenVisit={({ visit }) => go({ name: 'visit', visitId: visit.id })}
            onOpenClient={(clientId) => go({ name: 'client', clientId })}
            focusHeading={navigated.current}
          />
        </>
      )}
      {route.name === 'visit' && (
        <VisitRoute
          visitId={route.visitId}
          now={now}
          onOpenClient={(clientId) => go({ name: 'client', clientId })}
          onDeleted={() => afterDeletion(t('deleteVisitDone'))}
          focusHeading={navigated.current}
        />
      )}
      {route.name === 'client' && (
        <ClientRoute
          clientId={route.clientId}
          now={now}
          onOpenVisit={(visitId) => go({ name: 'visit', visitId })}
          onAllVisits={(alias) => {
            setSearch({ alias, from: null, to: null });
            go({ name: 'home' });
          }}
          onDeleted={(alias) => afterDeletion(t('deleteClientDone', alias))}
          focusHeading={navigated.current}
        />
      )}
    </div>
  );
}

function VisitRoute(props: { visitId: string; now: number; onOpenClient: (clientId: string) => void; onDeleted: () => void; focusHeading: boolean }) {
  const [detail, error] = useVisitDetail(props.visitId);
  if (error !== undefined) return <Notice tone="error">{error}</Notice>;
  if (detail === undefined) return <p>{t('loading')}</p>;
  if (detail === null) return <p class="empty">{t('reviewVisitGone')}</p>;
  return (
    <VisitDetailView
      detail={detail}
      now={props.now}
      onOpenClient={props.onOpenClient}
      onDelete={() => deleteVisit(detail.visit.id).then(props.onDeleted)}
      focusHeading={props.focusHeading}
    />
  );
}

function ClientRoute(props: {
  clientId: string;
  now: number;
  onOpenVisit: (visitId: string) => void;
  onAllVisits: (alias: string) => void;
  onDeleted: (alias: string) => void;
  focusHeading: boolean;
}) {
  const [overview, error] = useClientOverview(props.clientId);
  if (error !== undefined) return <Notice tone="error">{error}</Notice>;
  if (overview === undefined) return <p>{t('loading')}</p>;
  if (overview === null) return <p class="empty">{t('reviewClientGone')}</p>;
  return (
    <ClientView
      overview={overview}
      now={props.now}
      onOpenVisit={({ visit }) => props.onOpenVisit(visit.id)}
      onAllVisits={() => props.onAllVisits(overview.client.alias)}
      onDelete={() => deleteClient(overview.client.id).then(() => props.onDeleted(overview.client.alias))}
      focusHeading={props.focusHeading}
    />
  );
}
