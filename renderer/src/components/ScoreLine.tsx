import type { Report } from '../../../app/shared/report.ts';

/** The productive share of tracked time, in whole percent (null without tracked time). */
export function scoreOf(report: Report): number | null {
  return report.total_ms > 0 ? Math.round((report.by_productivity.productive / report.total_ms) * 100) : null;
}

/** "Score 58% ▲ 4 pts vs previous period". */
export function ScoreLine({ report, previous }: { report: Report; previous: Report }) {
  const score = scoreOf(report);
  const before = scoreOf(previous);
  if (score === null) return null;
  const delta = before === null ? null : score - before;
  return (
    <p className="score" data-testid="score" title="The productive share of tracked time">
      <span className="score-label">Score</span> <strong className="score-value">{score}%</strong>{' '}
      {delta === null ? (
        <span className="delta">no data in the previous period</span>
      ) : delta === 0 ? (
        <span className="delta">= same as previous period</span>
      ) : (
        <span className={`delta ${delta > 0 ? 'up' : 'down'}`}>
          {delta > 0 ? '▲' : '▼'} {Math.abs(delta)} {Math.abs(delta) === 1 ? 'pt' : 'pts'}
          <span className="delta-rest"> vs previous period</span>
        </span>
      )}
    </p>
  );
}
