import { Doughnut } from 'react-chartjs-2';
import { formatDuration, formatShare } from '../../../app/shared/format.ts';
import type { Report } from '../../../app/shared/report.ts';
import '../lib/chart.ts';
import { PRODUCTIVITY_LABELS, PRODUCTIVITY_ORDER } from '../lib/productivity.ts';
import { useTheme } from '../lib/theme.ts';
import { ScoreLine } from './ScoreLine.tsx';
import { Section } from './Section.tsx';

/** Tracked time by productivity: a doughnut, the figures beside it, and the score against the period before. */
export function AllocationSection({ report, previous }: { report: Report; previous: Report }) {
  const theme = useTheme();
  const total = report.total_ms;
  const figures = PRODUCTIVITY_ORDER.map((p) => ({
    key: p,
    label: PRODUCTIVITY_LABELS[p],
    ms: report.by_productivity[p],
  }));
  const summary = figures.map((f) => `${f.label} ${formatDuration(f.ms)}`).join(', ');
  return (
    <Section title="Total allocation" subtitle="Tracked time by productivity" className="span-5">
      <div className="allocation">
        <div className="doughnut">
          <Doughnut
            role="img"
            aria-label={summary}
            fallbackContent={<p>{summary}</p>}
            data={{
              labels: figures.map((f) => f.label),
              datasets: [
                {
                  data: figures.map((f) => f.ms),
                  backgroundColor: figures.map((f) => theme.productivity[f.key]),
                  borderColor: theme.surface,
                  borderWidth: 2,
                  hoverOffset: 4,
                },
              ],
            }}
            options={{
              cutout: '68%',
              maintainAspectRatio: false,
              plugins: {
                tooltip: {
                  callbacks: {
                    label: (item) =>
                      ` ${formatDuration(Number(item.raw))} · ${formatShare(Number(item.raw), total)}`,
                  },
                },
              },
            }}
          />
          <div className="doughnut-center" aria-hidden="true">
            <span className="doughnut-total">{formatShare(report.by_productivity.productive, total)}</span>
            <span className="doughnut-caption">productive</span>
          </div>
        </div>
        <div className="figures">
          <p className="total">
            <span className="total-label">Total tracked</span>
            <span className="total-value" data-testid="total-time">
              {formatDuration(total)}
            </span>
          </p>
          <table className="figure-rows">
            <caption className="visually-hidden">Tracked time by productivity</caption>
            <tbody>
              {figures.map((f) => (
                <tr key={f.key}>
                  <th scope="row">
                    <span className="swatch" style={{ background: `var(--${f.key})` }} aria-hidden="true" />
                    {f.label}
                  </th>
                  <td className="num" data-testid={`prod-${f.key}`}>
                    {formatDuration(f.ms)}
                  </td>
                  <td className="num muted">{formatShare(f.ms, total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ScoreLine report={report} previous={previous} />
        </div>
      </div>
    </Section>
  );
}
