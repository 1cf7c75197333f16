// The call page loading in the three browsers, in turn, `runs` times (plus one unmeasured warm-up each): main-thread
// time by a fixed moment after navigation, the page's JS heap after GC, layout shift, and when Attune's handle shows.
import { heapAfterGc, openCallPage, openFramedFloor, pageTimes, panelFrame, performanceTotals, probeMark, readProbe, rotated, sleep } from '../call-page.mjs';
import { cpuBetween, pageRenderersCpu } from '../cpu.mjs';
import { addedOver, fromSamples, notMeasured } from './result.mjs';

/** Every load is measured at the same moment after navigation, long enough for Attune's frame to have loaded. */
export const LOAD_WINDOW_MS = 2500;
const MB = 1024 * 1024;

/** @type {import('./result.mjs').MetricGroup} */
export const loadGroup = {
  id: 'load',
  title: 'Page load',
  metrics: [
    {
      id: 'mainThreadAddedAtLoad',
      label: 'Main-thread time added at load',
      unit: 'ms',
      stat: 'median',
      budget: 15,
      help: `Renderer main-thread TaskDuration (thread time) ${LOAD_WINDOW_MS} ms after navigation, minus the no-extension median.`,
    },
    {
      id: 'mainThreadCpuAddedAtLoad',
      label: 'Main-thread CPU added at load (/proc)',
      unit: 'ms',
      stat: 'median',
      help: 'The same window as scheduler CPU time of the page renderer\u2019s main thread, which waiting for a CPU does not inflate.',
    },
    {
      id: 'heapAdded',
      label: 'Page JS heap added (after GC)',
      unit: 'MB',
      stat: 'median',
      budget: 0.5,
      decimals: 3,
      help: 'Runtime.getHeapUsage after HeapProfiler.collectGarbage, minus the no-extension median.',
    },
    {
      id: 'layoutShiftAtLoad',
      label: 'Layout shift at load (page)',
      unit: '',
      stat: 'max',
      budget: 0,
      decimals: 4,
      help: 'Sum of layout-shift entries on the call page; worst run.',
    },
    {
      id: 'handleVisible',
      label: 'Handle visible after DOMContentLoaded',
      unit: 'ms',
      stat: 'median',
      budget: 150,
      help:
        'The handle painted in the panel frame, from the page\u2019s DOMContentLoaded. Floor: the no-op extension\u2019s ' +
        'page, framed on the call page at DOMContentLoaded, to its one row painted.',
    },
  ],
  async measure(bench) {
    const { none, floor, attune } = bench.browsers;
    /** @type {Record<string, { task: number[], cpu: number[], script: number[], layout: number[], style: number[], heap: number[], shift: number[] }>} */
    const samples = {};
    /** @type {number[]} */
    const handle = [];
    // Any extension frame's first screen, taken in the same runs; the panel group uses it too (`bench.shared`).
    /** @type {{ fromNavigation: number[], afterDomContentLoaded: number[] }} */
    const framedFloor = { fromNavigation: [], afterDomContentLoaded: [] };
    for (let run = 0; run <= bench.runs; run += 1) {
      for (const browser of rotated([none, floor, attune], run)) {
        const cpuBefore = await pageRenderersCpu(browser.userDataDir);
        const { page, cdp, navigatedAt } = await openCallPage(browser);
        const shownAt = browser.name === 'attune' ? await probeMark(await panelFrame(page), 'handle') : undefined;
        await sleep(navigatedAt + LOAD_WINDOW_MS - Date.now());
        const totals = await performanceTotals(cdp);
        const cpu = cpuBetween(cpuBefore, await pageRenderersCpu(browser.userDataDir));
        const heap = await heapAfterGc(cdp);
        const probe = await readProbe(page);
        const handleAfterDcl = shownAt === undefined ? undefined : shownAt - (await pageTimes(page)).domContentLoaded;
        await page.close();
        if (run === 0) continue;
        const into = (samples[browser.name] ??= { task: [], cpu: [], script: [], layout: [], style: [], heap: [], shift: [] });
        into.task.push(totals.TaskDuration ?? NaN);
        if (cpu > 0) into.cpu.push(cpu);
        into.script.push(totals.ScriptDuration ?? NaN);
        into.layout.push(totals.LayoutDuration ?? NaN);
        into.style.push(totals.RecalcStyleDuration ?? NaN);
        into.heap.push(heap / MB);
        into.shift.push(probe.layoutShift);
        if (handleAfterDcl !== undefined) handle.push(handleAfterDcl);
      }
      const framed = await openFramedFloor(floor);
      await framed.page.close();
      if (run > 0) {
        framedFloor.fromNavigation.push(framed.fromNavigation);
        framedFloor.afterDomContentLoaded.push(framed.afterDomContentLoaded);
      }
      bench.log(`load run ${run}/${bench.runs}${run === 0 ? ' (warm-up)' : ''}`);
    }
    bench.shared.framedFloor = framedFloor;
    const [n, f, a] = [samples.none, samples.floor, samples.attune];
    if (n === undefined || f === undefined || a === undefined) throw new Error('No load samples were taken.');
    const added = (/** @type {'task' | 'script' | 'layout' | 'style'} */ key) =>
      fromSamples(addedOver(a[key], n[key]), 'median').value.toFixed(1);
    return {
      mainThreadAddedAtLoad: fromSamples(addedOver(a.task, n.task), 'median', {
        floorSamples: addedOver(f.task, n.task),
        detail: `of which script ${added('script')} ms, layout ${added('layout')} ms, style ${added('style')} ms`,
      }),
      mainThreadCpuAddedAtLoad:
        a.cpu.length > 0 && n.cpu.length > 0
          ? fromSamples(addedOver(a.cpu, n.cpu), 'median', { floorSamples: addedOver(f.cpu, n.cpu) })
          : notMeasured('needs Linux /proc schedstat'),
      heapAdded: fromSamples(addedOver(a.heap, n.heap), 'median', { floorSamples: addedOver(f.heap, n.heap) }),
      layoutShiftAtLoad: fromSamples(a.shift, 'max', {
        floorSamples: f.shift,
        detail: `no extension: ${Math.max(...n.shift).toFixed(4)}`,
      }),
      handleVisible: fromSamples(handle, 'median', { floorSamples: framedFloor.afterDomContentLoaded }),
    };
  },
};
