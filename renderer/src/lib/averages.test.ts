import { describe, expect, it } from 'vitest';
import { elapsedDays, hourScale, hoursCanAverage, weekdayScale, weekdaysCanAverage } from './averages.ts';

// Mon 2 Nov – Sun 29 Nov 2026: four of each weekday.
const FOUR_WEEKS = { start: '2026-11-02', end: '2026-11-29' };

describe('averages per day', () => {
  it('divides by the days that have begun, not those to come', () => {
    expect(elapsedDays(FOUR_WEEKS, '2026-12-05')).toBe(28);
    expect(elapsedDays(FOUR_WEEKS, '2026-11-10')).toBe(9);
    expect(elapsedDays(FOUR_WEEKS, '2026-10-01')).toBe(0);
    expect(hourScale(FOUR_WEEKS, '2026-11-10', 'average')).toEqual(new Array(24).fill(9));
    // Mon 2 – Tue 10 Nov: two Mondays and Tuesdays, one of each other day.
    expect(weekdayScale(FOUR_WEEKS, '2026-11-10', 'average')).toEqual([2, 2, 1, 1, 1, 1, 1]);
  });

  it('leaves totals undivided', () => {
    expect(hourScale(FOUR_WEEKS, '2026-12-05', 'total')).toEqual([]);
    expect(weekdayScale(FOUR_WEEKS, '2026-12-05', 'total')).toEqual([]);
  });

  it('offers no choice when every bar covers one day at most', () => {
    const day = { start: '2026-11-10', end: '2026-11-10' };
    const week = { start: '2026-11-02', end: '2026-11-08' };
    expect(hoursCanAverage(day, '2026-12-01')).toBe(false);
    expect(hourScale(day, '2026-12-01', 'average')).toEqual([]);
    expect(hoursCanAverage(week, '2026-12-01')).toBe(true);
    expect(weekdaysCanAverage(week, '2026-12-01')).toBe(false);
    expect(weekdaysCanAverage({ start: '2026-11-02', end: '2026-11-09' }, '2026-12-01')).toBe(true);
  });
});
