/** The report's score and pulse trend in words: axis labels per day or month, and a summary for screen readers. */
import type { Report, TrendPoint } from '../../../app/shared/report.ts';
import { formatDate, formatMonth } from '../../../app/shared/local-format.ts';
import { formatDay } from './ranges.ts';

/** "24 Oct" for a day, "Oct 2026" for a month (en-GB; in the browser's locale). */
export function trendLabel(point: TrendPoint, unit: Report['trend_unit'], locale?: string): string {
  return unit === 'month'
    ? formatMonth(point.date, false, locale)
    : formatDate(point.date, { weekday: false, year: false }, locale);
}

/** "Fri, 20 Nov 2026" for a day, "November 2026" for a month: the tooltip's heading. */
export function trendTitle(point: TrendPoint, unit: Report['trend_unit'], locale?: string): string {
  return unit === 'day' ? formatDay(point.date, true, locale) : formatMonth(point.date, true, locale);
}

/** Points with tracked time; days without any have no score. */
export function scoredPoints(trend: TrendPoint[]): TrendPoint[] {
  return trend.filter((p) => p.score !== null);
}

/** Whether point `i` has a score and neither neighbour has one: a line cannot show it, a dot must. */
export function isolated(trend: TrendPoint[], i: number): boolean {
  return (
    trend[i]?.score != null &&
    (trend[i - 1]?.score ?? null) === null &&
    (trend[i + 1]?.score ?? null) === null
  );
}

/**
 * "Score per day: from 55% on Sat 24 Oct to 61% on Sun 22 Nov; best 72% on Wed 4 Nov, lowest 38% on Sun 1 Nov.
 * Pulse from 70 to 74."
 */
export function trendSummary(report: Report): string {
  const points = scoredPoints(report.trend);
  const per = report.trend_unit === 'month' ? 'month' : 'day';
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `No score per ${per}: nothing tracked in this range.`;
  const when = (p: TrendPoint) => trendTitle(p, report.trend_unit);
  const best = points.reduce((a, b) => ((b.score ?? 0) > (a.score ?? 0) ? b : a));
  const worst = points.reduce((a, b) => ((b.score ?? 0) < (a.score ?? 0) ? b : a));
  const parts = [
    `Score per ${per}: from ${first.score}% on ${when(first)} to ${last.score}% on ${when(last)}`,
    `best ${best.score}% on ${when(best)}, lowest ${worst.score}% on ${when(worst)}.`,
  ];
  const pulse =
    first.pulse !== null && last.pulse !== null ? ` Pulse from ${first.pulse} to ${last.pulse}.` : '';
  return `${parts.join('; ')}${pulse}`;
}
