// A call in progress, traced: what Attune adds to the call page's main thread, by cause. The CDP figure of the
// `inCall` group counts the whole thread and swings by several ms/s between windows on a busy machine; a trace names
// each piece. In each window the no-op floor's page and Attune's, with a visit running and the panel open and then
// collapsed (the order rotates), run alone for a few seconds before `TRACE_MS` of trace.
import { openCallPage, rotated, sleep } from '../call-page.mjs';
import { startVisitInPanel } from '../panel-driver.mjs';
import { callPageThreadTime, FRAME_CHECK_EVENT } from '../trace-analysis.mjs';
import { fromSamples } from './result.mjs';

const SETTLE_MS = 2000;
const TRACE_MS = 6000;
// `blink` carries the frame checks; the rest is what the load trace reads.
const CATEGORIES = ['blink', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute'];

/** @type {import('./result.mjs').MetricGroup} */
export const inCallTraceGroup = {
  id: 'inCallTrace',
  title: 'During a call, by cause (trace)',
  metrics: [
    {
      id: 'scriptPerSecondInCall',
      label: 'Attune script on the page during a call',
      unit: 'ms/s',
      stat: 'median',
      decimals: 2,
      help: `Thread time of script with the extension's URL on the page's main thread, per second of ${TRACE_MS / 1000} s traces.`,
    },
    {
      id: 'frameChecksPerSecondInCall',
      label: 'Embedded-frame checks during a call',
      unit: 'ms/s',
      stat: 'median',
      decimals: 2,
      help: `Thread time of ${FRAME_CHECK_EVENT} per second: the page placing its embedded frames, and telling the panel whether anything covers it.`,
    },
    {
      id: 'frameChecksPerSecondInCallCollapsed',
      label: 'Embedded-frame checks during a call, panel collapsed',
      unit: 'ms/s',
      stat: 'median',
      decimals: 2,
      help: 'As above, with the visit running and the panel collapsed to its handle (the clickjacking guard then does not watch).',
    },
    {
      id: 'tasksPerSecondInCallTrace',
      label: 'Main-thread task time during a call (trace)',
      unit: 'ms/s',
      stat: 'median',
      decimals: 1,
      help: 'Thread time of every task on the page\u2019s main thread per second; windows are taken in turn, not side by side.',
    },
  ],
  async measure(bench) {
    const { floor, attune } = bench.browsers;
    /** @typedef {{ script: number[], checks: number[], tasks: number[] }} Samples */
    /** @type {Record<'floor' | 'open' | 'collapsed', Samples>} */
    const samples = {
      floor: { script: [], checks: [], tasks: [] },
      open: { script: [], checks: [], tasks: [] },
      collapsed: { script: [], checks: [], tasks: [] },
    };
    for (let round = 0; round < bench.windows; round += 1) {
      for (const kind of rotated(/** @type {const} */ (['floor', 'open', 'collapsed']), round)) {
        const { page, cdp } = await openCallPage(kind === 'floor' ? floor : attune);
        if (kind !== 'floor') {
          const frame = await startVisitInPanel(page, `Traced ${round + 1}`);
          if (kind === 'collapsed') await frame.getByRole('button', { name: 'Collapse Attune panel' }).click();
        }
        await sleep(SETTLE_MS);
        /** @type {import('../trace-analysis.mjs').TraceEvent[]} */
        const events = [];
        cdp.on('Tracing.dataCollected', ({ value }) => events.push(.../** @type {import('../trace-analysis.mjs').TraceEvent[]} */ (/** @type {unknown} */ (value))));
        const finished = new Promise((resolve) => cdp.once('Tracing.tracingComplete', () => resolve(undefined)));
        await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] } });
        const startedAt = Date.now();
        await sleep(TRACE_MS);
        await cdp.send('Tracing.end');
        const seconds = (Date.now() - startedAt) / 1000;
        await finished;
        await page.close();
        const found = callPageThreadTime(events, { pageUrlPart: 'attune-bench' });
        samples[kind].script.push(found.extensionScriptMs / seconds);
        samples[kind].checks.push(found.frameChecksMs / seconds);
        samples[kind].tasks.push(found.taskMs / seconds);
      }
      bench.log(`traced call window ${round + 1}/${bench.windows}`);
    }
    const { floor: f, open: a, collapsed: c } = samples;
    const added = (/** @type {number[]} */ checks) =>
      `added over the floor: ${(fromSamples(checks, 'median').value - fromSamples(f.checks, 'median').value).toFixed(2)} ms/s`;
    return {
      scriptPerSecondInCall: fromSamples(a.script, 'median', {
        floorSamples: f.script,
        detail: `panel collapsed: ${fromSamples(c.script, 'median').value.toFixed(2)} ms/s`,
      }),
      frameChecksPerSecondInCall: fromSamples(a.checks, 'median', { floorSamples: f.checks, detail: added(a.checks) }),
      frameChecksPerSecondInCallCollapsed: fromSamples(c.checks, 'median', { floorSamples: f.checks, detail: added(c.checks) }),
      tasksPerSecondInCallTrace: fromSamples(a.tasks, 'median', {
        floorSamples: f.tasks,
        detail: `panel collapsed: ${fromSamples(c.tasks, 'median').value.toFixed(1)} ms/s`,
      }),
    };
  },
};
