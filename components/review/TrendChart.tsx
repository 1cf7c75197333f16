import { formatDate, t } from '../../utils/i18n';
import type { AllianceTrend, TrendPoint } from '../../utils/db/review';

export interface TrendChartProps {
  trend: AllianceTrend;
  /** Unique on the page: ties the chart to its title and description. */
  id: string;
}

const WIDTH = 480;
const HEIGHT = 180;
const PAD = { left: 32, right: 10, top: 10, bottom: 22 };

type View = 'client' | 'clinician';

/** Runs of consecutive points that have a total for this view; a check-in without one breaks the line. */
function segments(points: readonly TrendPoint[], view: View): { index: number; value: number }[][] {
  const runs: { index: number; value: number }[][] = [];
  let run: { index: number; value: number }[] = [];
  points.forEach((point, index) => {
    const value = point[view];
    if (value === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push({ index, value });
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * The alliance over time: the client's and the clinician's totals at each completed check-in, and the instrument's
 * threshold. The SVG carries a text summary; the same numbers are in a table for screen readers and keyboard users.
 */
export function TrendChart({ trend, id }: TrendChartProps) {
  const { points, range, threshold } = trend;
  const x = (index: number) => PAD.left + (points.length <= 1 ? 0.5 : index / (points.length - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - (value - range.min) / (range.max - range.min || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  const latest = points.at(-1);
  const summary = t('trendSummary', [
    String(points.length),
    latest?.client === null || latest === undefined ? t('trendNoTotal') : String(latest.client),
    latest?.clinician === null || latest === undefined ? t('trendNoTotal') : String(latest.clinician),
    String(threshold),
    String(range.max),
  ]);
  const line = (view: View) =>
    segments(points, view).map((run) => (
      <g key={`${view}-${run[0]?.index}`} class={`trend-${view}`}>
        {run.length > 1 && <polyline points={run.map((point) => `${x(point.index)},${y(point.value)}`).join(' ')} fill="none" />}
        {run.map((point) => (
          <circle key={point.index} cx={x(point.index)} cy={y(point.value)} r={view === 'client' ? 3.5 : 3} />
        ))}
      </g>
    ));
  return (
    <figure class="trend" data-trend="">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="trend-chart">
        <title id={`${id}-title`}>{t('trendTitle')}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line class="trend-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(range.min)} y2={y(range.min)} />
        <text class="trend-label" x={PAD.left - 4} y={y(range.max) + 4} text-anchor="end">{String(range.max)}</text>
        <text class="trend-label" x={PAD.left - 4} y={y(range.min)} text-anchor="end">{String(range.min)}</text>
        <line class="trend-threshold" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(threshold)} y2={y(threshold)} />
        <text class="trend-label" x={WIDTH - PAD.right} y={y(threshold) - 4} text-anchor="end">{t('trendThreshold', String(threshold))}</text>
        {line('clinician')}
        {line('client')}
        {points.length > 0 && (
          <>
            <text class="trend-label" x={PAD.left} y={HEIGHT - 6}>{formatDate(points[0]?.at ?? 0)}</text>
            <text class="trend-label" x={WIDTH - PAD.right} y={HEIGHT - 6} text-anchor="end">{formatDate(latest?.at ?? 0)}</text>
          </>
        )}
      </svg>
      <figcaption class="trend-legend">
        <span class="trend-key trend-key--client">{t('trendClientLine')}</span>
        <span class="trend-key trend-key--clinician">{t('trendClinicianLine')}</span>
        <span class="trend-key trend-key--threshold">{t('trendThresholdLine', String(threshold))}</span>
      </figcaption>
      <details class="disclosure">
        <summary>{t('trendTableSummary')}</summary>
        <table class="trend-table">
          <caption class="visually-hidden">{t('trendTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trendDate')}</th>
              <th scope="col">{t('trendClientLine')}</th>
              <th scope="col">{t('trendClinicianLine')}</th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((point) => (
              <tr key={point.visitId}>
                <th scope="row">{formatDate(point.at)}</th>
                <td>{point.client === null ? t('trendNoTotal') : String(point.client)}</td>
                <td>{point.clinician === null ? t('trendNoTotal') : String(point.clinician)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
