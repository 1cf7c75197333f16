/**
 * Clickjacking defence inside the panel frame. A call page cannot reach into the frame, but it can lay its own element
 * over it with `pointer-events: none`, so that the clinician's clicks pass through a decoy ("Mute", "Leave call") onto a
 * panel control they cannot see. The page's guard (utils/panel-guard.ts) stops the host being hidden or moved; this
 * stops clicks landing while something covers the panel or distorts it.
 *
 * Chromium's IntersectionObserver v2 (`trackVisibility`) tells a frame whether it is fully visible: not covered by
 * anything of the embedding page, and not made transparent, filtered or transformed by it. While it is not, pointer
 * input is swallowed before any control sees it, and the panel says why. The keyboard still works. Browsers without
 * v2 (Firefox) report nothing, and clicks then pass as before (SECURITY.md lists that gap).
 */

const POINTER_EVENTS = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu'];

/** IntersectionObserver v2 adds these to the options and entries; TypeScript's DOM types do not have them yet. */
interface VisibilityInit extends IntersectionObserverInit {
  trackVisibility: boolean;
  delay: number;
}

export interface CoverGuard {
  /** Whether pointer input is being refused right now. */
  readonly covered: boolean;
  stop(): void;
}

/**
 * Watches the frame's viewport through a transparent fixed sentinel. `onIgnored` runs for each click refused, and
 * `onUncovered` once the panel is visible again after being covered.
 */
export function guardAgainstCover(
  document: Document,
  { onIgnored, onUncovered }: { onIgnored: () => void; onUncovered: () => void },
): CoverGuard {
  let covered = false;
  const view = document.defaultView;
  const sentinel = document.createElement('div');
  sentinel.setAttribute('aria-hidden', 'true');
  // Transparent but fully opaque (v2 counts a target with opacity below 1 as not visible), on top of the panel's own
  // content so nothing in the frame occludes it; its box is the frame's viewport whatever the panel scrolls to.
  sentinel.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:transparent';

  const refuse = (event: Event) => {
    if (!covered) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === 'click') onIgnored();
  };

  let observer: IntersectionObserver | undefined;
  if (view !== null && typeof view.IntersectionObserver === 'function') {
    const init: VisibilityInit = { threshold: [0, 1], trackVisibility: true, delay: 100 };
    observer = new view.IntersectionObserver((entries) => {
      for (const entry of entries) {
        const isVisible: unknown = Reflect.get(entry, 'isVisible');
        if (typeof isVisible !== 'boolean') continue;
        const wasCovered = covered;
        covered = !isVisible;
        if (wasCovered && !covered) onUncovered();
      }
    }, init);
    document.documentElement.append(sentinel);
    observer.observe(sentinel);
    for (const type of POINTER_EVENTS) document.addEventListener(type, refuse, true);
  }

  return {
    get covered() {
      return covered;
    },
    stop() {
      observer?.disconnect();
      sentinel.remove();
      for (const type of POINTER_EVENTS) document.removeEventListener(type, refuse, true);
    },
  };
}
