import { useEffect, useRef, useState } from 'preact/hooks';
import { listenForPanelFocus } from '../../utils/panel-focus';
import { movedHandleOffset } from '../../utils/panel-layout';
import { rememberedExpanded, rememberedHandleOffset, setHandleOffset, setPanelExpanded } from '../../utils/panel-link';

type FocusTarget = 'panel' | 'handle' | 'none';

export interface PanelLayout {
  expanded: boolean;
  /** Opens or collapses the panel (remembered for next time) and, when the clinician asked for it, moves focus. */
  toggle(open: boolean, focus?: FocusTarget): void;
  /** Esc inside the panel: collapse it and give the keyboard back to the call page. */
  onPanelKeyDown(event: KeyboardEvent): void;
  moveHandle(move: { by: number } | { to: number }): void;
  handleRef: { current: HTMLButtonElement | null };
  panelRef: { current: HTMLElement | null };
}

/**
 * The panel's open/collapsed state, the handle's place along the edge and where focus goes. Focus moves only when the
 * clinician opens or collapses the panel themselves (click, key or the open-panel shortcut), never on load.
 * `openOnStart`: the clinician clicked the handle before the full panel had loaded. `startExpanded`: the frame was
 * sized open from the clinician's last choice, so the panel is open from its first render (focus stays where it is).
 */
export function usePanelLayout(onError: (error: unknown) => void, openOnStart = false, startExpanded = false): PanelLayout {
  const [expanded, setExpanded] = useState(startExpanded);
  const [focusRequest, setFocusRequest] = useState<FocusTarget>('none');
  const handleOffset = useRef(0.5);
  const handleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (focusRequest === 'none') return;
    (focusRequest === 'panel' ? panelRef : handleRef).current?.focus();
    setFocusRequest('none');
  }, [expanded, focusRequest]);

  const toggle = (open: boolean, focus: FocusTarget = 'none') => {
    setFocusRequest(focus);
    setExpanded(open);
    void setPanelExpanded(open).catch(onError);
  };

  useEffect(() => {
    // Clicked while the panel was still loading: open it, with focus, as the click asked.
    if (openOnStart) toggle(true, 'panel');
    // `startExpanded` came from the frame's address; the stored choice is the truth if it changed since.
    else void rememberedExpanded().then((open) => (open ? toggle(true) : startExpanded && setExpanded(false)));
    void rememberedHandleOffset().then((offset) => (handleOffset.current = offset));
    // The open-panel shortcut: open (if collapsed) and move focus into the panel.
    return listenForPanelFocus(() => toggle(true, 'panel'));
  }, []);

  return {
    expanded,
    toggle,
    onPanelKeyDown: (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      toggle(false);
      // The frame lets go of focus and hands it to the page that hosts it.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      window.parent.focus();
    },
    moveHandle: (move) => {
      const offset = 'to' in move ? move.to : movedHandleOffset(handleOffset.current, move.by);
      handleOffset.current = offset;
      void setHandleOffset(offset).catch(onError);
    },
    handleRef,
    panelRef,
  };
}
