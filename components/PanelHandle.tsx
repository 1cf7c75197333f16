import type { Ref } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from '../utils/i18n';

export interface PanelHandleProps {
  onOpen: () => void;
  /** Moves the handle along the edge by a share of the space it may use (negative is up); `to` sets it outright. */
  onMove: (move: { by: number } | { to: number }) => void;
  /** Reminders waiting in the panel; shown as a quiet dot, and said in the button's name. */
  reminderCount: number;
  /** The check-in is due: the dot shows, the name says so, and it is announced politely, without taking focus. */
  checkInDue?: boolean;
  /** A presence cue is waiting in the panel: the dot shows and the name says so. */
  cueWaiting?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
}

const KEY_STEP = 0.05;
// Past this many pixels a press on the handle is a drag, not a click.
const DRAG_THRESHOLD_PX = 4;

/** The slim tab at the page edge that opens the panel. Arrow keys (or dragging) move it up and down the edge. */
export function PanelHandle({ onOpen, onMove, reminderCount, checkInDue = false, cueWaiting = false, buttonRef }: PanelHandleProps) {
  const drag = useRef<{ startY: number; lastY: number; moved: boolean }>();

  const onKeyDown = (event: KeyboardEvent) => {
    const move =
      event.key === 'ArrowUp' ? { by: -KEY_STEP } : event.key === 'ArrowDown' ? { by: KEY_STEP } : event.key === 'Home' ? { to: 0 } : event.key === 'End' ? { to: 1 } : undefined;
    if (move === undefined) return;
    event.preventDefault();
    onMove(move);
  };
  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    if (event.currentTarget instanceof Element) event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.screenY, lastY: event.screenY, moved: false };
  };
  const onPointerMove = (event: PointerEvent) => {
    const state = drag.current;
    if (state === undefined) return;
    if (!state.moved && Math.abs(event.screenY - state.startY) < DRAG_THRESHOLD_PX) return;
    state.moved = true;
    // The frame moves with the handle, so distances are measured on the screen, not inside the frame.
    onMove({ by: (event.screenY - state.lastY) / Math.max(200, screen.availHeight - 300) });
    state.lastY = event.screenY;
  };
  const onClick = () => {
    const dragged = drag.current?.moved === true;
    drag.current = undefined;
    if (!dragged) onOpen();
  };

  // The most pressing thing waiting names the handle; any of them shows the dot.
  const label = checkInDue
    ? t('panelOpenCheckInDue')
    : reminderCount > 0
      ? t('panelOpenWithReminders', String(reminderCount))
      : cueWaiting
        ? t('panelOpenCueWaiting')
        : t('panelOpen');
  const waiting = checkInDue || cueWaiting || reminderCount > 0;
  return (
    <>
    <button
      ref={buttonRef}
      type="button"
      class="handle"
      aria-expanded="false"
      aria-label={label}
      aria-describedby="handle-hint"
      onClick={onClick}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerCancel={() => (drag.current = undefined)}
    >
      <span aria-hidden="true">{t('panelHeading')}</span>
      {waiting && <span class="handle-dot" aria-hidden="true" />}
      <span id="handle-hint" class="visually-hidden">
        {t('panelHandleHint')}
      </span>
    </button>
    <span class="visually-hidden" role="status">
      {checkInDue ? t('checkInDueOnHandle') : ''}
    </span>
    </>
  );
}
