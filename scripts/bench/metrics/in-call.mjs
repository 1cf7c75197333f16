// A call in progress, side by side: in each of `windows` windows of `windowSeconds` seconds the three browsers hold
// the busy call page open at the same time (Attune with its panel open and a visit running), so whatever else loads
// the machine loads all three alike, and each window's figure is differenced within the window. The bench reads the
// main thread's busy time per second, layout shifts and long tasks; Attune's extension process memory at the end.
import { openCallPage, performanceTotals, readProbe, sleep } from '../call-page.mjs';
import { cpuBetween, pageRenderersCpu } from '../cpu.mjs';
import { extensionProcessMemory } from '../memory.mjs';
import { startVisitInPanel } from '../panel-driver.mjs';
import { fromSamples, notMeasured } from './result.mjs';

const SETTLE_MS = 2000;

/** @type {import('./result.mjs').MetricGroup} */
export const inCallGroup = {
  id: 'inCall',
  title: 'During a call',
  metrics: [
    {
      id: 'mainThreadPerSecondInCall',
      label: 'Main-thread time added during a call',
      unit: 'ms/s',
      stat: 'median',
      budget: 2,
      decimals: 2,
      help: 'TaskDuration (thread time) per second over each window, minus the no-extension browser\u2019s in the same window.',
    },
    {
      id: 'mainThreadCpuPerSecondInCall',
      label: 'Main-thread CPU added during a call (/proc)',
      unit: 'ms/s',
      stat: 'median',
      decimals: 2,
      help: 'The same windows as scheduler CPU time of the page renderer\u2019s main thread.',
    },
    {
      id: 'layoutShiftInCall',
      label: 'Layout shift during a call (page)',
      unit: '',
      stat: 'max',
      budget: 0,
      decimals: 4,
      help: 'Layout-shift entries on the page during the window; worst window.',
    },
    {
      id: 'longTasksInCallAdded',
      label: 'Long tasks per window, added',
      unit: 'count',
      stat: 'median',
      decimals: 1,
      help: 'PerformanceObserver long tasks on the page per window, minus the no-extension browser\u2019s in the same window.',
    },
    {
      id: 'extensionProcessMemory',
      label: 'Extension process memory (PSS)',
      unit: 'MB',
      stat: 'median',
      decimals: 1,
      help: 'Attune\u2019s extension process (panel frame, service worker) from /proc smaps_rollup.',
    },
  ],
  async measure(bench) {
    const { none, floor, attune } = bench.browsers;
    /** @returns {{ perSecond: number[], cpuPerSecond: number[], shift: number[], longTasks: number[] }} */
    const noSamples = () => ({ perSecond: [], cpuPerSecond: [], shift: [], longTasks: [] });
    const samples = { none: noSamples(), floor: noSamples(), attune: noSamples() };
    /** @type {number[]} */
    const memory = [];
    let memoryUnavailable = '';
    for (let round = 0; round < bench.windows; round += 1) {
      const pages = await Promise.all(
        [none, floor, attune].map(async (browser) => {
          const callPage = await openCallPage(browser);
          if (browser.name === 'attune') await startVisitInPanel(callPage.page, `Bench ${round + 1}`);
          return { browser, ...callPage };
        }),
      );
      await sleep(SETTLE_MS);
      const read = () =>
        Promise.all(
          pages.map(async ({ cdp, page, browser }) => ({
            totals: await performanceTotals(cdp),
            probe: await readProbe(page),
            cpu: await pageRenderersCpu(browser.userDataDir),
          })),
        );
      const before = await read();
      await sleep(bench.windowSeconds * 1000);
      const after = await read();
      const reading = await extensionProcessMemory(attune.userDataDir);
      if ('pssMB' in reading) memory.push(reading.pssMB);
      else memoryUnavailable = reading.unavailable;
      pages.forEach(({ browser }, index) => {
        const [start, end] = [before[index], after[index]];
        const into = samples[browser.name];
        if (start === undefined || end === undefined) return;
        const seconds = ((end.totals.Timestamp ?? 0) - (start.totals.Timestamp ?? 0)) / 1000;
        into.perSecond.push(((end.totals.TaskDuration ?? 0) - (start.totals.TaskDuration ?? 0)) / seconds);
        into.cpuPerSecond.push(cpuBetween(start.cpu, end.cpu) / seconds);
        // Shifts in the window only: opening the panel is the clinician's own click, which the page cannot see as input.
        into.shift.push(end.probe.layoutShift - start.probe.layoutShift);
        into.longTasks.push(end.probe.longTasks.length - start.probe.longTasks.length);
      });
      await Promise.all(pages.map(({ page }) => page.close()));
      bench.log(`in-call window ${round + 1}/${bench.windows}`);
    }
    const [n, f, a] = [samples.none, samples.floor, samples.attune];
    const windowByWindow = (/** @type {number[]} */ values, /** @type {number[]} */ baseline) =>
      values.map((value, index) => value - (baseline[index] ?? NaN));
    return {
      mainThreadPerSecondInCall: fromSamples(windowByWindow(a.perSecond, n.perSecond), 'median', {
        floorSamples: windowByWindow(f.perSecond, n.perSecond),
        detail: `no extension busy ${fromSamples(n.perSecond, 'median').value.toFixed(1)} ms/s`,
      }),
      mainThreadCpuPerSecondInCall:
        a.cpuPerSecond.some((value) => value !== 0)
          ? fromSamples(windowByWindow(a.cpuPerSecond, n.cpuPerSecond), 'median', {
              floorSamples: windowByWindow(f.cpuPerSecond, n.cpuPerSecond),
              detail: `no extension ${fromSamples(n.cpuPerSecond, 'median').value.toFixed(1)} ms/s on the CPU`,
            })
          : notMeasured('needs Linux /proc schedstat'),
      layoutShiftInCall: fromSamples(a.shift, 'max', { floorSamples: f.shift, detail: `no extension: ${Math.max(...n.shift).toFixed(4)}` }),
      longTasksInCallAdded: fromSamples(windowByWindow(a.longTasks, n.longTasks), 'median', {
        floorSamples: windowByWindow(f.longTasks, n.longTasks),
        detail: `no extension: ${fromSamples(n.longTasks, 'median').value} per window`,
      }),
      extensionProcessMemory:
        memory.length > 0 ? fromSamples(memory, 'median') : notMeasured(memoryUnavailable || 'no reading was taken'),
    };
  },
};
