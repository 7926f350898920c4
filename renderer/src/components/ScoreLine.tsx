import type { Report } from '../../../app/shared/report.ts';

/** The productive share of tracked time, in whole percent (null without tracked time). */
export function scoreOf(report: Report): number | null {
  if (report.score !== null) return report.score;
  return report.total_ms > 0 ? Math.round((report.by_productivity.productive / report.total_ms) * 100) : null;
}

export const SCORE_HELP = 'The productive share of tracked time';
export const PULSE_HELP =
  'A weighted score: productive time counts fully, neutral and uncategorized time half, unproductive none';

/**
 * The score and the pulse of the range, each with its change against the period before:
 *
 *   Score  58%  ▲ 4 pts
 *   Pulse  71   ▼ 2 pts
 *   vs previous period
 */
export function ScoreLine({ report, previous }: { report: Report; previous: Report }) {
  const score = scoreOf(report);
  if (score === null) return null;
  const before = scoreOf(previous);
  return (
    <div className="score">
      <Row label="Score" value={`${score}%`} delta={delta(score, before)} help={SCORE_HELP} testId="score" />
      {report.pulse !== null ? (
        <Row
          label="Pulse"
          value={String(report.pulse)}
          delta={delta(report.pulse, previous.pulse)}
          help={PULSE_HELP}
          testId="pulse"
        />
      ) : null}
      <p className="score-caption">
        {before === null ? 'No data in the previous period' : 'Change vs previous period'}
        {report.pulse !== null
          ? '. Pulse counts neutral and uncategorized time half, unproductive none.'
          : null}
      </p>
    </div>
  );
}

function delta(now: number, before: number | null): number | null {
  return before === null ? null : now - before;
}

interface RowProps {
  label: string;
  value: string;
  delta: number | null;
  help: string;
  testId: string;
}

function Row({ label, value, delta, help, testId }: RowProps) {
  return (
    <p className="score-row" data-testid={testId}>
      <span className="score-label" title={help}>
        {label}
      </span>{' '}
      <strong className="score-value" title={help}>
        {value}
      </strong>{' '}
      {/* An empty cell without a change, so that the next row's label does not move up into this row. */}
      {delta === null ? (
        <span aria-hidden="true" />
      ) : delta === 0 ? (
        <span className="delta">= same</span>
      ) : (
        <span className={`delta ${delta > 0 ? 'up' : 'down'}`}>
          {delta > 0 ? '▲' : '▼'} {Math.abs(delta)} {Math.abs(delta) === 1 ? 'pt' : 'pts'}
        </span>
      )}
    </p>
  );
}
