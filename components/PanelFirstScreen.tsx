import { t } from '../utils/i18n';
import { LiveAnnouncer } from './LiveAnnouncer';
import { LiveRegion } from './LiveRegion';
import { PanelHandle } from './PanelHandle';

export interface PanelFirstScreenProps {
  /** The clinician opened the panel before the rest of it had loaded; it opens as soon as it can. */
  onOpen: () => void;
  /** The clinician left the panel open: its frame is already full size, so the open panel's frame is drawn, not the handle. */
  expanded?: boolean;
}

/**
 * What the panel frame shows while its data layer (database, message schemas, visit logic) is still loading: the same
 * handle and empty live regions the full panel starts with, so the handle is on the call page as soon as the frame is;
 * or, when the panel opens expanded, its heading over a loading line. It needs nothing but Preact and the message
 * catalogue.
 */
export function PanelFirstScreen({ onOpen, expanded = false }: PanelFirstScreenProps) {
  return (
    <>
      <LiveAnnouncer message="" />
      <LiveRegion id="presence-announcer" text="" />
      {expanded ? (
        <main class="panel" aria-label={t('panelFrameTitle')} aria-busy="true">
          <header class="panel-bar">
            <h1>{t('panelHeading')}</h1>
          </header>
          <p>{t('loading')}</p>
        </main>
      ) : (
        <PanelHandle reminderCount={0} onOpen={onOpen} onMove={() => undefined} />
      )}
    </>
  );
}
