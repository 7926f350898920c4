import { Bar } from 'react-chartjs-2';
import { formatDuration } from '../../../app/shared/format.ts';
import type { BarSeries } from '../lib/breakdown.ts';
import { durationAxis } from '../lib/durations.ts';
import '../lib/chart.ts';
import { useTheme } from '../lib/theme.ts';

interface Props {
  labels: string[];
  /** Milliseconds per bar, one series per colour. */
  series: BarSeries[];
  /** The chart's accessible summary. */
  summary: string;
  /** Tooltip heading of bar `index` ("09:00–10:00", "Monday"). */
  title: (index: number) => string;
  height?: number;
}

/** Bars of durations stacked by series, with a duration axis and a tooltip that lists non-empty parts. */
export function StackedBars({ labels, series, summary, title, height = 240 }: Props) {
  const theme = useTheme();
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.data[i] ?? 0), 0));
  const max = Math.max(0, ...totals);
  return (
    <div className="bars" style={{ minHeight: height }}>
      <Bar
        role="img"
        aria-label={summary}
        fallbackContent={<p>{summary}</p>}
        data={{
          labels,
          datasets: series.map((s) => ({
            label: s.label,
            data: s.data,
            backgroundColor: s.color,
            borderColor: theme.surface,
            borderWidth: { top: 1 },
            borderSkipped: 'bottom' as const,
            categoryPercentage: 0.8,
            barPercentage: 0.9,
          })),
        }}
        options={{
          maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            x: {
              stacked: true,
              grid: { display: false },
              border: { color: theme.grid },
              ticks: { color: theme.muted, maxRotation: 0, autoSkipPadding: 6 },
            },
            y: durationAxis(max, theme),
          },
          plugins: {
            tooltip: {
              filter: (item) => Number(item.raw) > 0,
              itemSort: (a, b) => b.datasetIndex - a.datasetIndex,
              callbacks: {
                title: (items) => (items[0] ? title(items[0].dataIndex) : ''),
                label: (item) => ` ${item.dataset.label}: ${formatDuration(Number(item.raw))}`,
                footer: (items) =>
                  items[0] ? `Total ${formatDuration(totals[items[0].dataIndex] ?? 0)}` : '',
              },
            },
          },
        }}
      />
    </div>
  );
}
