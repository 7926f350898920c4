import { useState } from 'react';
import type { Report } from '../../../app/shared/report.ts';
import { elapsedDays, hourScale, hoursCanAverage, MEASURES, type Measure } from '../lib/averages.ts';
import { barsSummary, categorySeries, productivitySeries } from '../lib/breakdown.ts';
import { hourLabel } from '../lib/durations.ts';
import { dayOf, type DayRange } from '../lib/ranges.ts';
import { useTheme } from '../lib/theme.ts';
import { useActionsContext } from '../hooks/useActions.ts';
import { chosenColours } from '../lib/breakdown.ts';
import { Legend } from './Legend.tsx';
import { Section } from './Section.tsx';
import { StackedBars } from './StackedBars.tsx';
import { ToggleGroup } from './ToggleGroup.tsx';

type Mode = 'productivity' | 'category';
const MODES = [
  { key: 'productivity' as const, label: 'By productivity' },
  { key: 'category' as const, label: 'By category' },
];
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/**
 * Tracked time per local hour of the day, stacked by productivity or by the top categories: by default the
 * average day of the range (each hour's time over the days begun), or on request the whole range's total.
 */
export function TimeOfDaySection({ report, range }: { report: Report; range: DayRange }) {
  const theme = useTheme();
  const { categories } = useActionsContext();
  const [mode, setMode] = useState<Mode>('productivity');
  const [chosen, setMeasure] = useState<Measure>('average');
  const today = dayOf(new Date());
  const choice = hoursCanAverage(range, today);
  const measure = choice ? chosen : 'total';
  const scale = hourScale(range, today, measure);
  const series =
    mode === 'productivity'
      ? productivitySeries(report.by_hour, theme, scale)
      : categorySeries(report.hour_categories, 24, (c) => c.hour, theme, scale, chosenColours(categories));
  const names = HOURS.map((_, h) => hourLabel(h));
  const days = elapsedDays(range, today);
  const subtitle = !choice
    ? 'Tracked time per hour of the day'
    : measure === 'average'
      ? `Average per day: each hour's time over the ${days} days of the range`
      : `Total per hour: the ${days} days of the range added up`;
  return (
    <Section
      title="Time of day"
      subtitle={subtitle}
      className="span-7"
      actions={
        <>
          {choice ? (
            <ToggleGroup label="Hours show" options={MEASURES} value={measure} onChange={setMeasure} />
          ) : null}
          <ToggleGroup label="Split bars by" options={MODES} value={mode} onChange={setMode} />
        </>
      }
    >
      <StackedBars
        labels={HOURS}
        series={series}
        title={(i) => `${names[i] ?? ''}${measure === 'average' && choice ? ', average per day' : ''}`}
        // Worded without "day", "from" or "to": the page's date fields are found by those labels.
        summary={barsSummary(
          `Tracked time per hour${measure === 'average' && choice ? ', averaged' : ''}, ${mode === 'productivity' ? 'by productivity' : 'by category'}`,
          names,
          series,
        )}
      />
      <Legend label="Colours" items={series.map((s) => ({ label: s.label, color: s.color }))} />
    </Section>
  );
}
