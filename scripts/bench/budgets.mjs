// Budgets: a measured figure above its metric's budget, or a metric that failed to be measured, fails the bench.

/**
 * @typedef {import('./metrics/result.mjs').MetricDefinition} MetricDefinition
 * @typedef {import('./metrics/result.mjs').MetricResult} MetricResult
 * @typedef {'pass' | 'over budget' | 'failed' | 'not measured' | 'info'} Verdict
 */

/**
 * @param {MetricDefinition} metric
 * @param {MetricResult | undefined} result
 * @returns {Verdict}
 */
export function verdictFor(metric, result) {
  if (result === undefined) return 'failed';
  if ('notMeasured' in result) return result.error === true ? 'failed' : 'not measured';
  if (metric.budget === undefined) return 'info';
  return Number.isFinite(result.value) && result.value <= metric.budget + 1e-9 ? 'pass' : 'over budget';
}

/**
 * The sentences naming every metric that fails the bench, empty when all budgets hold.
 * @param {{ metric: MetricDefinition, result: MetricResult | undefined, verdict: Verdict }[]} rows
 */
export function budgetFailures(rows) {
  return rows.flatMap(({ metric, result, verdict }) => {
    if (verdict === 'over budget' && result !== undefined && 'value' in result) {
      return [`${metric.label}: ${result.value.toFixed(metric.decimals ?? 1)} ${metric.unit} (${metric.stat}) is over its budget of ${metric.budget} ${metric.unit}.`];
    }
    if (verdict === 'failed') {
      return [`${metric.label}: could not be measured (${result !== undefined && 'notMeasured' in result ? result.notMeasured : 'no result'}).`];
    }
    return [];
  });
}
