// The bench's output: a table on the terminal, the same table in Markdown (for the README), and the full JSON.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/**
 * @typedef {import('./metrics/result.mjs').MetricDefinition} MetricDefinition
 * @typedef {import('./metrics/result.mjs').MetricResult} MetricResult
 * @typedef {{ metric: MetricDefinition, result: MetricResult | undefined, verdict: import('./budgets.mjs').Verdict }} Row
 */

const HEADERS = ['Metric', 'Attune', 'min – max (n)', 'Floor (no-op)', '× floor', 'Budget', 'Result'];

/**
 * @param {number | undefined} value
 * @param {MetricDefinition} metric
 */
function format(value, metric) {
  if (value === undefined) return '—';
  return `${value.toFixed(metric.decimals ?? 1)}${metric.unit === '' || metric.unit === 'count' ? '' : ` ${metric.unit}`}`;
}

/** @param {Row} row @returns {string[]} */
function cells({ metric, result, verdict }) {
  const budget = metric.budget === undefined ? '—' : `≤ ${format(metric.budget, metric)} (${metric.stat})`;
  if (result === undefined || 'notMeasured' in result) {
    return [metric.label, `not measured: ${result?.notMeasured ?? 'no result'}`, '', '', '', budget, verdict];
  }
  const spread = result.summary === undefined ? '' : `${format(result.summary.min, metric)} – ${format(result.summary.max, metric)} (${result.summary.n})`;
  const ratio = result.ratio === undefined ? '—' : `${result.ratio.toFixed(1)}×`;
  const value = `${format(result.value, metric)}${metric.stat === 'value' ? '' : ` ${metric.stat}`}`;
  return [metric.label, value, spread, format(result.floor, metric), ratio, budget, verdict];
}

/** @param {Row[]} rows */
export function terminalTable(rows) {
  const table = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...table.map((row) => Math.min(60, (row[column] ?? '').length))));
  const line = (/** @type {string[]} */ row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  const details = rows.flatMap(({ metric, result }) =>
    result !== undefined && 'detail' in result && result.detail !== undefined ? [`  ${metric.label}: ${result.detail}`] : [],
  );
  return [line(HEADERS), widths.map((width) => '─'.repeat(width)).join('  '), ...table.slice(1).map(line), '', 'Details:', ...details].join('\n');
}

/** @param {Row[]} rows */
export function markdownTable(rows) {
  const escape = (/** @type {string} */ cell) => cell.replaceAll('|', '\\|');
  return [
    `| ${HEADERS.join(' | ')} |`,
    `| ${HEADERS.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`),
  ].join('\n');
}

/** A one-line description of the machine, for the README. */
export function machineDescription() {
  const cores = cpus();
  return `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${process.platform}, Node ${process.versions.node}`;
}

/**
 * Writes bench-results/bench-<time>.json, latest.json and latest.md.
 * @param {string} dir
 * @param {{ startedAt: Date, seconds: number, chromium: string, load: { atStart: number, atEnd: number }, settings: object,
 *   rows: Row[], failures: string[] }} run
 */
export async function writeResults(dir, run) {
  await mkdir(dir, { recursive: true });
  const json = JSON.stringify(
    {
      startedAt: run.startedAt.toISOString(),
      seconds: run.seconds,
      machine: machineDescription(),
      chromium: run.chromium,
      loadAverage: run.load,
      settings: run.settings,
      metrics: run.rows.map(({ metric, result, verdict }) => ({ ...metric, verdict, result })),
      failures: run.failures,
    },
    null,
    2,
  );
  const stamp = run.startedAt.toISOString().replaceAll(':', '-').replace(/\..*/, '');
  const file = join(dir, `bench-${stamp}.json`);
  await writeFile(file, json);
  await writeFile(join(dir, 'latest.json'), json);
  const load = `load average ${run.load.atStart.toFixed(1)} → ${run.load.atEnd.toFixed(1)}`;
  const about = `Machine: ${machineDescription()}; ${run.chromium}; ${load}; ${run.startedAt.toISOString()}, ${run.seconds.toFixed(0)} s.`;
  await writeFile(join(dir, 'latest.md'), `${markdownTable(run.rows)}\n\n${about}\n`);
  return file;
}
