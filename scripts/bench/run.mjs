// `npm run bench`: builds Attune, opens three Chromium instances side by side (no extension, a no-op extension, Attune)
// on the same busy fixture call page, runs every metric group in metrics/index.mjs, prints the table, writes
// bench-results/, and exits non-zero naming each metric over its budget.
//
// Options: --no-build (use the existing .output/chrome-mv3), --only=<group,...> (e.g. --only=trace,load while working
// on one figure), --runs=<n> (load-time runs, default 10), --windows=<n> and --window-seconds=<s> (default 3 × 20 s).
// Runs with fewer runs or windows than the defaults are marked partial and cannot pass.
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { generateVisitHistory, seedVisitHistory } from '../../tests/support/seed.mjs';
import { chromiumPath } from '../../tests/support/chromium.mjs';
import { closeBenchBrowsers, launchBenchBrowsers } from './browsers.mjs';
import { budgetFailures, verdictFor } from './budgets.mjs';
import { METRIC_GROUPS } from './metrics/index.mjs';
import { allFailed } from './metrics/result.mjs';
import { terminalTable, writeResults } from './report.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const DEFAULTS = { runs: 10, windows: 3, windowSeconds: 20 };
const SEEDED_VISITS = 10_000;
/** Groups that open Attune's database, and so measure it holding years of history. */
const GROUPS_ON_HISTORY = ['panel', 'inCall', 'inCallTrace', 'popup', 'checkIn'];
/** The performance issue's limit for the whole run, build included. */
const MAX_SECONDS = 600;

const { values: options } = parseArgs({
  options: {
    build: { type: 'boolean', default: true },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string', default: String(DEFAULTS.runs) },
    windows: { type: 'string', default: String(DEFAULTS.windows) },
    'window-seconds': { type: 'string', default: String(DEFAULTS.windowSeconds) },
  },
});
const settings = {
  runs: wholeNumber('runs', options.runs),
  windows: wholeNumber('windows', options.windows),
  windowSeconds: wholeNumber('window-seconds', options['window-seconds']),
};
const only = options.only?.split(',').map((id) => id.trim());
const unknown = only?.filter((id) => !METRIC_GROUPS.some((group) => group.id === id)) ?? [];
if (unknown.length > 0) {
  fail(`Unknown metric group ${unknown.join(', ')}; the groups are ${METRIC_GROUPS.map((group) => group.id).join(', ')}.`);
}
const partial = only !== undefined || settings.runs < DEFAULTS.runs || settings.windows < DEFAULTS.windows || settings.windowSeconds < DEFAULTS.windowSeconds;

const startedAt = new Date();
// The machine may be shared (CI runners, other test runs): the load is recorded beside every result.
const load = { atStart: loadavg()[0] ?? NaN, atEnd: NaN };
const elapsed = () => `${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`;
const log = (/** @type {string} */ line) => console.log(`[${elapsed().padStart(5)}] ${line}`);

if (!options['no-build']) {
  log('Building Attune (wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) fail('The build failed; nothing was measured.');
}
const chromium = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
log(`Launching three ${chromium} instances (no extension, no-op extension, Attune)…`);
const browsers = await launchBenchBrowsers();
/** @type {import('./metrics/result.mjs').Bench} */
const bench = { browsers, ...settings, log, shared: {} };

/** @type {import('./report.mjs').Row[]} */
const rows = [];
try {
  // Seeding takes about a minute on a loaded machine; a partial run of groups that never open the database skips it.
  if (only === undefined || only.some((id) => GROUPS_ON_HISTORY.includes(id))) {
    const history = generateVisitHistory({ visits: SEEDED_VISITS, now: Date.now() });
    bench.shared.seeded = await seedVisitHistory(browsers.attune.context, /** @type {string} */ (browsers.attune.extensionId), history);
    log(`Seeded Attune's database: ${history.visits.length} visits, ${history.clients.length} clients, ${history.notes.length} notes.`);
  }
  for (const group of METRIC_GROUPS) {
    if (only !== undefined && !only.includes(group.id)) continue;
    log(`${group.title}…`);
    /** @type {Record<string, import('./metrics/result.mjs').MetricResult>} */
    let results;
    try {
      results = await group.measure(bench);
    } catch (error) {
      console.error(error);
      results = allFailed(group, `failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const metric of group.metrics) {
      const result = results[metric.id];
      rows.push({ metric, result, verdict: verdictFor(metric, result) });
    }
  }
} finally {
  await closeBenchBrowsers(browsers);
}

const seconds = (Date.now() - startedAt.getTime()) / 1000;
const failures = budgetFailures(rows);
if (seconds > MAX_SECONDS) failures.push(`The bench took ${seconds.toFixed(0)} s, over its limit of ${MAX_SECONDS} s.`);
load.atEnd = loadavg()[0] ?? NaN;
console.log(`\n${terminalTable(rows)}\n`);
log(`Machine load average (1 min): ${load.atStart.toFixed(1)} at the start, ${load.atEnd.toFixed(1)} at the end.`);
const file = await writeResults(resolve(ROOT, 'bench-results'), { startedAt, seconds, chromium, load, settings: { ...settings, only, partial }, rows, failures });
log(`Results written to ${file} (and bench-results/latest.json, latest.md). The bench took ${seconds.toFixed(0)} s.`);
if (failures.length > 0) {
  console.error(`\n✘ ${failures.length} budget${failures.length === 1 ? '' : 's'} not met:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
if (partial) {
  console.error('\n✘ A partial run (fewer runs or windows than the defaults, or --only) cannot prove the budgets.');
  process.exit(1);
}
console.log('\n✔ Every budget holds.');

/**
 * @param {string} name
 * @param {string | undefined} text
 */
function wholeNumber(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) fail(`--${name} must be a whole number of at least 1, got "${text}".`);
  return value;
}

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`✘ ${message}`);
  process.exit(2);
}
