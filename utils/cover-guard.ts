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
 *
 * The guard watches only while the panel is open (`watch`). Collapsed, the frame is only the handle, whose click merely
 * opens the panel; and while a frame asks whether it is covered, the call page works out the frame's occlusion on
 * every frame it draws, which on a busy call page cost about 4 ms of its main thread per second (README,
 * Performance). From the moment watching starts until the browser's first report (about one frame: 8–20 ms measured,
 * and accurate from the first), pointer input is held back too, without a notice: nothing is known yet either way.
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
  /** Watches for covers while `on` (the panel is open); not watching, pointer input passes. */
  watch(on: boolean): void;
  stop(): void;
}

/**
 * Watches the frame's viewport through a transparent fixed sentinel, while `watching` (see `watch`). `onIgnored` runs
 * for each click refused because something covers the panel, and `onUncovered` once the panel is visible again after
 * being covered, or no longer watched.
 */
export function guardAgainstCover(
  document: Document,
  { onIgnored, onUncovered }: { onIgnored: () => void; onUncovered: () => void },
  { watching: watchingAtStart = true }: { watching?: boolean } = {},
): CoverGuard {
  let watching = false;
  // The browser's last report since watching began: undefined until the first one.
  let visible: boolean | undefined;
  const view = document.defaultView;
  const sentinel = document.createElement('div');
  sentinel.setAttribute('aria-hidden', 'true');
  // Transparent but fully opaque (v2 counts a target with opacity below 1 as not visible), on top of the panel's own
  // content so nothing in the frame occludes it; its box is the frame's viewport whatever the panel scrolls to.
  sentinel.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:transparent';
  const covered = () => watching && visible !== true;

  const refuse = (event: Event) => {
    if (!covered()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === 'click' && visible === false) onIgnored();
  };

  // Without v2 (no `isVisible` on the entries) there is nothing to watch with.
  const entryType = view?.IntersectionObserverEntry as { prototype: object } | undefined;
  let observer: IntersectionObserver | undefined;
  if (view !== null && typeof view.IntersectionObserver === 'function' && entryType !== undefined && 'isVisible' in entryType.prototype) {
    const init: VisibilityInit = { threshold: [0, 1], trackVisibility: true, delay: 100 };
    observer = new view.IntersectionObserver((entries) => {
      for (const entry of entries) {
        const isVisible: unknown = Reflect.get(entry, 'isVisible');
        if (typeof isVisible !== 'boolean' || !watching) continue;
        const wasCovered = visible === false;
        visible = isVisible;
        if (wasCovered && visible) onUncovered();
      }
    }, init);
    document.documentElement.append(sentinel);
    for (const type of POINTER_EVENTS) document.addEventListener(type, refuse, true);
  }

  const watch = (on: boolean) => {
    if (observer === undefined || on === watching) return;
    const wasCovered = visible === false;
    watching = on;
    visible = undefined;
    if (on) observer.observe(sentinel);
    else {
      observer.unobserve(sentinel);
      if (wasCovered) onUncovered();
    }
  };
  watch(watchingAtStart);

  return {
    get covered() {
      return covered();
    },
    watch,
    stop() {
      watching = false;
      observer?.disconnect();
      sentinel.remove();
      for (const type of POINTER_EVENTS) document.removeEventListener(type, refuse, true);
    },
  };
}
