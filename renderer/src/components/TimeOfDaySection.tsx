import { useState } from 'react';
import type { Report } from '../../../app/shared/report.ts';
import { barsSummary, categorySeries, productivitySeries } from '../lib/breakdown.ts';
import { hourLabel } from '../lib/durations.ts';
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

/** Tracked time per local hour of the day, stacked by productivity or by the top categories. */
export function TimeOfDaySection({ report }: { report: Report }) {
  const theme = useTheme();
  const { categories } = useActionsContext();
  const [mode, setMode] = useState<Mode>('productivity');
  const series =
    mode === 'productivity'
      ? productivitySeries(report.by_hour, theme)
      : categorySeries(report.hour_categories, 24, (c) => c.hour, theme, [], chosenColours(categories));
  const names = HOURS.map((_, h) => hourLabel(h));
  return (
    <Section
      title="Time of day"
      subtitle="Tracked time per hour, over the whole range"
      className="span-7"
      actions={<ToggleGroup label="Split bars by" options={MODES} value={mode} onChange={setMode} />}
    >
      <StackedBars
        labels={HOURS}
        series={series}
        title={(i) => names[i] ?? ''}
        summary={barsSummary(
          `Tracked time per hour, ${mode === 'productivity' ? 'by productivity' : 'by category'}`,
          names,
          series,
        )}
      />
      <Legend label="Colours" items={series.map((s) => ({ label: s.label, color: s.color }))} />
    </Section>
  );
}
