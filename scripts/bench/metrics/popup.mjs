// The toolbar popup's first screen with years of history: from navigation to the first visit row painted, on the
// 10,000-visit database the runner seeds into Attune's profile (tests/support/seed.mjs). Opened as a tab: headless
// Chromium cannot open the toolbar popup itself, and the page, its code and its database reads are the same.
// The floor is the no-op extension's page that draws one row from one small script: what any extension page costs here.
import { probeMark, rotated } from '../call-page.mjs';
import { fromSamples, notMeasured } from './result.mjs';

/** @type {import('./result.mjs').MetricGroup} */
export const popupGroup = {
  id: 'popup',
  title: 'Popup',
  metrics: [
    {
      id: 'popupFirstScreen',
      label: 'Popup first screen at 10,000 visits',
      unit: 'ms',
      stat: 'p95',
      budget: 100,
      help: 'Navigation start to the first visit row painted; floor: an extension page drawing one row from one small script.',
    },
  ],
  async measure(bench) {
    const { floor, attune } = bench.browsers;
    const seeded = /** @type {{ visits: number } | undefined} */ (bench.shared.seeded);
    if (seeded === undefined) return { popupFirstScreen: notMeasured('the 10,000-visit history was not seeded') };
    /** @type {Record<'floor' | 'attune', number[]>} */
    const firstScreen = { floor: [], attune: [] };
    /** @type {number[]} */
    const domContentLoaded = [];
    for (let run = 0; run <= bench.runs; run += 1) {
      for (const browser of rotated([floor, attune], run)) {
        const page = await browser.context.newPage();
        await page.goto(`chrome-extension://${browser.extensionId}/${browser === attune ? 'popup' : 'page'}.html`);
        const shownAt = await probeMark(page, 'visitRow');
        const { origin, loaded } = await page.evaluate(() => ({
          origin: performance.timeOrigin,
          loaded: /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0])?.domContentLoadedEventEnd ?? NaN,
        }));
        await page.close();
        if (run === 0) continue;
        firstScreen[browser === attune ? 'attune' : 'floor'].push(shownAt - origin);
        if (browser === attune) domContentLoaded.push(loaded);
      }
    }
    bench.log(`popup: ${bench.runs} runs`);
    return {
      popupFirstScreen: fromSamples(firstScreen.attune, 'p95', {
        floorSamples: firstScreen.floor,
        detail:
          `${seeded.visits} visits seeded; median ${fromSamples(firstScreen.attune, 'median').value.toFixed(0)} ms ` +
          `(floor ${fromSamples(firstScreen.floor, 'median').value.toFixed(0)} ms); the page's own ` +
          `DOMContentLoaded (before any data) median ${fromSamples(domContentLoaded, 'median').value.toFixed(0)} ms`,
      }),
    };
  },
};
