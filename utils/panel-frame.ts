/**
 * The in-page host of Attune's panel: an element whose CLOSED shadow root holds an iframe of the extension's own
 * `panel.html`. Everything the clinician types stays inside that extension-origin frame; the call page can see only
 * this empty host element, cannot open its shadow root, and never receives the frame's key events.
 */

export const PANEL_HOST_TAG = 'attune-panel';

/** Frame sizes in CSS pixels. Collapsed, the frame is only the slim handle at the right edge. */
export const PANEL_FRAME_SIZE = {
  collapsed: { width: 28, height: 112 },
  expanded: { width: 336 },
} as const;

// Call controls sit along the bottom of every supported platform; the expanded panel stops well above them.
const EXPANDED_TOP_PX = 64;
const EXPANDED_BOTTOM_CLEARANCE_PX = 112;

export interface PanelFrame {
  setExpanded(expanded: boolean): void;
  /** Moves the collapsed handle along the edge: 0 top … 1 bottom of the band above the call controls. */
  setHandleOffset(offset: number): void;
  remove(): void;
}

export function mountPanelFrame(document: Document, src: string, title: string): PanelFrame {
  const host = document.createElement(PANEL_HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = title;
  // No camera, microphone or other powerful feature is delegated to the panel.
  frame.setAttribute('allow', '');
  frame.style.cssText = 'all:initial;display:block;width:100%;height:100%;border:0;background:transparent;color-scheme:normal';
  root.append(frame);

  let expanded = false;
  let handleOffset = 0.5;
  let placed = '';
  const place = () => {
    const { collapsed } = PANEL_FRAME_SIZE;
    // The handle moves within the same band as the open panel, so wherever it sits it stays above the call controls.
    const band = EXPANDED_TOP_PX + EXPANDED_BOTTOM_CLEARANCE_PX + collapsed.height;
    const box = expanded
      ? `top:${EXPANDED_TOP_PX}px;width:${PANEL_FRAME_SIZE.expanded.width}px;` +
        `height:calc(100vh - ${EXPANDED_TOP_PX + EXPANDED_BOTTOM_CLEARANCE_PX}px)`
      : `top:calc(${EXPANDED_TOP_PX}px + max(0px, 100vh - ${band}px) * ${handleOffset});` +
        `width:${collapsed.width}px;height:${collapsed.height}px`;
    // Inline !important declarations outrank any stylesheet the call page adds.
    const style = `all:initial;position:fixed;right:0;z-index:2147483647;display:block;${box}`
      .split(';')
      .filter(Boolean)
      .map((declaration) => `${declaration} !important`)
      .join(';');
    // Each write makes the call page parse the declarations again and restyle; at load the layout preferences
    // usually repeat what is already there.
    if (style === placed) return;
    placed = style;
    host.setAttribute('style', style);
  };
  place();
  // Appended to <html>, not <body>: call apps re-render their body and may drop nodes they did not create.
  document.documentElement.append(host);

  return {
    setExpanded: (open) => {
      expanded = open;
      place();
    },
    setHandleOffset: (offset) => {
      handleOffset = offset;
      place();
    },
    remove: () => host.remove(),
  };
}
