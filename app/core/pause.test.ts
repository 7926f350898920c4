import { describe, expect, it } from 'vitest';
import { startOfNextDay } from './pause.ts';

const T0 = Date.parse('2026-03-10T14:15:00Z');

describe('startOfNextDay', () => {
  it('is the next local midnight', () => {
    // 14:15 UTC = 15:15 in Berlin (CET, +01:00) → 2026-03-11 00:00 +01:00.
    expect(startOfNextDay(T0, 'Europe/Berlin')).toBe(Date.parse('2026-03-10T23:00:00Z'));
    expect(startOfNextDay(T0, 'UTC')).toBe(Date.parse('2026-03-11T00:00:00Z'));
  });

  it('spans the 23-hour day when DST starts in Europe/Berlin', () => {
    // Saturday 28 March 2026, 22:00 CET → Sunday 00:00 CET; Sunday 10:00 CEST → Monday 00:00 CEST.
    expect(startOfNextDay(Date.parse('2026-03-28T21:00:00Z'), 'Europe/Berlin')).toBe(
      Date.parse('2026-03-28T23:00:00Z'),
    );
    const sunday = Date.parse('2026-03-29T08:00:00Z');
    expect(startOfNextDay(sunday, 'Europe/Berlin')).toBe(Date.parse('2026-03-29T22:00:00Z'));
  });

  it('spans the 25-hour day when DST ends in Europe/Berlin', () => {
    // Sunday 25 October 2026, 02:30 CET (the second 02:30) → Monday 00:00 CET.
    expect(startOfNextDay(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe(
      Date.parse('2026-10-25T23:00:00Z'),
    );
    // Just before local midnight at the start of that day.
    expect(startOfNextDay(Date.parse('2026-10-24T21:59:59Z'), 'Europe/Berlin')).toBe(
      Date.parse('2026-10-24T22:00:00Z'),
    );
  });

  it('at midnight exactly, is the following midnight', () => {
    expect(startOfNextDay(Date.parse('2026-03-10T23:00:00Z'), 'Europe/Berlin')).toBe(
      Date.parse('2026-03-11T23:00:00Z'),
    );
  });
});
