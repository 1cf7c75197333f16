/**
 * Resolves once the document has painted its next frame, or at once while the page is hidden: a hidden page paints
 * nothing and runs no animation frames, so waiting for one would wait until the clinician came back to the tab (a call
 * page loaded or reloaded in a background tab).
 */
export function afterNextPaint(document: Document): Promise<void> {
  return new Promise((resolve) => {
    const view = document.defaultView;
    if (view === null || document.visibilityState === 'hidden') {
      resolve();
      return;
    }
    const done = () => {
      document.removeEventListener('visibilitychange', onHidden);
      resolve();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') done();
    };
    document.addEventListener('visibilitychange', onHidden);
    // The frame callback runs before the paint; the task after it, once the paint is done.
    view.requestAnimationFrame(() => view.setTimeout(done, 0));
  });
}
