import type { Ref } from 'preact';
import { t } from '../utils/i18n';

export interface PanelHandleProps {
  onOpen: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** The slim tab at the page edge that opens the panel. */
export function PanelHandle({ onOpen, buttonRef }: PanelHandleProps) {
  return (
    <button ref={buttonRef} type="button" class="handle" aria-expanded="false" aria-label={t('panelOpen')} onClick={onOpen}>
      <span aria-hidden="true">{t('panelHeading')}</span>
    </button>
  );
}
