import type { Report, SubjectKind } from '../../../app/shared/report.ts';
import { useLoaded } from '../hooks/useLoaded.ts';
import { api } from '../lib/api.ts';
import { daysSentence, summarizeDays } from '../lib/days.ts';
import { dayOf, formatDay } from '../lib/ranges.ts';
import { useTheme } from '../lib/theme.ts';
import { LoadFailure } from './LoadFailure.tsx';
import { StackedBars } from './StackedBars.tsx';

/** A site's (or a logged activity's) time on each day of the report's range, as bars. */
export function DaysView({ kind, name, report }: { kind: SubjectKind; name: string; report: Report }) {
  const theme = useTheme();
  const { loaded, retry } = useLoaded(`${kind}\u0000${name}\u0000${report.from}\u0000${report.to}`, () =>
    api.reportDays({ query: { kind, name, from: report.from, to: report.to, tz: report.tz } }),
  );
  if (loaded.state === 'loading')
    return (
      <p className="loading-line" role="status">
        Loading the days of {name}…
      </p>
    );
  if (loaded.state === 'failed')
    return <LoadFailure what={`the days of ${name}`} error={loaded.error} onRetry={retry} />;
  const { days } = loaded.value;
  const sentence = daysSentence(summarizeDays(days, dayOf(new Date())), (d) => formatDay(d, false));
  // Short ranges name the weekday; long ones only the day of the month, which fits under 31 bars.
  const labels = days.map((d) => {
    const [, , day] = d.date.split('-');
    return days.length <= 7 ? (formatDay(d.date, false).split(' ')[0] ?? '') : String(Number(day));
  });
  return (
    <div className="days-view">
      <p className="drill-summary">{sentence}</p>
      <StackedBars
        labels={labels}
        series={[{ label: name, color: theme.productivity.productive, data: days.map((d) => d.ms) }]}
        title={(i) => {
          const day = days[i];
          return day ? formatDay(day.date) : '';
        }}
        summary={`Time on ${name} per day: ${sentence}`}
        height={200}
      />
    </div>
  );
}
