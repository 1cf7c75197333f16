import { useEffect, useRef, useState } from 'preact/hooks';
import type { Visit } from '../../utils/models';
import type { PresenceCue } from '../../utils/presence/cue-policy';
import { startPanelCues, type PanelCues } from '../../utils/presence/panel-cues';

export interface PresenceCues {
  /** The cue on screen, if any. */
  cue: PresenceCue | null;
  /** Whether the clinician snoozed cues for the rest of this visit (until they see the notice once). */
  snoozed: boolean;
  typed: () => void;
  acknowledge: () => void;
  snooze: () => void;
  /** The cue faded away on its own. */
  expire: () => void;
}

/** The presence cues of the visit in progress (none without a visit). `checkInOpen` holds periodic prompts back. */
export function usePresenceCues(visit: Visit | undefined, checkInOpen: boolean, onError: (error: unknown) => void): PresenceCues {
  const [cue, setCue] = useState<PresenceCue | null>(null);
  const [snoozed, setSnoozed] = useState(false);
  const cues = useRef<PanelCues>();
  const visitId = visit?.id;

  useEffect(() => {
    setCue(null);
    setSnoozed(false);
    if (visit === undefined) return undefined;
    const started = startPanelCues({
      visitId: visit.id,
      visitStartedAt: visit.startedAt,
      now: Date.now,
      onCue: setCue,
      onError,
      document,
    });
    cues.current = started;
    return () => {
      started.dispose();
      cues.current = undefined;
    };
  }, [visitId]);

  // Only changes are news: a check-in that was never open has not just closed.
  const checkInWasOpen = useRef(false);
  useEffect(() => {
    if (checkInOpen !== checkInWasOpen.current) cues.current?.checkIn(checkInOpen, Date.now());
    checkInWasOpen.current = checkInOpen;
  }, [checkInOpen, visitId]);

  return {
    cue,
    snoozed,
    typed: () => cues.current?.typed(Date.now()),
    acknowledge: () => {
      if (cue !== null) cues.current?.acknowledge(cue, Date.now());
      setCue(null);
    },
    snooze: () => {
      cues.current?.snooze(Date.now());
      setCue(null);
      setSnoozed(true);
    },
    expire: () => setCue(null),
  };
}
