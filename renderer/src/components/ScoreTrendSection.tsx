import { Line } from 'react-chartjs-2';
import { formatDuration } from '../../../app/shared/format.ts';
import type { Report } from '../../../app/shared/report.ts';
import '../lib/chart.ts';
import { useTheme } from '../lib/theme.ts';
import { isolated, scoredPoints, trendLabel, trendSummary, trendTitle } from '../lib/trend.ts';
import { Legend } from './Legend.tsx';
import { PULSE_HELP, SCORE_HELP } from './ScoreLine.tsx';
import { Section } from './Section.tsx';

/** Past this many points the line is drawn without dots. */
const DOTS_UP_TO = 45;

/**
 * The score (productive share) and the pulse (weighted score) per day of the range, or per month for long
 * ranges, as two lines on a 0–100 scale. Days without tracked time have no score: the lines break there, and
 * a day with a score between two without one is drawn as a dot, however long the range.
 */
export function ScoreTrendSection({ report }: { report: Report }) {
  const theme = useTheme();
  const per = report.trend_unit === 'month' ? 'month' : 'day';
  const scored = scoredPoints(report.trend);
  const summary = trendSummary(report);
  const dots = report.trend.length <= DOTS_UP_TO ? 2.5 : 0;
  const line = (color: string) => ({
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
    pointRadius: (ctx: { dataIndex: number }) =>
      dots > 0 || isolated(report.trend, ctx.dataIndex) ? 2.5 : 0,
    pointHoverRadius: 4,
    // Monotone curves never overshoot past a day's value (or below 0).
    cubicInterpolationMode: 'monotone' as const,
    spanGaps: false,
  });
  return (
    <Section
      title="Score trend"
      subtitle={`Score and pulse per ${per}, 0–100; gaps are ${per}s without tracked time`}
      className="span-7"
    >
      {scored.length < 2 ? (
        <p className="empty-line trend-empty">
          {scored.length === 0
            ? 'No score: nothing tracked in this range.'
            : `Only one ${per} with tracked time. Pick a longer range to see a trend.`}
        </p>
      ) : (
        <div className="trend">
          <Line
            role="img"
            aria-label={summary}
            fallbackContent={<p>{summary}</p>}
            data={{
              labels: report.trend.map((p) => trendLabel(p, report.trend_unit)),
              datasets: [
                {
                  label: 'Score',
                  data: report.trend.map((p) => p.score),
                  ...line(theme.productivity.productive),
                },
                { label: 'Pulse', data: report.trend.map((p) => p.pulse), ...line(theme.pulse) },
              ],
            }}
            options={{
              maintainAspectRatio: false,
              interaction: { mode: 'index', intersect: false },
              scales: {
                x: {
                  grid: { display: false },
                  border: { color: theme.grid },
                  ticks: { color: theme.muted, maxRotation: 0, autoSkipPadding: 12 },
                },
                y: {
                  min: 0,
                  max: 100,
                  border: { display: false },
                  grid: { color: theme.grid },
                  ticks: { color: theme.muted, stepSize: 25 },
                },
              },
              plugins: {
                tooltip: {
                  callbacks: {
                    title: (items) => {
                      const point = items[0] ? report.trend[items[0].dataIndex] : undefined;
                      return point ? trendTitle(point, report.trend_unit) : '';
                    },
                    label: (item) =>
                      item.raw === null
                        ? ` ${item.dataset.label}: –`
                        : ` ${item.dataset.label}: ${String(item.raw)}${item.datasetIndex === 0 ? '%' : ''}`,
                    footer: (items) => {
                      const point = items[0] ? report.trend[items[0].dataIndex] : undefined;
                      return point ? `Tracked ${formatDuration(point.total_ms)}` : '';
                    },
                  },
                },
              },
            }}
          />
        </div>
      )}
      <Legend
        label="Lines"
        items={[
          { label: 'Score: productive share', color: theme.productivity.productive, title: SCORE_HELP },
          { label: 'Pulse: weighted', color: theme.pulse, title: PULSE_HELP },
        ]}
      />
    </Section>
  );
}
