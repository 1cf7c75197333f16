import type { CheckInPrompt as Prompt } from '../utils/checkin/timing';
import { t } from '../utils/i18n';

export interface CheckInPromptProps {
  prompt: Exclude<Prompt, { kind: 'none' }>;
  /** A check-in with some answers already exists. */
  started: boolean;
  onStart: () => void;
  onPostpone: () => void;
}

/** A gentle, non-modal invitation to do the check-in, announced politely; it never takes focus and can be postponed. */
export function CheckInPrompt({ prompt, started, onStart, onPostpone }: CheckInPromptProps) {
  return (
    <div class="checkin-prompt" data-prompt={prompt.kind}>
      <p>{prompt.kind === 'before-end' ? t('checkInPromptBeforeEnd', String(prompt.minutesLeft)) : t('checkInPromptAfterEnd')}</p>
      <div class="row">
        <button type="button" class="primary" onClick={onStart}>
          {started ? t('checkInResume') : t('checkInStart')}
        </button>
        <button type="button" onClick={onPostpone}>
          {t('checkInPostpone')}
        </button>
      </div>
    </div>
  );
}
