/**
 * The productivity score and pulse of some tracked time, and which unit a report's trend is counted in.
 *
 *   score = productive / total                                  (the productive share)
 *   pulse = (productive + ½ neutral + ½ uncategorized) / total  (weights 1, ½, ½, 0 for unproductive)
 *
 * Both are whole percentages, and null without tracked time: "0" would claim a day that had none was wasted.
 */
import type { ByProductivity } from '../shared/report.ts';
import type { Zone } from './zone.ts';

export interface Scores {
  score: number | null;
  pulse: number | null;
}

export function scores(t: ByProductivity): Scores {
  const total = t.productive + t.neutral + t.unproductive + t.uncategorized;
  if (total <= 0) return { score: null, pulse: null };
  return {
    score: Math.round((100 * t.productive) / total),
    pulse: Math.round((100 * (t.productive + (t.neutral + t.uncategorized) / 2)) / total),
  };
}

/** A range touching at most this many local days gets a trend per day; longer ones, per month. */
export const DAILY_TREND_MAX_DAYS = 92;

/** The local days [first, last] a range [fromMs, toMs) touches; null for an empty range. */
export function localDaysOf(
  fromMs: number,
  toMs: number,
  zone: Zone,
): { first: number; last: number } | null {
  if (toMs <= fromMs) return null;
  return { first: zone.localDay(fromMs), last: zone.localDay(toMs - 1) };
}

export function trendUnit(fromMs: number, toMs: number, zone: Zone): 'day' | 'month' {
  const days = localDaysOf(fromMs, toMs, zone);
  return days === null || days.last - days.first + 1 <= DAILY_TREND_MAX_DAYS ? 'day' : 'month';
}
