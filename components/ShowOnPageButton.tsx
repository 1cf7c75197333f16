import { t } from '../utils/i18n';

export interface ShowOnPageButtonProps {
  onShow: () => void;
  /** What happened the last time, announced politely; empty before the first click. */
  result: string;
}

/** "Show Attune on this page": for calls Attune did not recognise by their address (e.g. inside the Teams app). */
export function ShowOnPageButton({ onShow, result }: ShowOnPageButtonProps) {
  return (
    <div class="show-on-page stack">
      <button type="button" class="primary" onClick={onShow}>
        {t('showPanelButton')}
      </button>
      <p class="hint" role="status">
        {result}
      </p>
    </div>
  );
}
