import { LiveAnnouncer } from './LiveAnnouncer';
import { LiveRegion } from './LiveRegion';
import { PanelHandle } from './PanelHandle';

export interface PanelFirstScreenProps {
  /** The clinician opened the panel before the rest of it had loaded; it opens as soon as it can. */
  onOpen: () => void;
}

/**
 * What the panel frame shows while its data layer (database, message schemas, visit logic) is still loading: the same
 * handle and empty live regions the full panel starts with, so the handle is on the call page as soon as the frame is.
 * It needs nothing but Preact and the message catalogue.
 */
export function PanelFirstScreen({ onOpen }: PanelFirstScreenProps) {
  return (
    <>
      <LiveAnnouncer message="" />
      <LiveRegion id="presence-announcer" text="" />
      <PanelHandle reminderCount={0} onOpen={onOpen} onMove={() => undefined} />
    </>
  );
}
