// Traces of the call page loading with the no-op extension and with Attune, in turn: the extension's script time on
// the page (evaluation, compilation and function calls whose URL is the extension's) and long tasks that contain it.
import { openCallPage, rotated, sleep } from '../call-page.mjs';
import { extensionScriptOnPage, LONG_TASK_MS } from '../trace-analysis.mjs';
import { fromSamples } from './result.mjs';

/** @typedef {import('../trace-analysis.mjs').TraceEvent} TraceEvent */

const TRACE_WINDOW_MS = 2000;
// RunTask comes with disabled-by-default-devtools.timeline; 'toplevel' would double the trace for nothing the analysis reads.
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute'];

/** @type {import('./result.mjs').MetricGroup} */
export const traceGroup = {
  id: 'trace',
  title: 'Extension script on the page (trace)',
  metrics: [
    {
      id: 'scriptTimeAtLoad',
      label: 'Extension script time at load',
      unit: 'ms',
      stat: 'median',
      budget: 5,
      decimals: 2,
      help: `Thread (CPU) time of EvaluateScript/compile/FunctionCall events with the extension's URL on the page's main thread, first ${TRACE_WINDOW_MS} ms; their wall-clock span in the details.`,
    },
    {
      id: 'longTasksFromAttune',
      label: `Long tasks (≥${LONG_TASK_MS} ms) containing Attune script`,
      unit: 'count',
      stat: 'max',
      budget: 0,
      decimals: 0,
      help:
        'Main-thread tasks that contain any of the above and held the thread 50 ms or more (thread time); worst run. ' +
        'Tasks whose wall-clock span reached 50 ms, waits for a core included, are counted in the details.',
    },
  ],
  async measure(bench) {
    const { floor, attune } = bench.browsers;
    /** @type {Record<string, { script: number[], cpu: number[], long: number[], longWall: number[], longest: number[], longestCpu: number[] }>} */
    const samples = {};
    for (let run = 0; run <= bench.runs; run += 1) {
      for (const browser of rotated([floor, attune], run)) {
        /** @type {TraceEvent[]} */
        const events = [];
        let finished = Promise.resolve();
        const { page, cdp, navigatedAt } = await openCallPage(browser, {
          beforeNavigate: async (session) => {
            session.on('Tracing.dataCollected', ({ value }) => events.push(.../** @type {TraceEvent[]} */ (/** @type {unknown} */ (value))));
            finished = new Promise((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
            await session.send('Tracing.start', {
              transferMode: 'ReportEvents',
              traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
            });
          },
        });
        await sleep(navigatedAt + TRACE_WINDOW_MS - Date.now());
        await cdp.send('Tracing.end');
        await finished;
        await page.close();
        if (run === 0) continue;
        const found = extensionScriptOnPage(events, { pageUrlPart: 'attune-bench' });
        const into = (samples[browser.name] ??= { script: [], cpu: [], long: [], longWall: [], longest: [], longestCpu: [] });
        into.script.push(found.scriptMs);
        into.cpu.push(found.scriptCpuMs);
        into.long.push(found.longTasks.length);
        into.longWall.push(found.longTasksWall.length);
        into.longest.push(found.longestTaskWithScriptMs);
        into.longestCpu.push(found.longestTaskWithScriptCpuMs);
      }
      bench.log(`trace run ${run}/${bench.runs}${run === 0 ? ' (warm-up)' : ''}`);
    }
    const [f, a] = [samples.floor, samples.attune];
    if (f === undefined || a === undefined) throw new Error('No traces were taken.');
    // The budget reads thread time: on a shared machine, wall time also counts the moments the page's thread waited for
    // a core while other processes ran, which no change to Attune can remove.
    const wall = fromSamples(a.script, 'median');
    return {
      scriptTimeAtLoad: fromSamples(a.cpu, 'median', {
        floorSamples: f.cpu,
        detail: `wall-clock span ${wall.value.toFixed(2)} ms median (${wall.summary?.min.toFixed(2)}–${wall.summary?.max.toFixed(2)})`,
      }),
      longTasksFromAttune: fromSamples(a.long, 'max', {
        detail:
          `longest task containing Attune script: ${fromSamples(a.longest, 'max').value.toFixed(1)} ms wall, ` +
          `${fromSamples(a.longestCpu, 'max').value.toFixed(1)} ms thread time; by wall clock, ` +
          `${a.longWall.filter((count) => count > 0).length} of ${a.longWall.length} loads had one`,
      }),
    };
  },
};
