/**
 * What a bar of the time-of-day and day-of-week charts means: the total over the range, or the average per
 * day (the total divided by how many days of the range, or of that weekday, have begun; days still to come
 * are not counted). When every bar covers one day at most, the two are the same and no choice is offered.
 */
import { daysBetween, weekdayCounts, type Day, type DayRange } from './ranges.ts';

export type Measure = 'average' | 'total';

export const MEASURES: Array<{ key: Measure; label: string }> = [
  { key: 'average', label: 'Average per day' },
  { key: 'total', label: 'Total' },
];

/** The days of the range up to `today` (0 for a range that has not begun). */
export function elapsedDays(range: DayRange, today: Day): number {
  const end = range.end < today ? range.end : today;
  return Math.max(0, daysBetween(range.start, end) + 1);
}

/** What to divide each hour's bar by (nothing for totals, or when at most one day has begun). */
export function hourScale(range: DayRange, today: Day, measure: Measure): number[] {
  const days = elapsedDays(range, today);
  return measure === 'average' && days > 1 ? new Array<number>(24).fill(days) : [];
}

/** What to divide each weekday's bar by (index 0 = Monday): how many of that weekday have begun. */
export function weekdayScale(range: DayRange, today: Day, measure: Measure): number[] {
  return measure === 'average' ? weekdayCounts(range, today) : [];
}

/** Whether the two measures differ: some hour or weekday bar covers more than one day. */
export const hoursCanAverage = (range: DayRange, today: Day): boolean => elapsedDays(range, today) > 1;
export const weekdaysCanAverage = (range: DayRange, today: Day): boolean =>
  weekdayCounts(range, today).some((n) => n > 1);
