import { useEffect, useState } from 'preact/hooks';
import { lastCheckInSummary, type LastCheckInSummary } from '../utils/db/checkins';
import { LastCheckIn } from './LastCheckIn';

export interface PreviousCheckInProps {
  clientId: string;
  /** Only check-ins completed before this moment (the start of the visit in progress) count as "last time". */
  before: number;
}

/** The client's most recent completed check-in for the "last time" card; nothing while loading or when there is none. */
export function PreviousCheckIn({ clientId, before }: PreviousCheckInProps) {
  const [summary, setSummary] = useState<LastCheckInSummary>();
  useEffect(() => {
    let current = true;
    // Only a summary on the card: the check-in itself reports storage errors where it is answered.
    lastCheckInSummary(clientId, before)
      .then((found) => current && setSummary(found))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [clientId, before]);
  return summary === undefined ? null : <LastCheckIn summary={summary} />;
}
