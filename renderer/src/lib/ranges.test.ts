import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayCount,
  dayOf,
  daysBetween,
  formatRange,
  isDay,
  presetOf,
  presetRange,
  rangeInstants,
  shiftRange,
  startOfDay,
  weekdayCounts,
  weekdayOf,
} from './ranges.ts';

describe('day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('knows ISO weekdays and real calendar days', () => {
    expect(weekdayOf('2026-11-16')).toBe(1);
    expect(weekdayOf('2026-11-22')).toBe(7);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-1-01')).toBe(false);
  });

  it('builds local midnights with the Date constructor', () => {
    const midnight = startOfDay('2026-03-29');
    expect([midnight.getHours(), midnight.getMinutes()]).toEqual([0, 0]);
    expect(dayOf(midnight)).toBe('2026-03-29');
  });
});

describe('presets', () => {
  const today = '2026-11-18'; // a Wednesday
  it('starts weeks on Monday and months on the 1st', () => {
    expect(presetRange('today', today)).toEqual({ start: today, end: today });
    expect(presetRange('yesterday', today)).toEqual({ start: '2026-11-17', end: '2026-11-17' });
    expect(presetRange('this-week', today)).toEqual({ start: '2026-11-16', end: '2026-11-22' });
    expect(presetRange('last-7', today)).toEqual({ start: '2026-11-12', end: today });
    expect(presetRange('this-month', today)).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(presetRange('last-30', today)).toEqual({ start: '2026-10-20', end: today });
  });

  it('a Sunday still belongs to the week that began on Monday', () => {
    expect(presetRange('this-week', '2026-11-22')).toEqual({ start: '2026-11-16', end: '2026-11-22' });
  });

  it('recognises the preset a range matches', () => {
    expect(presetOf({ start: '2026-11-16', end: '2026-11-22' }, today)).toBe('this-week');
    expect(presetOf({ start: '2026-11-09', end: '2026-11-15' }, today)).toBeNull();
  });
});

describe('shiftRange', () => {
  it('moves a range by its own length', () => {
    expect(shiftRange({ start: '2026-11-16', end: '2026-11-22' }, -1)).toEqual({
      start: '2026-11-09',
      end: '2026-11-15',
    });
    expect(shiftRange({ start: '2026-11-18', end: '2026-11-18' }, 1)).toEqual({
      start: '2026-11-19',
      end: '2026-11-19',
    });
    expect(shiftRange({ start: '2026-10-20', end: '2026-11-18' }, -1)).toEqual({
      start: '2026-09-20',
      end: '2026-10-19',
    });
  });

  it('moves whole months by calendar months', () => {
    expect(shiftRange({ start: '2026-03-01', end: '2026-03-31' }, -1)).toEqual({
      start: '2026-02-01',
      end: '2026-02-28',
    });
    expect(shiftRange({ start: '2026-12-01', end: '2026-12-31' }, 1)).toEqual({
      start: '2027-01-01',
      end: '2027-01-31',
    });
    expect(shiftRange({ start: '2026-01-01', end: '2026-02-28' }, 1)).toEqual({
      start: '2026-03-01',
      end: '2026-04-30',
    });
  });
});

describe('rangeInstants', () => {
  it('spans from local midnight of the first day to local midnight after the last', () => {
    const { from, to } = rangeInstants({ start: '2026-03-28', end: '2026-03-30' });
    expect(dayOf(from)).toBe('2026-03-28');
    expect(dayOf(to)).toBe('2026-03-31');
    expect([from.getHours(), to.getHours()]).toEqual([0, 0]);
    // Three local days; 71, 72 or 73 hours depending on a DST change in the runner's zone.
    const hours = (to.getTime() - from.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThanOrEqual(71);
    expect(hours).toBeLessThanOrEqual(73);
  });
});

describe('weekdayCounts', () => {
  it('counts each weekday of a range, up to a last day', () => {
    const range = { start: '2026-11-02', end: '2026-11-15' }; // Monday to Sunday, two weeks
    expect(dayCount(range)).toBe(14);
    expect(weekdayCounts(range)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(weekdayCounts({ start: '2026-11-04', end: '2026-11-13' })).toEqual([1, 1, 2, 2, 2, 1, 1]);
    expect(weekdayCounts(range, '2026-11-11')).toEqual([2, 2, 2, 1, 1, 1, 1]);
    expect(weekdayCounts(range, '2026-10-01')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('formatRange', () => {
  it('says a range in words, in the locale asked for (the browser’s when left out)', () => {
    const gb = (start: string, end: string) => formatRange({ start, end }, 'en-GB');
    expect(gb('2026-11-16', '2026-11-22')).toBe('Mon, 16 Nov – Sun, 22 Nov 2026');
    expect(gb('2026-12-30', '2027-01-03')).toBe('Wed, 30 Dec 2026 – Sun, 3 Jan 2027');
    expect(gb('2026-11-22', '2026-11-22')).toBe('Sun, 22 Nov 2026');
    expect(formatRange({ start: '2026-11-16', end: '2026-11-22' }, 'en-US')).toBe(
      'Mon, Nov 16 – Sun, Nov 22, 2026',
    );
    expect(formatRange({ start: '2026-11-22', end: '2026-11-22' }, 'de-DE')).toBe('So., 22. Nov. 2026');
  });
});

describe('early years', () => {
  it('keeps years below 100 as they are written', () => {
    expect(startOfDay('0099-05-01').getFullYear()).toBe(99);
    expect(isDay('0002-01-01')).toBe(true);
    expect(isDay('0002-01-01', 2000)).toBe(false);
  });
});
