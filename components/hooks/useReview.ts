/** Data for the review screens, read through utils/db; each load that is overtaken by a newer one is dropped. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { presenceSummaries } from '../../utils/db/presence';
import { recentFlaggedCheckIns, searchVisits, type FlaggedCheckIn, type VisitSearch } from '../../utils/db/review';
import { clientOverview, visitDetail, type ClientOverview, type VisitDetail } from '../../utils/db/review-detail';
import type { VisitSummary } from '../../utils/db/visits';
import { t } from '../../utils/i18n';
import type { PresenceSummary } from '../../utils/models';

export const errorText = (failure: unknown) => t('genericError', failure instanceof Error ? failure.message : String(failure));

export interface VisitPageState {
  summaries: VisitSummary[] | undefined;
  presence: ReadonlyMap<string, PresenceSummary>;
  more: boolean;
  loadingMore: boolean;
  error: string | undefined;
  loadMore: () => void;
  reload: () => void;
}

/** Visits matching `search`, newest first, `pageSize` at a time; the first page is all a first screen reads. */
export function useVisitPages(search: VisitSearch, pageSize: number): VisitPageState {
  const [summaries, setSummaries] = useState<VisitSummary[]>();
  const [presence, setPresence] = useState<ReadonlyMap<string, PresenceSummary>>(new Map());
  const [more, setMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string>();
  const generation = useRef(0);

  const load = useCallback(
    (offset: number, previous: VisitSummary[]) => {
      const current = ++generation.current;
      setLoadingMore(offset > 0);
      searchVisits(search, offset, pageSize)
        .then(async (page) => {
          if (current !== generation.current) return;
          const all = [...previous, ...page.summaries];
          setSummaries(all);
          setMore(page.more);
          setLoadingMore(false);
          setError(undefined);
          const found = await presenceSummaries(page.summaries.map(({ visit }) => visit.id));
          if (current === generation.current) setPresence((known) => new Map([...known, ...found.map((summary) => [summary.visitId, summary] as const)]));
        })
        .catch((failure: unknown) => {
          if (current !== generation.current) return;
          setLoadingMore(false);
          setError(errorText(failure));
        });
    },
    [search, pageSize],
  );

  useEffect(() => {
    setSummaries(undefined);
    load(0, []);
  }, [load]);

  return {
    summaries,
    presence,
    more,
    loadingMore,
    error,
    loadMore: () => load(summaries?.length ?? 0, summaries ?? []),
    reload: () => load(0, []),
  };
}

/**
 * The newest flagged check-ins; `version` reloads them (e.g. after a deletion). Read only once `ready` (the first page of
 * visits is on screen), so scoring them never delays the first rows.
 */
export function useFlagged(limit: number, version: number, ready: boolean): FlaggedCheckIn[] {
  const [flagged, setFlagged] = useState<FlaggedCheckIn[]>([]);
  useEffect(() => {
    if (!ready) return undefined;
    let live = true;
    recentFlaggedCheckIns(limit).then(
      (found) => live && setFlagged(found),
      (failure: unknown) => console.error('Attune could not read flagged check-ins.', failure),
    );
    return () => {
      live = false;
    };
  }, [limit, version, ready]);
  return flagged;
}

/** A visit's detail or a client's overview, by id; undefined while loading, null when it no longer exists. */
export function useRecord<T>(read: (id: string) => Promise<T | undefined>, id: string): [T | null | undefined, string | undefined] {
  const [record, setRecord] = useState<T | null>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    setRecord(undefined);
    read(id).then(
      (found) => live && setRecord(found ?? null),
      (failure: unknown) => live && setError(errorText(failure)),
    );
    return () => {
      live = false;
    };
  }, [read, id]);
  return [record, error];
}

export const useVisitDetail = (visitId: string) => useRecord<VisitDetail>(visitDetail, visitId);
export const useClientOverview = (clientId: string) => useRecord<ClientOverview>(clientOverview, clientId);
