/** A subject's days in words: what the "time by day" view of a site says under its chart. */
import { formatDuration } from '../../../app/shared/format.ts';
import type { DayTotal } from '../../../app/shared/drill.ts';

export interface DaysSummary {
  total: number;
  /** Days with any time, of the days counted. */
  active: number;
  counted: number;
  /** The total over the days counted (days after `today` are not over yet). */
  average: number;
  busiest: DayTotal | null;
}

/** Figures over the days up to `today` (YYYY-MM-DD); later days of the range have not happened. */
export function summarizeDays(days: DayTotal[], today: string): DaysSummary {
  const counted = days.filter((d) => d.date <= today);
  const total = counted.reduce((sum, d) => sum + d.ms, 0);
  const busiest = counted.reduce<DayTotal | null>(
    (best, d) => (d.ms > 0 && (!best || d.ms > best.ms) ? d : best),
    null,
  );
  return {
    total,
    active: counted.filter((d) => d.ms > 0).length,
    counted: counted.length,
    average: counted.length > 0 ? Math.round(total / counted.length) : 0,
    busiest,
  };
}

/** "3h 20m on 12 of 30 days, 6m 40s a day on average; most on Tue 3 Nov (45m)." */
export function daysSentence(summary: DaysSummary, formatDay: (date: string) => string): string {
  if (summary.total === 0) return 'No time in this range.';
  const base = `${formatDuration(summary.total)} on ${summary.active} of ${summary.counted} ${summary.counted === 1 ? 'day' : 'days'}`;
  if (summary.counted === 1) return `${base}.`;
  const busiest = summary.busiest
    ? `; most on ${formatDay(summary.busiest.date)} (${formatDuration(summary.busiest.ms)})`
    : '';
  return `${base}, ${formatDuration(summary.average)} a day on average${busiest}.`;
}
