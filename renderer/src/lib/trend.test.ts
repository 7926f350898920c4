import { describe, expect, it } from 'vitest';
import type { Report, TrendPoint } from '../../../app/shared/report.ts';
import { formatDay } from './ranges.ts';
import { isolated, trendLabel, trendSummary, trendTitle } from './trend.ts';

const point = (date: string, score: number | null, pulse: number | null): TrendPoint => ({
  date,
  total_ms: score === null ? 0 : 3_600_000,
  productive_ms: 0,
  score,
  pulse,
});

const report = (trend: TrendPoint[], trend_unit: Report['trend_unit'] = 'day') =>
  ({ trend, trend_unit }) as Report;

describe('the score trend in words', () => {
  it('labels days and months', () => {
    expect(trendLabel(point('2026-11-05', 1, 1), 'day', 'en-GB')).toBe('5 Nov');
    expect(trendLabel(point('2026-11-05', 1, 1), 'day', 'en-US')).toBe('Nov 5');
    expect(trendLabel(point('2026-11-01', 1, 1), 'month', 'en-GB')).toBe('Nov 2026');
    expect(trendTitle(point('2026-11-05', 1, 1), 'day', 'en-GB')).toBe('Thu, 5 Nov 2026');
    expect(trendTitle(point('2026-11-01', 1, 1), 'month', 'en-GB')).toBe('November 2026');
    expect(trendTitle(point('2026-11-01', 1, 1), 'month', 'de-DE')).toBe('November 2026');
  });

  it('sums it up for screen readers, skipping days without time', () => {
    const trend = [
      point('2026-11-16', 50, 70),
      point('2026-11-17', 72, 80),
      point('2026-11-18', null, null),
      point('2026-11-19', 38, 60),
      point('2026-11-20', 61, 74),
    ];
    expect(trendSummary(report(trend))).toBe(
      `Score per day: from 50% on ${formatDay('2026-11-16')} to 61% on ${formatDay('2026-11-20')}; ` +
        `best 72% on ${formatDay('2026-11-17')}, lowest 38% on ${formatDay('2026-11-19')}. Pulse from 70 to 74.`,
    );
    expect(trendSummary(report([point('2026-11-18', null, null)], 'month'))).toBe(
      'No score per month: nothing tracked in this range.',
    );
  });
});

describe('gaps in the score trend', () => {
  it('finds the points that have no scored neighbour', () => {
    const trend = [
      point('2026-11-16', 50, 70),
      point('2026-11-17', null, null),
      point('2026-11-18', 40, 60),
      point('2026-11-19', null, null),
      point('2026-11-20', 61, 74),
      point('2026-11-21', 62, 75),
    ];
    expect(trend.map((_, i) => isolated(trend, i))).toEqual([true, false, true, false, false, false]);
  });
});
