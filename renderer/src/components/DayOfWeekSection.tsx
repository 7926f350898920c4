import { useState } from 'react';
import type { Report } from '../../../app/shared/report.ts';
import { MEASURES, weekdayScale, weekdaysCanAverage, type Measure } from '../lib/averages.ts';
import { barsSummary, productivitySeries } from '../lib/breakdown.ts';
import { dayOf, type DayRange } from '../lib/ranges.ts';
import { useTheme } from '../lib/theme.ts';
import { Legend } from './Legend.tsx';
import { Section } from './Section.tsx';
import { StackedBars } from './StackedBars.tsx';
import { ToggleGroup } from './ToggleGroup.tsx';

const SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Tracked time per weekday: by default the average of its days (the weekday's time divided by how many such
 * days of the range have begun), or on request their total. A range in which no weekday comes twice has one
 * meaning only, and no choice.
 */
export function DayOfWeekSection({ report, range }: { report: Report; range: DayRange }) {
  const theme = useTheme();
  const [chosen, setMeasure] = useState<Measure>('average');
  const today = dayOf(new Date());
  const choice = weekdaysCanAverage(range, today);
  const average = choice && chosen === 'average';
  const buckets = [...report.by_weekday].sort((a, b) => a.weekday - b.weekday);
  const series = productivitySeries(
    buckets,
    theme,
    weekdayScale(range, today, average ? 'average' : 'total'),
  );
  return (
    <Section
      title="Day of week"
      subtitle={
        !choice
          ? 'Tracked time per weekday'
          : average
            ? "Average per day: each weekday's time over its days in the range"
            : 'Total per weekday: its days in the range added up'
      }
      className="span-5"
      actions={
        choice ? (
          <ToggleGroup
            label="Weekdays show"
            options={MEASURES}
            value={average ? 'average' : 'total'}
            onChange={setMeasure}
          />
        ) : null
      }
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
