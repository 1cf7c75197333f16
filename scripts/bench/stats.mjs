// Small statistics over samples: medians and nearest-rank percentiles, with min and max, as the report shows them.

/**
 * Nearest-rank percentile (p in 0–100) of unsorted samples.
 * @param {readonly number[]} samples
 * @param {number} p
 */
export function percentile(samples, p) {
  if (samples.length === 0) throw new Error('A percentile needs at least one sample.');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return /** @type {number} */ (sorted[Math.min(rank, sorted.length) - 1]);
}

/** @param {readonly number[]} samples */
export function median(samples) {
  if (samples.length === 0) throw new Error('A median needs at least one sample.');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? /** @type {number} */ (sorted[middle])
    : (/** @type {number} */ (sorted[middle - 1]) + /** @type {number} */ (sorted[middle])) / 2;
}

/**
 * @typedef {{ n: number, median: number, min: number, max: number, p50: number, p95: number, p99: number }} Summary
 * @param {readonly number[]} samples
 * @returns {Summary}
 */
export function summarize(samples) {
  return {
    n: samples.length,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
  };
}

/**
 * Samples shifted by a constant (e.g. minus the no-extension median), keeping their spread.
 * @param {readonly number[]} samples
 * @param {number} baseline
 */
export function minus(samples, baseline) {
  return samples.map((sample) => sample - baseline);
}
