import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFailures, verdictFor } from '../../scripts/bench/budgets.mjs';
import { makeNoopExtension, unpackedExtensionId } from '../../scripts/bench/browsers.mjs';
import { METRIC_GROUPS } from '../../scripts/bench/metrics/index.mjs';
import { fromSamples } from '../../scripts/bench/metrics/result.mjs';
import { median, percentile } from '../../scripts/bench/stats.mjs';
import { callPageThreadTime, extensionScriptOnPage, FRAME_CHECK_EVENT, type TraceEvent } from '../../scripts/bench/trace-analysis.mjs';

const PAGE = 'https://meet.google.com/abc-defg-hij?attune-bench';
const EXTENSION = 'chrome-extension://abcdefghijklmnop/content-scripts/call.js';

/** A trace event on the call page's main thread (pid 1, tid 1), times in milliseconds. */
function event(name: string, startMs: number, durMs: number, url?: string, cpuMs = durMs): TraceEvent {
  return { name, ph: 'X', ts: startMs * 1000, dur: durMs * 1000, tdur: cpuMs * 1000, pid: 1, tid: 1, args: url ? { data: { url } } : {} };
}
const parse = { ...event('ParseHTML', 0, 1), args: { beginData: { url: PAGE } } };

describe('extensionScriptOnPage', () => {
  it.each([
    ['nested extension events once', [event('RunTask', 10, 12), event('EvaluateScript', 10, 10, EXTENSION, 4), event('v8.compile', 10, 1, EXTENSION)], 10, 4],
    ['a promise continuation in a task with no page script', [event('RunTask', 30, 6), event('RunMicrotasks', 31, 5, undefined, 2)], 5, 2],
    ['nothing of the page itself', [event('RunTask', 40, 9), event('FunctionCall', 40, 8, PAGE), event('RunMicrotasks', 48, 1)], 0, 0],
    ['nothing on another thread', [{ ...event('EvaluateScript', 10, 10, EXTENSION), tid: 2 }], 0, 0],
  ])('counts %s', (_, events, wallMs, cpuMs) => {
    const found = extensionScriptOnPage([parse, ...events], { pageUrlPart: 'attune-bench' });
    expect(found.scriptMs).toBeCloseTo(wallMs);
    expect(found.scriptCpuMs).toBeCloseTo(cpuMs);
  });

  it('names long tasks that contain extension script, and only those', () => {
    const found = extensionScriptOnPage(
      [parse, event('RunTask', 0, 80), event('FunctionCall', 1, 70, PAGE), event('RunTask', 100, 55), event('FunctionCall', 101, 2, EXTENSION)],
      { pageUrlPart: 'attune-bench' },
    );
    expect(found.longTasks).toEqual([55]);
    expect(found.longTasksWall).toEqual([55]);
    expect(found.longestTaskWithScriptMs).toBe(55);
  });

  it('gives the thread time of the busiest task with extension script, apart from the time it waited for a core', () => {
    const found = extensionScriptOnPage(
      [parse, event('RunTask', 0, 60, undefined, 6), event('EvaluateScript', 1, 58, EXTENSION, 5), event('RunTask', 100, 20, undefined, 9), event('FunctionCall', 101, 2, EXTENSION)],
      { pageUrlPart: 'attune-bench' },
    );
    // 60 ms by the clock, of which the thread worked 6: long only by wall clock.
    expect(found.longTasks).toEqual([]);
    expect(found.longTasksWall).toEqual([60]);
    expect(found.longestTaskWithScriptCpuMs).toBe(9);
    expect(found.scriptCpuMs).toBeCloseTo(7);
  });

  it('refuses a trace in which the call page never loaded', () => {
    expect(() => extensionScriptOnPage([event('RunTask', 0, 1)], { pageUrlPart: 'attune-bench' })).toThrow(/no parse of the call page/);
  });
});

describe('callPageThreadTime', () => {
  const pageFrame = event('FunctionCall', 0, 2, PAGE, 1);
  it('adds up the page thread’s tasks, the extension’s script and the frame checks, in thread time', () => {
    const found = callPageThreadTime(
      [
        event('RunTask', 0, 10, undefined, 5),
        pageFrame,
        event(FRAME_CHECK_EVENT, 3, 4, undefined, 2),
        // Nested, as Blink records a check of a frame inside the page's own: counted once.
        event(FRAME_CHECK_EVENT, 4, 2, undefined, 1),
        event('RunTask', 20, 3, undefined, 2),
        event('FunctionCall', 20, 2, EXTENSION, 1.5),
        event('v8.callFunction', 20, 1, EXTENSION, 0.5),
        // Another thread (the panel frame's process, or a worker) is not the page's.
        { ...event('RunTask', 0, 50), tid: 2 },
        { ...event(FRAME_CHECK_EVENT, 0, 50), tid: 2 },
      ],
      { pageUrlPart: 'attune-bench' },
    );
    expect(found).toEqual({ taskMs: 7, extensionScriptMs: 1.5, frameChecksMs: 2 });
  });

  it('refuses a trace in which the call page ran no script', () => {
    expect(() => callPageThreadTime([event('RunTask', 0, 1)], { pageUrlPart: 'attune-bench' })).toThrow(/no script of the call page/);
  });
});

describe('statistics and budgets', () => {
  it.each([
    [[5], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [Array.from({ length: 100 }, (_, index) => index + 1), 99, 99],
  ])('percentile(%j, %d) is %d (nearest rank)', (samples, p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it('takes the median of an even number of samples as the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('reports a figure beside its floor as a ratio', () => {
    expect(fromSamples([2, 4, 6], 'median', { floorSamples: [1, 2, 3] })).toMatchObject({ value: 4, floor: 2, ratio: 2 });
  });

  const budgeted = { id: 'x', label: 'Extension script time at load', unit: 'ms', stat: 'median', budget: 5, help: '' } as const;
  it.each([
    [{ value: 4.9 }, 'pass'],
    [{ value: 5 }, 'pass'],
    [{ value: 5.1 }, 'over budget'],
    [{ value: Number.NaN }, 'over budget'],
    [{ notMeasured: 'the check-in is not in this build' }, 'not measured'],
    [{ notMeasured: 'failed: timeout', error: true }, 'failed'],
    [undefined, 'failed'],
  ])('judges %j against a 5 ms budget as %s', (result, verdict) => {
    expect(verdictFor(budgeted, result)).toBe(verdict);
  });

  it('names each metric over its budget or not measured because it failed', () => {
    const failures = budgetFailures([
      { metric: budgeted, result: { value: 7.25 }, verdict: 'over budget' },
      { metric: { ...budgeted, label: 'Popup first screen' }, result: { notMeasured: 'failed: timeout', error: true }, verdict: 'failed' },
      { metric: { ...budgeted, label: 'Check-in prompt render' }, result: { notMeasured: 'not in this build' }, verdict: 'not measured' },
    ]);
    expect(failures).toEqual([
      'Extension script time at load: 7.3 ms (median) is over its budget of 5 ms.',
      'Popup first screen: could not be measured (failed: timeout).',
    ]);
  });
});

describe('the metric registry', () => {
  it('has unique metric ids, each with a label, a unit and an explanation', () => {
    const metrics = METRIC_GROUPS.flatMap((group) => group.metrics);
    expect(new Set(metrics.map((metric) => metric.id)).size).toBe(metrics.length);
    for (const metric of metrics) expect(metric.label && metric.help && metric.unit !== undefined).toBeTruthy();
  });

  it('keeps every budget the performance issue sets', () => {
    const budgets = Object.fromEntries(METRIC_GROUPS.flatMap((group) => group.metrics).map((metric) => [metric.id, [metric.budget, metric.stat]]));
    expect(budgets).toMatchObject({
      contentScriptGzip: [6, 'value'],
      scriptTimeAtLoad: [5, 'median'],
      mainThreadAddedAtLoad: [15, 'median'],
      mainThreadPerSecondInCall: [2, 'median'],
      longTasksFromAttune: [0, 'max'],
      layoutShiftAtLoad: [0, 'max'],
      layoutShiftInCall: [0, 'max'],
      handleVisible: [150, 'median'],
      panelInteractive: [300, 'p95'],
      heapAdded: [0.5, 'median'],
      noteSaveP95: [20, 'p95'],
      popupFirstScreen: [100, 'p95'],
    });
  });
});

describe('makeNoopExtension', () => {
  it('writes an extension with the built manifest’s matches and an empty content script', async () => {
    const built = await mkdtemp(join(tmpdir(), 'attune-bench-build-'));
    await writeFile(
      join(built, 'manifest.json'),
      JSON.stringify({ content_scripts: [{ matches: ['https://meet.google.com/*'], run_at: 'document_idle', js: ['content-scripts/call.js'] }] }),
    );
    try {
      const dir = await makeNoopExtension(built);
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({
        manifest_version: 3,
        content_scripts: [{ matches: ['https://meet.google.com/*'], run_at: 'document_idle', js: ['content.js'] }],
      });
      expect((await readFile(join(dir, 'content.js'), 'utf8')).replace(/\/\/.*\n/g, '')).toBe('');
      // The popup's floor: a page with one module script that draws one row, the element the probe waits for.
      expect(await readFile(join(dir, 'page.html'), 'utf8')).toContain('<script type="module" src="/page.js">');
      expect(await readFile(join(dir, 'page.js'), 'utf8')).toContain("row.className = 'visit-row'");
      // Chromium's id for an unpacked extension: SHA-256 of its path, first 32 hex digits written a–p.
      expect(await unpackedExtensionId(dir)).toMatch(/^[a-p]{32}$/);
      await rm(dir, { recursive: true, force: true });
    } finally {
      await rm(built, { recursive: true, force: true });
    }
  });
});
