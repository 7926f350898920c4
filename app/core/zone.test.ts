import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { dayFromCivil, HOUR_MS, isoWeekday } from './time.ts';
import { Zone } from './zone.ts';

const H = HOUR_MS;
const day = (y: number, m: number, d: number) => dayFromCivil(y, m, d);

describe('Zone', () => {
  it('gives offsets including 45-minute and half-hour ones', () => {
    expect(new Zone('Asia/Kathmandu').offsetAt(Date.UTC(2026, 0, 1))).toBe(5.75 * H);
    expect(new Zone('Asia/Kolkata').offsetAt(Date.UTC(2026, 0, 1))).toBe(5.5 * H);
    expect(new Zone('Pacific/Chatham').offsetAt(Date.UTC(2026, 6, 1))).toBe(12.75 * H);
    expect(new Zone('Australia/Lord_Howe').offsetAt(Date.UTC(2026, 0, 1))).toBe(11 * H);
    expect(new Zone('Australia/Lord_Howe').offsetAt(Date.UTC(2026, 6, 1))).toBe(10.5 * H);
  });

  it('switches offset at the exact DST instant', () => {
    const ny = new Zone('America/New_York');
    const change = Date.UTC(2026, 2, 8, 7); // 02:00 EST → 03:00 EDT
    expect(ny.offsetAt(change - 1)).toBe(-5 * H);
    expect(ny.offsetAt(change)).toBe(-4 * H);
  });

  it('knows when local days start, on 23- and 25-hour days too', () => {
    const ny = new Zone('America/New_York');
    expect(ny.dayStart(day(2026, 3, 8))).toBe(Date.UTC(2026, 2, 8, 5));
    expect(ny.dayStart(day(2026, 3, 9)) - ny.dayStart(day(2026, 3, 8))).toBe(23 * H);
    expect(ny.dayStart(day(2026, 11, 2)) - ny.dayStart(day(2026, 11, 1))).toBe(25 * H);
  });

  it('starts the day at the transition where midnight does not exist', () => {
    // Santiago springs forward at 24:00 → 01:00 on the first Saturday night of September.
    const santiago = new Zone('America/Santiago');
    const start = santiago.dayStart(day(2026, 9, 6));
    expect(start).toBe(Date.UTC(2026, 8, 6, 4));
    expect(santiago.local(start)).toEqual({ day: day(2026, 9, 6), hour: 1 });
    expect(santiago.localDay(start - 1)).toBe(day(2026, 9, 5));
  });

  it('maps an instant to its local day and hour', () => {
    const kathmandu = new Zone('Asia/Kathmandu');
    expect(kathmandu.local(Date.UTC(2026, 0, 1, 18, 15))).toEqual({ day: day(2026, 1, 2), hour: 0 });
    expect(isoWeekday(day(2026, 1, 5))).toBe(1); // a Monday
    expect(isoWeekday(day(2026, 1, 4))).toBe(7);
  });

  it('refuses an unknown zone with a clear error', () => {
    expect(() => new Zone('Mars/Olympus')).toThrow(DomainError);
    expect(() => new Zone('Mars/Olympus')).toThrow(/unknown time zone/);
  });
});
