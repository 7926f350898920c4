import type { Report } from '../../../app/shared/report.ts';
import { barsSummary, productivitySeries } from '../lib/breakdown.ts';
import { dayCount, dayOf, weekdayCounts, type DayRange } from '../lib/ranges.ts';
import { useTheme } from '../lib/theme.ts';
import { Legend } from './Legend.tsx';
import { Section } from './Section.tsx';
import { StackedBars } from './StackedBars.tsx';

const SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** From this many days on, a weekday's bar is the average of its days rather than their sum. */
export const AVERAGE_FROM_DAYS = 14;

/**
 * Tracked time per weekday. Over two weeks or more each bar is the average of its days: the weekday's time
 * divided by how many such days the range holds, not counting days still to come.
 */
export function DayOfWeekSection({ report, range }: { report: Report; range: DayRange }) {
  const theme = useTheme();
  const average = dayCount(range) >= AVERAGE_FROM_DAYS;
  const counts = average ? weekdayCounts(range, dayOf(new Date())) : [];
  const buckets = [...report.by_weekday].sort((a, b) => a.weekday - b.weekday);
  const series = productivitySeries(buckets, theme, counts);
  return (
    <Section
      title="Day of week"
      subtitle={average ? 'Tracked time, average per day' : 'Tracked time per weekday'}
      className="span-5"
    >
      <StackedBars
        labels={SHORT}
        series={series}
        title={(i) => (average ? `${LONG[i]}, average per day` : (LONG[i] ?? ''))}
        summary={barsSummary(
          // Worded without "day", "from" or "to": the page's date fields are found by those labels.
          `Weekly pattern of tracked time${average ? ', averaged' : ''}, by productivity`,
          SHORT,
          series,
          !average,
        )}
      />
      <Legend label="Colours" items={series.map((s) => ({ label: s.label, color: s.color }))} />
    </Section>
  );
}
