import { describe, expect, it } from 'vitest';
import { localDaysOf, scores, trendUnit } from './score.ts';
import { dayFromCivil } from './time.ts';
import { Zone } from './zone.ts';

const t = (productive: number, neutral: number, unproductive: number, uncategorized: number) => ({
  productive,
  neutral,
  unproductive,
  uncategorized,
});

describe('scores', () => {
  it('is null without time', () => {
    expect(scores(t(0, 0, 0, 0))).toEqual({ score: null, pulse: null });
  });

  it('weighs productive 1, neutral and uncategorized ½, unproductive 0, rounded', () => {
    expect(scores(t(60, 30, 20, 10))).toEqual({ score: 50, pulse: 67 });
    expect(scores(t(0, 0, 5, 0))).toEqual({ score: 0, pulse: 0 });
    expect(scores(t(0, 5, 0, 5))).toEqual({ score: 0, pulse: 50 });
    expect(scores(t(7, 0, 0, 0))).toEqual({ score: 100, pulse: 100 });
    expect(scores(t(1, 0, 2, 0))).toEqual({ score: 33, pulse: 33 });
    expect(scores(t(1, 0, 1, 0))).toEqual({ score: 50, pulse: 50 });
  });
});

describe('trendUnit', () => {
  const utc = new Zone('UTC');
  const ny = new Zone('America/New_York');
  it('is per day up to 92 local days touched, per month beyond', () => {
    const jan1 = Date.UTC(2026, 0, 1);
    expect(trendUnit(jan1, Date.UTC(2026, 3, 3), utc)).toBe('day'); // 1 Jan – 2 Apr: 92 days
    expect(trendUnit(jan1, Date.UTC(2026, 3, 3) + 1, utc)).toBe('month'); // touches 3 Apr
    expect(trendUnit(jan1, jan1, utc)).toBe('day');
  });

  it('counts the days of the zone, not of UTC', () => {
    // 00:00–05:00 UTC on 1 January is still 31 December in New York.
    expect(localDaysOf(Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1, 5), ny)).toEqual({
      first: dayFromCivil(2025, 12, 31),
      last: dayFromCivil(2025, 12, 31),
    });
    expect(localDaysOf(5, 5, ny)).toBeNull();
  });
});
