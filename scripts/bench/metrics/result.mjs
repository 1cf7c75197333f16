// The shapes every metric group returns, and helpers to build them from samples.
import { median, summarize } from '../stats.mjs';

/**
 * @typedef {import('../browsers.mjs').BenchBrowser} BenchBrowser
 * @typedef {import('../browsers.mjs').BrowserName} BrowserName
 * @typedef {import('../stats.mjs').Summary} Summary
 * @typedef {'value' | 'median' | 'p50' | 'p95' | 'p99' | 'max'} Stat
 * @typedef {{ id: string, label: string, unit: string, stat: Stat, budget?: number, decimals?: number, help: string }} MetricDefinition
 * @typedef {{ value: number, summary?: Summary, floor?: number, ratio?: number, detail?: string }} Measured
 * @typedef {Measured | { notMeasured: string, error?: boolean }} MetricResult
 * @typedef {{ browsers: Record<BrowserName, BenchBrowser>, runs: number, windows: number, windowSeconds: number,
 *   log: (line: string) => void, shared: Record<string, unknown> }} Bench
 * @typedef {{ id: string, title: string, metrics: MetricDefinition[],
 *   measure: (bench: Bench) => Promise<Record<string, MetricResult>> }} MetricGroup
 */

/**
 * A figure from samples, reported by `stat`, with the floor's figure for the same stat and their ratio.
 * @param {readonly number[]} samples
 * @param {Stat} stat
 * @param {{ floorSamples?: readonly number[], detail?: string }} [options]
 * @returns {Measured}
 */
export function fromSamples(samples, stat, options = {}) {
  const summary = summarize(samples);
  const value = stat === 'value' ? summary.median : summary[stat];
  /** @type {Measured} */
  const result = { value, summary };
  if (options.floorSamples !== undefined && options.floorSamples.length > 0) {
    const floorSummary = summarize(options.floorSamples);
    result.floor = stat === 'value' ? floorSummary.median : floorSummary[stat];
    result.ratio = ratio(value, result.floor);
  }
  if (options.detail !== undefined) result.detail = options.detail;
  return result;
}

/**
 * Samples differenced against the no-extension browser's median: what the extension added.
 * @param {readonly number[]} samples
 * @param {readonly number[]} noneSamples
 */
export function addedOver(samples, noneSamples) {
  const baseline = median(noneSamples);
  return samples.map((sample) => sample - baseline);
}

/**
 * @param {number} value
 * @param {number} floor
 * @returns {number | undefined} value ÷ floor, or undefined when the floor is too close to zero to divide by
 */
export function ratio(value, floor) {
  return Math.abs(floor) < 1e-9 ? undefined : value / floor;
}

/** @param {string} reason @returns {{ notMeasured: string }} */
export const notMeasured = (reason) => ({ notMeasured: reason });

/**
 * Every metric of a group that failed to run: not measured, and an error (the bench then fails).
 * @param {MetricGroup} group
 * @param {string} reason
 * @returns {Record<string, MetricResult>}
 */
export function allFailed(group, reason) {
  return Object.fromEntries(group.metrics.map((metric) => [metric.id, { notMeasured: reason, error: true }]));
}
