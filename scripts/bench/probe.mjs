// What the bench observes from inside the pages, installed as an init script in every frame of every browser (so the
// three browsers carry the same observer cost). On the call page: layout shifts and long tasks. In Attune's own pages
// (chrome-extension://): when the handle, the panel's first control, a visit row and each save status first appear.
// Times are epoch milliseconds (timeOrigin + now), comparable across the page's and the frame's processes.

export function installBenchProbe() {
  const now = () => performance.timeOrigin + performance.now();
  /** @type {{ layoutShift: number, shifts: number, longTasks: number[], marks: Record<string, number>, saves: { state: string, at: number }[] }} */
  const probe = { layoutShift: 0, shifts: 0, longTasks: [], marks: {}, saves: [] };
  Object.defineProperty(window, '__attuneBench', { value: probe });

  if (location.protocol !== 'chrome-extension:') {
    const observe = (/** @type {string} */ type, /** @type {(entry: PerformanceEntry) => void} */ record) => {
      try {
        new PerformanceObserver((list) => list.getEntries().forEach(record)).observe({ type, buffered: true });
      } catch {
        // An entry type this browser does not report stays at zero.
      }
    };
    observe('layout-shift', (entry) => {
      const shift = /** @type {PerformanceEntry & { value: number, hadRecentInput: boolean }} */ (entry);
      if (shift.hadRecentInput) return;
      probe.layoutShift += shift.value;
      probe.shifts += 1;
    });
    observe('longtask', (entry) => probe.longTasks.push(entry.duration));
    return;
  }

  /**
   * The first time each selector matches, recorded at the next animation frame (when it is painted). A driver that
   * deletes a mark has it recorded again the next time the selector matches (e.g. the check-in prompt, once per sample).
   */
  const firsts = {
    handle: 'button.handle',
    panelInteractive: '#client-alias, #visit-notes',
    visitRow: '.visit-row',
    checkInPrompt: '.checkin-prompt button',
  };
  let lastSave = '';
  // A panel collapsed after it was open keeps its content, hidden: only what can be seen counts.
  const shown = (/** @type {string} */ selector) =>
    [...document.querySelectorAll(selector)].some((element) => element.checkVisibility?.() ?? true);
  const check = () => {
    for (const [mark, selector] of Object.entries(firsts)) {
      if (probe.marks[mark] === undefined && shown(selector)) {
        probe.marks[mark] = -1;
        requestAnimationFrame(() => (probe.marks[mark] = now()));
      }
    }
    const state = document.querySelector('[data-save-state]')?.getAttribute('data-save-state') ?? '';
    if (state !== lastSave) {
      lastSave = state;
      probe.saves.push({ state, at: now() });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-save-state', 'hidden'] });
}
