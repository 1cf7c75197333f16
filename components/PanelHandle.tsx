import type { Ref } from 'preact';
import { t } from '../utils/i18n';

export interface PanelHandleProps {
  onOpen: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
  /** The check-in is due: the handle shows a dot and says so, politely, without taking focus. */
  checkInDue?: boolean;
}

/** The slim tab at the page edge that opens the panel. */
export function PanelHandle({ onOpen, buttonRef, checkInDue = false }: PanelHandleProps) {
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        class={checkInDue ? 'handle handle--cue' : 'handle'}
        aria-expanded="false"
        aria-label={checkInDue ? t('panelOpenCheckInDue') : t('panelOpen')}
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
