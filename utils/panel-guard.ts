/**
 * Keeps the call page from tampering with the panel's host element: restyling it (to hide it, shrink it, or lay it
 * under a decoy), adding attributes (`hidden`, `inert`, classes), moving it into the page's own markup, or removing it.
 * Cheap by design: one observer on the host's own attributes and one on <html>'s direct children — never the body or a
 * subtree, so the call page's own busy re-rendering costs nothing. Each change is undone at once; a page that keeps at
 * it (MAX_REPAIRS) gets the panel closed instead, with a notice saying why, because a page fighting Attune's panel may
 * be trying to trick the clinician into clicking something they cannot see.
 */
import { PANEL_HOST_TAG } from './panel-frame';

export const MAX_REPAIRS = 5;

export interface PanelGuard {
  /** Attune itself changed the host (opened, collapsed, moved the handle): this is now how it should look. */
  accept(): void;
  stop(): void;
}

export function guardPanelHost(document: Document, host: Element, onGiveUp: () => void): PanelGuard {
  const html = document.documentElement;
  let expectedStyle = host.getAttribute('style');
  let repairs = 0;
  let stopped = false;

  const repair = () => {
    if (stopped) return;
    let tampered = false;
    for (const name of host.getAttributeNames()) {
      if (name !== 'style') {
        host.removeAttribute(name);
        tampered = true;
      }
    }
    if (host.getAttribute('style') !== expectedStyle) {
      if (expectedStyle === null) host.removeAttribute('style');
      else host.setAttribute('style', expectedStyle);
      tampered = true;
    }
    if (host.parentNode !== html) {
      html.append(host);
      tampered = true;
    }
    // Our own repairs queue records too; they must not count as the page's doing.
    attributes.takeRecords();
    children.takeRecords();
    if (!tampered) return;
    repairs += 1;
    if (repairs >= MAX_REPAIRS) {
      stop();
      onGiveUp();
    }
  };

  const attributes = new MutationObserver(repair);
  const children = new MutationObserver((records) => {
    if (records.some((record) => [...record.removedNodes].includes(host))) repair();
  });
  attributes.observe(host, { attributes: true });
  children.observe(html, { childList: true });

  function stop() {
    stopped = true;
    attributes.disconnect();
    children.disconnect();
  }

  return {
    accept() {
      expectedStyle = host.getAttribute('style');
      attributes.takeRecords();
    },
    stop,
  };
}

/** The host element `mountPanelFrame` just appended to <html>, or undefined if the page got in the way. */
export function mountedHost(document: Document): Element | undefined {
  const last = document.documentElement.lastElementChild;
  return last?.localName === PANEL_HOST_TAG ? last : undefined;
}

/** A plain notice in its own closed shadow root: why the panel closed. It holds no clinical data. */
export function showTamperNotice(document: Document, text: string, closeLabel: string): void {
  const host = document.createElement('attune-notice');
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.style.cssText =
    'all:initial;position:fixed;right:8px;top:64px;max-width:320px;padding:12px;background:#fff;color:#1f1f1f;' +
    'font:14px/1.4 system-ui,sans-serif;border:2px solid #b3261e;border-radius:8px;z-index:2147483647';
  const message = document.createElement('p');
  message.style.cssText = 'all:initial;display:block;font:inherit;color:inherit;margin:0 0 8px';
  message.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = closeLabel;
  close.addEventListener('click', () => host.remove());
  box.append(message, close);
  root.append(box);
  document.documentElement.append(host);
}
