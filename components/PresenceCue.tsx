import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n';

export interface PresenceCueProps {
  text: string;
  /** How long the cue stays before it fades away on its own. */
  visibleMs: number;
  onAcknowledge: () => void;
  onSnooze: () => void;
  onExpire: () => void;
}

/** Once the clinician has moved the pointer or focus out of a held cue, it stays this long before it goes. */
const AFTER_HOLD_MS = 5_000;

/**
 * A small, quiet cue in the panel: never modal, never takes focus, fades on its own (without animation when reduced
 * motion is preferred). It waits while the pointer or keyboard focus is on it, so nobody loses it mid-read.
 */
export function PresenceCue({ text, visibleMs, onAcknowledge, onSnooze, onExpire }: PresenceCueProps) {
  const [held, setHeld] = useState(false);
  const [wasHeld, setWasHeld] = useState(false);
  useEffect(() => {
    if (held) return undefined;
    const timer = setTimeout(onExpire, wasHeld ? AFTER_HOLD_MS : visibleMs);
    return () => clearTimeout(timer);
  }, [held, wasHeld, visibleMs]);

  const hold = () => {
    setHeld(true);
    setWasHeld(true);
  };
  const release = (event: FocusEvent | MouseEvent) => {
    const next = event instanceof FocusEvent ? event.relatedTarget : null;
    if (!(next instanceof Node && event.currentTarget instanceof Node && event.currentTarget.contains(next))) setHeld(false);
  };

  return (
    <aside
      class={held ? 'presence-cue presence-cue--held' : 'presence-cue'}
      style={{ '--presence-cue-visible': `${visibleMs}ms` }}
      aria-label={t('presenceCueLabel')}
      onMouseEnter={hold}
      onMouseLeave={release}
      onFocusIn={hold}
      onFocusOut={release}
    >
      <p>{text}</p>
      <div class="presence-cue-actions">
        <button type="button" onClick={onAcknowledge}>
          {t('presenceCueAcknowledge')}
        </button>
        <button type="button" class="link" onClick={onSnooze}>
          {t('presenceCueSnooze')}
        </button>
      </div>
    </aside>
  );
}
