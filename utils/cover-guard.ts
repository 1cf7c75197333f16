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
 * While a frame asks whether it is covered, the call page works out the frame's occlusion on every frame it draws
 * (whatever the observer's `delay`): on a busy call page about 3 ms of its main thread per second (README,
 * Performance). So the guard asks only while a click could come:
 * - only while the panel is open (`watch`): collapsed, the frame is only the handle, whose click merely opens it;
 * - once the browser has said the panel is visible, only while the pointer is over the panel and moving or pressing.
 *   When it rests for `POINTER_REST_MS` or leaves the frame, the guard stops asking and keeps the last report; the
 *   pointer's next event over the panel asks again, and the answer comes within about a frame (8–20 ms measured),
 *   before a person's press becomes a click. While covered, or before the first report, it never stops asking.
 * From the moment the panel opens until the browser's first report, pointer input is held back too, without a notice:
 * nothing is known yet either way.
 */

/** The pointer's stillness over the panel after which the guard stops asking about covers (see above). */
export const POINTER_REST_MS = 2000;

/** What says the pointer is over the panel and may be about to click. */
const POINTER_ACTIVITY = ['pointerover', 'pointermove', 'pointerdown'];
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
  // Whether the browser is being asked now (the observer observes the sentinel).
  let asking = false;
  // Whether the pointer moved or pressed over the panel within the last POINTER_REST_MS.
  let pointerActive = false;
  let restTimer: number | undefined;
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
  if (view === null || typeof view.IntersectionObserver !== 'function' || entryType === undefined || !('isVisible' in entryType.prototype)) {
    return { covered: false, watch: () => undefined, stop: () => undefined };
  }

  const init: VisibilityInit = { threshold: [0, 1], trackVisibility: true, delay: 100 };
  const observer = new view.IntersectionObserver((entries) => {
    for (const entry of entries) {
      const isVisible: unknown = Reflect.get(entry, 'isVisible');
      if (typeof isVisible !== 'boolean' || !asking) continue;
      const wasCovered = visible === false;
      visible = isVisible;
      if (wasCovered && visible) onUncovered();
    }
    settle();
  }, init);
  const ask = (on: boolean) => {
    if (on === asking) return;
    asking = on;
    if (on) observer.observe(sentinel);
    else observer.unobserve(sentinel);
  };
  // Stops asking once the panel is known to be visible and the pointer is not about to click.
  const settle = () => {
    if (visible === true && !pointerActive) ask(false);
  };
  const pointerHere = () => {
    if (!watching) return;
    pointerActive = true;
    ask(true);
    view.clearTimeout(restTimer);
    restTimer = view.setTimeout(() => {
      pointerActive = false;
      settle();
    }, POINTER_REST_MS);
  };
  const pointerGone = (event: Event) => {
    if ((event as PointerEvent).relatedTarget !== null) return;
    view.clearTimeout(restTimer);
    pointerActive = false;
    settle();
  };

  document.documentElement.append(sentinel);
  // The pointer's own events, before the refusal sees them: a press after a rest asks the browser at once.
  for (const type of POINTER_ACTIVITY) document.addEventListener(type, pointerHere, true);
  document.addEventListener('pointerout', pointerGone, true);
  for (const type of POINTER_EVENTS) document.addEventListener(type, refuse, true);

  const watch = (on: boolean) => {
    if (on === watching) return;
    const wasCovered = visible === false;
    watching = on;
    visible = undefined;
    pointerActive = false;
    view.clearTimeout(restTimer);
    ask(on);
    if (!on && wasCovered) onUncovered();
  };
  watch(watchingAtStart);

  return {
    get covered() {
      return covered();
    },
    watch,
    stop() {
      watching = false;
      view.clearTimeout(restTimer);
      observer.disconnect();
      sentinel.remove();
      for (const type of POINTER_ACTIVITY) document.removeEventListener(type, pointerHere, true);
      document.removeEventListener('pointerout', pointerGone, true);
      for (const type of POINTER_EVENTS) document.removeEventListener(type, refuse, true);
    },
  };
}
