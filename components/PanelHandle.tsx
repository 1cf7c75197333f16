import type { Ref } from 'preact';
import { t } from '../utils/i18n';

export interface PanelHandleProps {
  onOpen: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
  /** A presence cue is waiting in the panel: a small mark on the handle, and the label says so. */
  cueWaiting?: boolean;
}

/** The slim tab at the page edge that opens the panel. */
export function PanelHandle({ onOpen, buttonRef, cueWaiting = false }: PanelHandleProps) {
  return (
    <button
      ref={buttonRef}
      type="button"
      class={cueWaiting ? 'handle handle--cue' : 'handle'}
      aria-expanded="false"
      aria-label={cueWaiting ? t('panelOpenCueWaiting') : t('panelOpen')}
      onClick={onOpen}
    >
      <span aria-hidden="true">{t('panelHeading')}</span>
    </button>
  );
}
