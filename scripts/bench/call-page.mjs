// Opening the bench call page in one of the three browsers, and reading what the probe and CDP saw there.

/** The busy call page (tests/fixtures/meet/bench.html), served at a real Meet meeting address. */
export const BENCH_URL = 'https://meet.google.com/abc-defg-hij?attune-bench';

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * @typedef {import('./browsers.mjs').BenchBrowser} BenchBrowser
 * @typedef {{ page: import('@playwright/test').Page, cdp: import('@playwright/test').CDPSession, navigatedAt: number }} CallPage
 */

/**
 * A new tab with a CDP session, navigated to the bench page. `beforeNavigate` runs on the session first (e.g. to start
 * a trace). `navigatedAt` is Node's clock just before navigation, for fixed-length windows.
 * @param {BenchBrowser} browser
 * @param {{ beforeNavigate?: (cdp: import('@playwright/test').CDPSession) => Promise<void> }} [options]
 * @returns {Promise<CallPage>}
 */
export async function openCallPage(browser, options = {}) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  // Durations in the renderer main thread's own time: on a shared machine, wall-clock task durations also count the
  // moments the thread waited for a core or for another process (the GPU, the browser), which can be most of them.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await options.beforeNavigate?.(cdp);
  const navigatedAt = Date.now();
  await page.goto(BENCH_URL, { waitUntil: 'load' });
  return { page, cdp, navigatedAt };
}

/**
 * The floor for an extension frame's first screen: the no-op extension's page (one list row from one small script),
 * framed on the call page at DOMContentLoaded as Attune frames its panel. Returns the page and when that row painted,
 * from navigation start and from DOMContentLoaded. The caller closes the page.
 * @param {BenchBrowser} floor
 */
export async function openFramedFloor(floor) {
  const { page } = await openCallPage(floor, {
    beforeNavigate: async (cdp) => {
      // Scripts added on a session take effect only with the Page domain enabled on it.
      await cdp.send('Page.enable');
      await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: frameOnParsed(`chrome-extension://${floor.extensionId}/page.html`) });
    },
  });
  const frame = await extensionFrame(page, 'page.html');
  const rowAt = await probeMark(frame, 'visitRow');
  const { origin, domContentLoaded } = await pageTimes(page);
  return { page, frame, fromNavigation: rowAt - origin, afterDomContentLoaded: rowAt - domContentLoaded };
}

/**
 * A script for the call page (run in its main world before its own) that frames `url` at the side when the page is
 * parsed, as Attune's script does its panel.
 * @param {string} url
 */
function frameOnParsed(url) {
  return `if (window === top) document.addEventListener('DOMContentLoaded', () => {
    const frame = document.createElement('iframe');
    frame.src = ${JSON.stringify(url)};
    frame.style.cssText = 'position:fixed;top:0;right:0;width:360px;height:100vh;border:0;z-index:2147483647';
    document.documentElement.append(frame);
  });`;
}

/**
 * Chromium's running totals for the page's renderer main thread, in milliseconds (sizes in bytes); durations are thread
 * time (see `openCallPage`).
 * @param {import('@playwright/test').CDPSession} cdp
 * @returns {Promise<Record<string, number>>}
 */
export async function performanceTotals(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  /** @type {Record<string, number>} */
  const totals = {};
  for (const { name, value } of metrics) totals[name] = /Duration$|^Timestamp$/.test(name) ? value * 1000 : value;
  return totals;
}

/**
 * The page's JavaScript heap in use after a full garbage collection, in bytes.
 * @param {import('@playwright/test').CDPSession} cdp
 */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * @typedef {{ layoutShift: number, shifts: number, longTasks: number[], marks: Record<string, number>,
 *   saves: { state: string, at: number }[] }} Probe
 * @param {import('@playwright/test').Page | import('@playwright/test').Frame} target
 * @returns {Promise<Probe>}
 */
export async function readProbe(target) {
  const probe = await target.evaluate(() => /** @type {Window & { __attuneBench?: Probe }} */ (window).__attuneBench);
  if (probe === undefined) throw new Error('The bench probe is missing from this page; was it opened in a bench browser?');
  return probe;
}

/**
 * Attune's panel frame on the page, once it exists.
 * @param {import('@playwright/test').Page} page
 * @param {number} [timeoutMs]
 */
export function panelFrame(page, timeoutMs = 10_000) {
  return extensionFrame(page, 'panel.html', timeoutMs);
}

/**
 * The frame on the page showing an extension's `file`, once it exists.
 * @param {import('@playwright/test').Page} page
 * @param {string} file
 * @param {number} [timeoutMs]
 */
export async function extensionFrame(page, file, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith('chrome-extension://') && new URL(candidate.url()).pathname === `/${file}`);
    if (frame !== undefined) return frame;
    if (Date.now() > deadline) throw new Error(`The extension frame ${file} did not appear on the bench page.`);
    await sleep(20);
  }
}

/**
 * Waits for a probe mark in a frame and returns it (epoch ms).
 * @param {import('@playwright/test').Frame | import('@playwright/test').Page} target
 * @param {string} mark
 */
export async function probeMark(target, mark) {
  const handle = await target.waitForFunction(
    (name) => {
      const at = /** @type {Window & { __attuneBench?: Probe }} */ (window).__attuneBench?.marks[name];
      return typeof at === 'number' && at > 0 ? at : false;
    },
    mark,
    { timeout: 10_000 },
  );
  return /** @type {number} */ (await handle.jsonValue());
}

/**
 * The page's navigation start and DOMContentLoaded, in epoch ms.
 * @param {import('@playwright/test').Page} page
 */
export function pageTimes(page) {
  return page.evaluate(() => {
    const [navigation] = /** @type {PerformanceNavigationTiming[]} */ (performance.getEntriesByType('navigation'));
    return { origin: performance.timeOrigin, domContentLoaded: performance.timeOrigin + (navigation?.domContentLoadedEventStart ?? NaN) };
  });
}

/**
 * Rotates the order browsers are measured in from run to run, so none is always first after a pause.
 * @template T
 * @param {readonly T[]} list
 * @param {number} run
 */
export function rotated(list, run) {
  const shift = run % list.length;
  return [...list.slice(shift), ...list.slice(0, shift)];
}
