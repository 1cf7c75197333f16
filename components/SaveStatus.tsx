import type { SaveState } from '../utils/autosave';
import { t } from '../utils/i18n';

export interface SaveStatusProps {
  state: SaveState;
}

/** Says "Saved" only once the database has committed the text; read politely by screen readers. */
export function SaveStatus({ state }: SaveStatusProps) {
  const text =
    state.kind === 'saving' || state.kind === 'pending'
      ? t('saveSaving')
      : state.kind === 'saved'
        ? t('saveSaved')
        : state.kind === 'failed'
          ? t('saveFailed', state.message)
          : '';
  return (
    <p class={`save-status save-status--${state.kind}`} role="status" aria-live="polite" data-save-state={state.kind}>
      {text}
    </p>
  );
}
