// Reads a Chromium trace of the call page loading: how long the extension's own scripts ran on the page's main thread,
// and which long tasks they were part of.

/** Trace events that mean script of a given URL running (or being compiled) on the thread. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'FunctionCall', 'v8.run', 'v8.callFunction']);
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
export const LONG_TASK_MS = 50;

/**
 * @typedef {{ name: string, ph: string, ts: number, dur?: number, tdur?: number, pid: number, tid: number,
 *   args?: { data?: { url?: string, isMainFrame?: boolean }, beginData?: { url?: string }, fileName?: string } }} TraceEvent
 */

/** @param {TraceEvent} event */
function urlOf(event) {
  return event.args?.data?.url ?? event.args?.fileName ?? event.args?.beginData?.url ?? '';
}

/**
 * Total length of the union of intervals (nested events counted once).
 * @param {{ start: number, end: number }[]} intervals
 */
function unionLength(intervals) {
  let total = 0;
  let reach = -Infinity;
  for (const { start, end } of [...intervals].sort((a, b) => a.start - b.start)) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

/**
 * Promise continuations (an API's answer arriving, `await`) run as microtasks, which the trace does not tag with a
 * URL. A microtask checkpoint is counted as the extension's when its task also ran extension script, or ran no page
 * script at all (the bench page itself uses no promises, and the no-op floor shows what such checkpoints cost
 * without Attune).
 * @param {TraceEvent[]} events
 * @param {{ pageUrlPart: string }} options `pageUrlPart` identifies the call page's main-frame document
 * `scriptMs` is wall time (the union of the events' spans), `scriptCpuMs` the thread time the trace records for the
 * same events (`tdur`): what the script itself cost the thread, without the time the thread waited for a core.
 * `longTasks` are the tasks with extension script whose thread time reaches `LONG_TASK_MS` (work that held the thread
 * that long); `longTasksWall` those whose wall-clock span does, which on a busy machine also counts time the task spent
 * waiting for a core while other processes ran.
 * @returns {{ scriptMs: number, scriptCpuMs: number, longTasks: number[], longTasksWall: number[],
 *   longestTaskWithScriptMs: number, longestTaskWithScriptCpuMs: number }}
 */
export function extensionScriptOnPage(events, { pageUrlPart }) {
  const parse = events.find((event) => event.name === 'ParseHTML' && urlOf(event).includes(pageUrlPart));
  if (parse === undefined) throw new Error('The trace holds no parse of the call page; it may have failed to load.');
  const onMainThread = events.filter((event) => event.pid === parse.pid && event.tid === parse.tid && event.ph === 'X');
  const within = (/** @type {TraceEvent} */ outer, /** @type {TraceEvent} */ inner) =>
    inner.ts >= outer.ts && inner.ts + (inner.dur ?? 0) <= outer.ts + (outer.dur ?? 0);
  const scripts = onMainThread.filter((event) => SCRIPT_EVENTS.has(event.name) && (event.dur ?? 0) > 0);
  const extensionScript = scripts.filter((event) => urlOf(event).startsWith('chrome-extension://'));
  const pageScript = scripts.filter((event) => /^https?:/.test(urlOf(event)));
  const tasks = onMainThread.filter((event) => TASK_EVENTS.has(event.name) && event.name !== 'ThreadControllerImpl::RunTask');
  const microtasks = onMainThread.filter((event) => event.name === 'RunMicrotasks' && (event.dur ?? 0) > 0);

  /** @type {TraceEvent[]} */
  const attributed = [...extensionScript];
  /** @type {TraceEvent[]} */
  const tasksWithScript = [];
  for (const task of tasks) {
    const ranExtension = extensionScript.some((event) => within(task, event));
    const ranPage = pageScript.some((event) => within(task, event));
    const checkpoints = ranExtension || !ranPage ? microtasks.filter((event) => within(task, event)) : [];
    attributed.push(...checkpoints);
    if (ranExtension || checkpoints.length > 0) tasksWithScript.push(task);
  }
  const intervals = attributed.map((event) => ({ start: event.ts, end: event.ts + (event.dur ?? 0) }));
  // Thread time of the outermost attributed events only: nested ones are inside their parent's.
  const outermost = attributed.filter(
    (event) => !attributed.some((other) => other !== event && within(other, event) && (other.dur ?? 0) > (event.dur ?? 0)),
  );
  const wallMs = tasksWithScript.map((task) => (task.dur ?? 0) / 1000);
  const threadMs = tasksWithScript.map((task) => (task.tdur ?? task.dur ?? 0) / 1000);
  return {
    scriptMs: unionLength(intervals) / 1000,
    scriptCpuMs: outermost.reduce((sum, event) => sum + (event.tdur ?? event.dur ?? 0), 0) / 1000,
    longTasks: threadMs.filter((ms) => ms >= LONG_TASK_MS),
    longTasksWall: wallMs.filter((ms) => ms >= LONG_TASK_MS),
    longestTaskWithScriptMs: Math.max(0, ...wallMs),
    longestTaskWithScriptCpuMs: Math.max(0, ...threadMs),
  };
}

/** Blink's check of where each embedded frame is and whether anything covers it, run with the page's frame updates. */
export const FRAME_CHECK_EVENT = 'LocalFrameView::UpdateViewportIntersectionsForSubtree';

/**
 * What ran on the call page's main thread during a trace of a call in progress, in thread time: every task, the
 * extension's own script (outermost events with its URL), and the page's checks of its embedded frames' position and
 * visibility (`FRAME_CHECK_EVENT`: the panel frame is checked on every frame the page draws, and more thoroughly while
 * the panel asks whether anything covers it, utils/cover-guard.ts).
 * @param {TraceEvent[]} events
 * @param {{ pageUrlPart: string }} options `pageUrlPart` identifies the call page's own script
 * @returns {{ taskMs: number, extensionScriptMs: number, frameChecksMs: number }}
 */
export function callPageThreadTime(events, { pageUrlPart }) {
  const pageScript = events.find((event) => SCRIPT_EVENTS.has(event.name) && urlOf(event).includes(pageUrlPart));
  if (pageScript === undefined) throw new Error('The trace holds no script of the call page; was the page running?');
  const onMainThread = events.filter((event) => event.pid === pageScript.pid && event.tid === pageScript.tid && event.ph === 'X');
  const within = (/** @type {TraceEvent} */ outer, /** @type {TraceEvent} */ inner) =>
    inner !== outer && inner.ts >= outer.ts && inner.ts + (inner.dur ?? 0) <= outer.ts + (outer.dur ?? 0);
  const threadMs = (/** @type {TraceEvent[]} */ list) => list.reduce((sum, event) => sum + (event.tdur ?? event.dur ?? 0), 0) / 1000;
  const outermostOf = (/** @type {TraceEvent[]} */ list) => list.filter((event) => !list.some((other) => within(other, event)));
  const extensionScript = onMainThread.filter((event) => SCRIPT_EVENTS.has(event.name) && urlOf(event).startsWith('chrome-extension://'));
  return {
    taskMs: threadMs(onMainThread.filter((event) => event.name === 'RunTask')),
    extensionScriptMs: threadMs(outermostOf(extensionScript)),
    frameChecksMs: threadMs(outermostOf(onMainThread.filter((event) => event.name === FRAME_CHECK_EVENT))),
  };
}
