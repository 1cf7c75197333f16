import type { Ref } from 'preact';
import { t } from '../utils/i18n';

export interface PanelHandleProps {
  onOpen: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
  /** The check-in is due: the handle shows a dot and says so, politely, without taking focus. */
  checkInDue?: boolean;
  /** A presence cue is waiting in the panel: a small mark on the handle, and the label says so. */
  cueWaiting?: boolean;
}

/** The slim tab at the page edge that opens the panel. */
export function PanelHandle({ onOpen, buttonRef, checkInDue = false, cueWaiting = false }: PanelHandleProps) {
  const label = checkInDue ? t('panelOpenCheckInDue') : cueWaiting ? t('panelOpenCueWaiting') : t('panelOpen');
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        class={checkInDue || cueWaiting ? 'handle handle--cue' : 'handle'}
        aria-expanded="false"
        aria-label={label}
        onClick={onOpen}
      >
        {checkInDue && <span class="handle-dot" aria-hidden="true" />}
        <span aria-hidden="true">{t('panelHeading')}</span>
      </button>
      <span class="visually-hidden" role="status">
        {checkInDue ? t('checkInDueOnHandle') : ''}
      </span>
    </>
  );
}
